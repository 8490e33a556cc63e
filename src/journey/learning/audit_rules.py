"""Who may make, audit and read case audits, and how a sample is drawn (decision record 0020).

A round is made by a team manager or head of service over the teams they manage (casework's ``teams_managed_by``).
Its sampling frame is the children, not restricted, with an episode open on the round's day in one of those teams,
narrowed by the criteria; the sample is drawn from the frame, ordered by id, by ``random.Random(seed)``, so the same
seed and criteria on the same record draw the same children. Auditors (case auditors, or other managers) open the
sampled children only while the round's grant lasts (``audit_involvement``). An audit is part of the child's record:
read by those who may open the child today and who made the round, audit it, or whose work it audited.
"""
import random
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from journey.access.rules import can_record_work, child_model
from journey.accounts.models import Role, Team
from journey.casework.codes import EpisodeKind, PlanKind
from journey.casework.models import Allocation, Episode, Plan
from journey.casework.rules import teams_managed_by

from .audit_models import CaseAudit, CaseAuditRound

MAKERS = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
AUDITING_ROLES = frozenset({Role.AUDITOR, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
AGE_BANDS = {"0-4": (0, 4), "5-9": (5, 9), "10-15": (10, 15), "16-17": (16, 17)}
AGE_BAND_LABELS = {"0-4": "Under 5", "5-9": "5 to 9", "10-15": "10 to 15", "16-17": "16 and 17"}

CANNOT_MAKE = "Only a team manager or head of service can make an audit round, over the teams they manage"
CANNOT_READ = "Only the round's manager, its auditors while their access lasts, and the practitioner audited can read this audit"


@dataclass(frozen=True)
class Criteria:
    """What narrows a sampling frame; each empty criterion narrows nothing."""

    team_id: int | None = None
    episode_kind: str = ""
    on_child_protection_plan: bool = False
    age_band: str = ""

    def as_json(self) -> dict:
        found: dict = {}
        if self.team_id:
            found["team"] = self.team_id
        if self.episode_kind:
            found["episode_kind"] = self.episode_kind
        if self.on_child_protection_plan:
            found["on_child_protection_plan"] = True
        if self.age_band:
            found["age_band"] = self.age_band
        return found

    @classmethod
    def from_json(cls, data: dict) -> "Criteria":
        return cls(data.get("team"), data.get("episode_kind", ""), bool(data.get("on_child_protection_plan")), data.get("age_band", ""))

    @property
    def any(self) -> bool:
        return bool(self.as_json())


def describe(criteria: dict) -> list[str]:
    """The criteria as a reader says them."""
    found = Criteria.from_json(criteria)
    said = []
    if found.team_id:
        said.append(f"Team: {Team.objects.filter(pk=found.team_id).values_list('name', flat=True).first() or 'a team since removed'}")
    if found.episode_kind:
        said.append(f"Open episode: {EpisodeKind(found.episode_kind).label}")
    if found.on_child_protection_plan:
        said.append("On a child protection plan")
    if found.age_band:
        said.append(f"Age: {AGE_BAND_LABELS[found.age_band]}")
    return said


def can_make_round(user) -> bool:
    return can_record_work(user) and user.role in MAKERS and teams_managed_by(user).exists()


def can_audit(user) -> bool:
    """Whether ``user`` may be named an auditor: an active case auditor, team manager or head of service."""
    return bool(user is not None and user.is_active and user.role in AUDITING_ROLES)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _open_on(day: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}started_on__lte": day}) & (Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gte": day}))


def frame_episodes(maker, as_of: date, criteria: Criteria) -> QuerySet:
    """The episodes open on ``as_of`` in the teams ``maker`` manages (one team, if the criteria name it)."""
    teams = teams_managed_by(maker)
    if criteria.team_id:
        teams = teams.filter(pk=criteria.team_id)
    episodes = Episode.objects.filter(_open_on(as_of), team__in=teams)
    if criteria.episode_kind:
        episodes = episodes.filter(kind=criteria.episode_kind)
    return episodes


