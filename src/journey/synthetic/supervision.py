"""Reflective supervision written as the record keeps it (decision record 0017): each practitioner supervised by
their team's manager about once a month over the last ``SUPERVISION_MONTHS`` months, discussing a few of the
children they held on the day, with the prompts answered as a practitioner would (an alternative hypothesis most of
the time, never always) and one or two decisions, each with its rationale and the person responsible.

Supervision is about a practitioner's whole caseload, which spans the generator's chunks, so it is written once every
chunk is: from the allocations on record, as a finishing phase. The rows obey what ``practice.actions`` enforces: the
supervisor is the practitioner's line manager (asked of ``practice.rules.recording_refusal`` itself), every child
discussed was allocated to the practitioner on the day, every decision has someone responsible, and no session is
held today or later. Each practitioner's month has its own random stream, seeded by their id and the month, so the
same authority gets the same supervision; a month already holding a session for the practitioner (an appended run)
is left alone.
"""
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from journey.accounts.models import Role, User
from journey.casework.models import Allocation
from journey.people.models import Person
from journey.practice.models import SupervisionSession
from journey.practice.rules import recording_refusal

from .batch import Batch
from .rows import SupervisionDecision, SupervisionDiscussion
from .rows import SupervisionSession as SessionRow
from .writer import write_rows

SUPERVISION_MONTHS = 24
CHILDREN_PER_SESSION = (2, 5)
ALTERNATIVE_GIVEN = 0.8  # the page asks for one every time; practitioners mostly, not always, give one
FEELINGS_GIVEN = 0.5
SECOND_DECISION = 0.35
BY_WHEN_SET = 0.6

HAPPENING = (
    "{name}'s carer is coping better since the family hub sessions began, but the home is still chaotic by the end of the week.",
    "School attendance for {name} has dropped again; I think the mornings fall apart when mum's partner stays over.",
    "{name} is more settled and talks about home without prompting. The plan's changes are holding for now.",
    "The family say things are fine, but the health visitor and the school describe a child who is hungry and tired.",
    "Mum is engaging with the domestic abuse service; {name} seems calmer at contact and at school.",
)
GUT_FEELING = (
    "Uneasy. It rests on how quickly the conversation was closed down when I asked about evenings.",
    "Cautiously hopeful: the last three visits were unannounced and each time the home was warm and there was food.",
    "Something is being kept from me; {name} looked to mum before answering every question.",
    "That this family will manage with less from us; they ring us now before things go wrong.",
)
ALTERNATIVE = (
    "The tiredness could be {name}'s sleep problem, which the GP has not yet looked at, rather than neglect.",
    "The change at school may be about bullying there rather than anything at home; the school has not ruled it out.",
    "Mum's withdrawal could be low mood after the birth rather than disengagement from the plan.",
    "The injuries fit the account of rough play with an older cousin; we have not yet spoken to the cousin's parent.",
)
CHANGE_MIND = (
    "Two more unannounced visits like the last ones, and the school saying attendance is back above 90%.",
    "Hearing from {name} alone, somewhere {name} chooses, that evenings at home feel safe.",
    "The health visitor's next check showing {name}'s weight back on the curve.",
    "Any sign that the partner is living at the house again.",
)
CHILD_SAYS = (
    "{name} says home is 'better now' and wants more time with nan.",
    "{name} drew the family with the dog in the middle and said the dog keeps everyone happy.",
    "{name} asked whether I will keep coming; {name} likes that someone checks.",
    "{name} said they don't like it when people shout and they go upstairs when it starts.",
)
FEELINGS = (
    "Tired by this family; I dread the visits a little and notice I put them off.",
    "Worried I am too close to mum and may be missing things.",
    "Positive; this is the family that reminds me why I do the job.",
    "Frustrated with the other agencies more than with the family.",
)
DECISIONS = (
    ("Visit unannounced within the next fortnight and see {name} alone.", "We need to test the improvement we are hearing about."),
    ("Ask the GP to review {name}'s sleep and weight.", "To rule in or out the alternative explanation before the review."),
    ("Hold a professionals' meeting with the school and the health visitor.", "The agencies describe different children; we need one picture."),
    ("Update the plan's steps with the family at the next visit.", "The family have met two of the steps; the plan should say what is next."),
    ("Discuss stepping down to early help at the next review.", "The changes have held for three months."),
    ("Speak to the cousin's parent about the injuries.", "To test the family's account against someone else's."),
)


