"""Social work units' weekly meetings, written once every chunk of the authority is: each unit meets on its own
weekday, for the last few weeks of the history, its members there (now and then one away), and talks through a few of
the children it held that day, each entry with what was discussed and, often, what was agreed, by which member of
the unit and by when. The rows obey ``practice.unit_actions``: only children the unit held on the day (an allocation
in the unit on an open episode), a member of the unit to do what was agreed, one meeting a unit a day (decision record
0018). Written after the chunks because a unit's children come from every chunk, by ``bulk_create`` like the rest of
the record (no signals, no audit events); the chronology is rebuilt from them after.
"""
import random
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from journey.accounts.models import Team, TeamKind, UnitRole, User
from journey.casework.models import Allocation
from journey.practice.models import UnitMeeting, UnitMeetingAttendance, UnitMeetingEntry

WEEKS = 4
MOST_DISCUSSED = 4
DISCUSSED = (
    "{name}'s school attendance has dropped again; the unit looked at what has changed at home.",
    "{name} has settled well since the last meeting; the unit talked about stepping down the visits.",
    "Mum missed the last two appointments with {name}; the unit talked through what might be getting in the way.",
    "The clinician's session with the family went well: {name} spoke about home for the first time.",
    "The health visitor is worried about {name}'s weight; the unit talked about what to ask at the next visit.",
    "{name} told the children's practitioner that the arguing at home has stopped; the unit weighed that against the police call-out.",
    "Contact with Dad has restarted; the unit talked about how {name} seemed before and after.",
    "The unit went over the plan for {name}: most steps are on track, housing is not.",
)
AGREED = (
    "Visit {name} at home before Friday, and see {name} alone.",
    "Ring the school about {name}'s attendance this week.",
    "Book a family session with the clinician.",
    "Start life story work with {name}.",
    "Chase the housing officer and update the plan.",
    "Speak to Dad about contact arrangements.",
)


def _meeting_days(unit_number: int, last_day: date) -> list[date]:
    """The unit's meeting days, latest first: its own weekday (Monday to Friday), the last ``WEEKS`` weeks."""
    weekday = unit_number % 5
    latest = last_day - timedelta(days=(last_day.weekday() - weekday) % 7)
    return [latest - timedelta(weeks=week) for week in range(WEEKS)]


def _held_on(allocations: list[Allocation], day: date) -> list[Allocation]:
    """The unit's allocations on ``day``: started, not handed on, on an episode open that day; one a child."""
    found: dict[int, Allocation] = {}
    for held in allocations:
        episode = held.episode
        if held.started_on <= day and (held.ended_on is None or held.ended_on > day) and episode.started_on <= day and (
            episode.ended_on is None or episode.ended_on > day
        ):
            found.setdefault(episode.child_id, held)
    return [found[child_id] for child_id in sorted(found)]


def write_unit_meetings(seed: int, today: date) -> Counter:
    """Each unit's weekly meetings for the last few weeks of the history (yesterday its last day); a meeting already
    on file (an appended run) is left as it is."""
    rng = random.Random(f"{seed}:unit-meetings")
    last_day = today - timedelta(days=1)
    units = list(Team.objects.filter(kind=TeamKind.UNIT).order_by("name"))
    members: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(team__in=units, is_active=True).order_by("pk"):
        members[user.team_id].append(user)
    window = last_day - timedelta(weeks=WEEKS)
    by_unit: dict[int, list[Allocation]] = defaultdict(list)
    for held in (
        Allocation.objects.filter(team__in=units).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=window))
        .filter(Q(episode__ended_on__isnull=True) | Q(episode__ended_on__gt=window))
        .select_related("episode__child__person").order_by("pk")
    ):
        by_unit[held.team_id].append(held)
    taken = set(UnitMeeting.objects.filter(unit__in=units).values_list("unit_id", "held_on"))
    written: Counter = Counter()
    for number, unit in enumerate(units):
        staff = members[unit.pk]
        if not staff:
            continue
        recorder = next((m for m in staff if m.unit_role == UnitRole.UNIT_COORDINATOR), unit.manager or staff[0])
        for day in _meeting_days(number, last_day):
            held = _held_on(by_unit[unit.pk], day)
            if not held or (unit.pk, day) in taken:
                continue
            written += _meeting(rng, unit, day, staff, recorder, held)
    return written


def _meeting(rng: random.Random, unit: Team, day: date, staff: list[User], recorder: User, held: list[Allocation]) -> Counter:
    (meeting,) = UnitMeeting.objects.bulk_create([UnitMeeting(
        unit=unit, held_on=day, recorded_by=recorder,
        recorded_at=timezone.make_aware(datetime.combine(day, time(16, 30)), timezone.get_current_timezone()),
    )])
    away = rng.choice(staff) if len(staff) > 2 and rng.random() < 0.3 else None
    there = [member for member in staff if member is not away]
    UnitMeetingAttendance.objects.bulk_create([UnitMeetingAttendance(meeting=meeting, member=member) for member in there])
    entries = []
    for allocation in sorted(rng.sample(held, min(len(held), rng.randint(2, MOST_DISCUSSED))), key=lambda a: a.pk):
        name = allocation.episode.child.person.first_name
        entry = UnitMeetingEntry(meeting=meeting, child_id=allocation.episode.child_id, discussed=rng.choice(DISCUSSED).format(name=name))
        if rng.random() < 0.7:
            lead = allocation.worker if any(m.pk == allocation.worker_id for m in staff) else rng.choice(staff)
            entry.agreed = rng.choice(AGREED).format(name=name)
            entry.responsible = lead if rng.random() < 0.6 else rng.choice(staff)
            if rng.random() < 0.5:
                entry.by_when = day + timedelta(days=rng.randint(3, 14))
        entries.append(entry)
    UnitMeetingEntry.objects.bulk_create(entries)
    return Counter({"practice.UnitMeeting": 1, "practice.UnitMeetingAttendance": len(there), "practice.UnitMeetingEntry": len(entries)})
