"""A practitioner's caseload: the children whose open episodes they (or their team) hold, and when each child was
last seen. Seeing the child is the measure that matters, so the list puts the longest unseen first.

Everything comes from a fixed number of queries (annotations and subqueries, one prefetch), however long the list.
"""
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from journey.lib.dates import today
from journey.people.models import Child

from .models import Allocation, Assessment, ByWhen, Episode, Visit


@dataclass(frozen=True)
class CaseloadRow:
    child: Child
    episodes: tuple[str, ...]
    workers: tuple[str, ...]
    last_seen: datetime | None
    last_seen_alone: datetime | None
    assessment_due: date | None

    @property
    def age(self) -> int | None:
        return self.child.age_on(today())

    @property
    def days_since_seen(self) -> int | None:
        return _days_since(self.last_seen)

    @property
    def days_since_seen_alone(self) -> int | None:
        return _days_since(self.last_seen_alone)


def _days_since(moment: datetime | None) -> int | None:
    return None if moment is None else (today() - timezone.localdate(moment)).days


def caseload(user, holding: Q) -> list[CaseloadRow]:
    """Children ``user`` may see with an open episode whose current allocation matches ``holding``
    (e.g. ``Q(worker=user)`` or ``Q(team=user.team)``), longest since last seen first; never seen comes first of all."""
    held = Allocation.objects.filter(holding, ended_on__isnull=True, episode__ended_on__isnull=True)
    seen = Visit.objects.filter(child=OuterRef("pk"), child_seen=True).order_by("-visited_at")
    current_due = ByWhen.objects.filter(assessment=OuterRef("pk")).order_by("-set_at", "-id").values("due_on")[:1]
    soonest_due = (
        Assessment.objects.filter(child=OuterRef("pk"), completed_on__isnull=True, episode__ended_on__isnull=True)
        .annotate(due=Subquery(current_due)).order_by("due").values("due")[:1]
    )
    open_episodes = Episode.objects.filter(ended_on__isnull=True).order_by("started_on").prefetch_related(
        Prefetch("allocations", queryset=Allocation.objects.filter(ended_on__isnull=True).select_related("worker"), to_attr="current")
    )
    children = (
        Child.objects.visible_to(user)
        .filter(pk__in=held.values("episode__child_id"))
        .select_related("person")
        .annotate(
            last_seen=Subquery(seen.values("visited_at")[:1]),
            last_seen_alone=Subquery(seen.filter(child_seen_alone=True).values("visited_at")[:1]),
            assessment_due=Subquery(soonest_due),
        )
        .prefetch_related(Prefetch("episodes", queryset=open_episodes, to_attr="open_episodes"))
        .order_by(F("last_seen").asc(nulls_first=True), "person__last_name", "person__first_name", "pk")
    )
    return [
        CaseloadRow(
            child=child,
            episodes=tuple(e.get_kind_display() for e in child.open_episodes),
            workers=tuple(dict.fromkeys(a.worker.display_name for e in child.open_episodes for a in e.current)),
            last_seen=child.last_seen, last_seen_alone=child.last_seen_alone, assessment_due=child.assessment_due,
        )
        for child in children
    ]