@dataclass(frozen=True)
class Ref:
    """A written record by its id, where a row points at something already on the database."""

    pk: int


def supervise_authority(update: Callable[[int], None], *, today: date) -> int:
    """Write supervision for every practitioner who has a line manager and held children in the last
    ``SUPERVISION_MONTHS`` months; return how many sessions were written."""
    first = _month_start(today, SUPERVISION_MONTHS - 1)  # this month and the ones before it
    practitioners = [
        user for user in _with_a_manager().select_related("team__manager", "agency").order_by("pk")
        if recording_refusal(user.team.manager, user) is None
    ]
    held = defaultdict(list)
    for worker_id, episode_id, child_id, started_on, ended_on in Allocation.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=first), worker__in=practitioners, started_on__lt=today,
    ).order_by("pk").values_list("worker_id", "episode_id", "episode__child_id", "started_on", "ended_on"):
        held[worker_id].append((episode_id, child_id, started_on, ended_on))
    names = dict(_first_names({child for rows in held.values() for _, child, _, _ in rows}))
    already = {(p, on.year, on.month) for p, on in SupervisionSession.objects.filter(held_on__gte=first).values_list("practitioner_id", "held_on")}
    batch = Batch()
    for practitioner in practitioners:
        for month in _months(first, today):
            if (practitioner.pk, month.year, month.month) not in already:
                _session(batch, practitioner, month, held[practitioner.pk], names, today)
        update(1)
    write_rows(batch.rows)
    return len(batch.rows[SessionRow.model])


def practitioners_to_supervise() -> int:
    return _with_a_manager().count()


def _with_a_manager():
    return User.objects.filter(role=Role.PRACTITIONER, is_active=True, team__manager__isnull=False)


def _session(batch: Batch, practitioner: User, month: date, held: list, names: dict[int, str], today: date) -> None:
    rng = random.Random(f"supervision:{practitioner.pk}:{month:%Y-%m}")
    on = _weekday(month + timedelta(days=rng.randint(2, 24)))
    if on >= today:
        return
    children: dict[int, int] = {}
    for episode_id, child_id, started_on, ended_on in held:
        if started_on <= on and (ended_on is None or ended_on > on):
            children.setdefault(child_id, episode_id)
    if not children:
        return
    chosen = rng.sample(sorted(children), min(len(children), rng.randint(*CHILDREN_PER_SESSION)))
    manager = practitioner.team.manager
    at = datetime.combine(on, time(rng.randint(9, 15), rng.choice((0, 30))), tzinfo=timezone.get_current_timezone())
    session = batch.add(SessionRow(
        practitioner=practitioner, supervisor=manager, held_on=on, recorded_by=manager,
        recorded_at=at + timedelta(hours=rng.randint(1, 30)),
    ))
    for child_id in chosen:
        name = names.get(child_id, "the child")

        def say(bank: tuple[str, ...], name: str = name) -> str:
            return rng.choice(bank).format(name=name)

        discussion = batch.add(SupervisionDiscussion(
            session=session, child=Ref(child_id), episode=Ref(children[child_id]), happening=say(HAPPENING),
            gut_feeling=say(GUT_FEELING), alternative=say(ALTERNATIVE) if rng.random() < ALTERNATIVE_GIVEN else "",
            change_mind=say(CHANGE_MIND), child_says=say(CHILD_SAYS), feelings=say(FEELINGS) if rng.random() < FEELINGS_GIVEN else "",
        ))
        for decision, rationale in rng.sample(DECISIONS, 2 if rng.random() < SECOND_DECISION else 1):
            batch.add(SupervisionDecision(
                discussion=discussion, decision=decision.format(name=name), rationale=rationale,
                responsible=practitioner if rng.random() < 0.85 else manager,
                by_when=on + timedelta(days=rng.randint(7, 42)) if rng.random() < BY_WHEN_SET else None,
            ))


def _first_names(child_ids: set[int]):
    """The name each child is known by (a child's id is its person's)."""
    for pk, known_as, first_name in Person.objects.filter(pk__in=child_ids).values_list("pk", "known_as", "first_name"):
        yield pk, known_as or first_name


def _month_start(today: date, months_back: int) -> date:
    index = today.year * 12 + today.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _months(first: date, today: date):
    month = first
    while month <= today:
        yield month
        month = _month_start(month, -1)


def _weekday(on: date) -> date:
    return on + timedelta(days=8 - on.isoweekday() if on.isoweekday() > 5 else 0)