def sampling_frame(maker, as_of: date, criteria: Criteria) -> QuerySet:
    """The children a round of ``maker``'s may draw, as of ``as_of``, by ``criteria``; never a restricted child."""
    children = child_model().objects.filter(pk__in=frame_episodes(maker, as_of, criteria).values("child_id"), is_restricted=False)
    if criteria.on_child_protection_plan:
        plans = Plan.objects.filter(_open_on(as_of), kind=PlanKind.CHILD_PROTECTION)
        children = children.filter(pk__in=plans.values("child_id"))
    if criteria.age_band:
        youngest, oldest = AGE_BANDS[criteria.age_band]
        children = children.filter(
            person__date_of_birth__lte=_years_before(as_of, youngest), person__date_of_birth__gt=_years_before(as_of, oldest + 1),
        )
    return children.order_by("pk")


def draw(frame_ids: list[int], seed: int, size: int) -> list[int]:
    """``size`` ids (or all, if fewer) drawn from ``frame_ids`` by a generator seeded with ``seed``, in draw order."""
    ordered = sorted(frame_ids)
    return random.Random(seed).sample(ordered, min(size, len(ordered)))


def practitioners_on(maker, as_of: date, criteria: Criteria, child_ids: list[int]) -> dict[int, int]:
    """For each child, the worker allocated on ``as_of`` to their episode in the frame (the latest allocation)."""
    allocations = (
        Allocation.objects.filter(_open_on(as_of), episode__in=frame_episodes(maker, as_of, criteria), episode__child_id__in=child_ids)
        .order_by("episode__child_id", "started_on", "pk").values_list("episode__child_id", "worker_id")
    )
    return dict(allocations)


def reads_round(user, round_: CaseAuditRound) -> bool:
    """The round's page: its maker, and an auditor named on it while the grant lasts."""
    if not can_record_work(user):
        return False
    if round_.made_by_id == user.pk:
        return True
    return round_.grant_in_force and round_.auditors.filter(pk=user.pk).exists()


def audit_refusal(user, round_: CaseAuditRound) -> str | None:
    """Why ``user`` may not record an audit in ``round_``, or None: an auditor named on it, while the grant lasts."""
    if not can_audit(user) or not round_.auditors.filter(pk=user.pk).exists():
        return "Only an auditor named on this round can record its audits"
    if not round_.grant_in_force:
        return "This round's access has ended: ask its manager to extend it"
    return None


def grant_refusal(user, round_: CaseAuditRound) -> str | None:
    """Why ``user`` may not extend or end the round's grant: only the manager who made the round may."""
    if not can_record_work(user) or round_.made_by_id != user.pk:
        return "Only the manager who made this round can change its auditors' access"
    if round_.grant_ended_at is not None:
        return "This round's access was ended and cannot be extended: make a new round"
    return None


def readers_of(user) -> Q:
    """A filter on CaseAudit: the audits ``user`` may read, whose child they may open today (the maker of the
    round, an auditor on it while its grant lasts, or the practitioner audited)."""
    if not can_record_work(user):
        return Q(pk__in=[])
    from .audit_models import CaseAuditRound as Round

    granting = Round.objects.granting().filter(auditors=user).values("pk")
    who = Q(sample__round__made_by=user) | Q(sample__round__in=granting) | Q(sample__practitioner=user)
    return who & Q(child__in=child_model().objects.visible_to(user).values("pk"))


def can_read_audit(user, audit: CaseAudit) -> bool:
    return CaseAudit.objects.filter(readers_of(user), pk=audit.pk).exists()


def view_refusal(user, audit: CaseAudit) -> str | None:
    """Why ``user`` may not record the practitioner's view: the practitioner audited, the auditor (while the grant
    lasts) or the round's manager may, once, for someone who may read the audit."""
    if not can_read_audit(user, audit):
        return CANNOT_READ
    if user.pk not in (audit.sample.practitioner_id, audit.auditor_id, audit.sample.round.made_by_id):
        return "Only the practitioner audited, the auditor or the round's manager can record the practitioner's view"
    if audit.talked_through_on is not None:
        return "The practitioner's view is already recorded"
    return None
