"""Questions casework answers about one child, for the child's journey page and others."""
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Prefetch, Q, QuerySet

from journey.people.models import Child, HouseholdMembership

from .models import Allocation, Assessment, Episode, Plan


def open_episodes(child) -> list[Episode]:
    """Open episodes with their allocations (workers, agencies, teams and managers): enough for
    ``held_now`` too."""
    allocations = Prefetch("allocations", queryset=Allocation.objects.select_related("worker__agency", "team__manager"))
    episodes = child.episodes.filter(ended_on__isnull=True).select_related("team").prefetch_related(allocations)
    return list(episodes.order_by("started_on"))


def latest_assessment(child) -> Assessment | None:
    return child.assessments.select_related("author", "authorised_by").prefetch_related("by_when_dates").first()


def latest_plan(child) -> Plan | None:
    return child.plans.select_related("author").first()


@dataclass(frozen=True)
class Seen:
    last_seen: datetime | None
    last_seen_alone: datetime | None


def seen(child) -> Seen:
    latest = child.visits.aggregate(
        last_seen=Max("visited_at", filter=Q(child_seen=True)), last_seen_alone=Max("visited_at", filter=Q(child_seen_alone=True)),
    )
    return Seen(**latest)


def held_now(episodes: list[Episode]) -> list[Allocation]:
    """The current allocations of these open episodes (``open_episodes``), without asking the database again:
    the same rows as ``current_allocations``."""
    return [allocation for episode in episodes if (allocation := episode.current_allocation()) is not None]


def current_allocations(child) -> list[Allocation]:
    return list(
        Allocation.objects.current().filter(episode__child=child)
        .select_related("worker__agency", "team__manager", "episode")
    )


def household_children(child, user) -> QuerySet[Child]:
    """The other children living in ``child``'s household now whose records ``user`` may open: those who may be on
    one visit to the household with ``child``. A child the user may not open (a restricted sibling) is not among
    them, so is neither offered on the form nor accepted by the action."""
    households = HouseholdMembership.objects.filter(person_id=child.pk, left_on__isnull=True).values("household_id")
    living_there = HouseholdMembership.objects.filter(household_id__in=households, left_on__isnull=True).values("person_id")
    return (
        Child.objects.visible_to(user).filter(pk__in=living_there).exclude(pk=child.pk)
        .select_related("person").order_by("person__date_of_birth", "pk")
    )


@dataclass(frozen=True)
class PlanCount:
    """How many plans of one kind a child has had: a child's previous child protection plans matter to a conference
    (and the census counts them), so they are counted from the record, never typed."""

    label: str
    total: int
    ended: int

    @property
    def open(self) -> int:
        return self.total - self.ended


def plan_counts(plans: list[Plan]) -> list[PlanCount]:
    """``plans`` (one child's) counted by kind, in the order of ``PlanKind``; kinds the child never had are left out."""
    from .codes import PlanKind

    counts = []
    for kind in PlanKind:
        of_kind = [plan for plan in plans if plan.kind == kind]
        if of_kind:
            counts.append(PlanCount(kind.label, len(of_kind), sum(1 for plan in of_kind if plan.ended_on is not None)))
    return counts
