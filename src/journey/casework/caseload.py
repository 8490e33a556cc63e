"""A practitioner's caseload: the children whose open episodes they (or their team, or the teams of their service)
hold, and when each child was last seen. Seeing the child is the measure that matters, so the list puts the longest
unseen first.

A list comes a page at a time, from a fixed number of queries (annotations, subqueries and a window count; one
prefetch) however long the list. Pages are numbered, not keyed: the order is by when each child was last seen, which a visit
changes, so a child may move between pages whichever way they are cut.
"""
from dataclasses import dataclass
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
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


PAGE_SIZE = 50
MAX_PAGE = 10_000  # beyond any real caseload; a larger number asked for is read as past the end


def caseload(user, holding: Q) -> QuerySet[Child]:
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
    # The children held as a list, not a subquery: the database then goes from these few to the access rule, where
    # it would otherwise put every child through the rule and only then look at the allocations.
    held_children = sorted(set(held.values_list("episode__child_id", flat=True)))
    return (
        Child.objects.visible_to(user)
        .filter(pk__in=held_children)
        .select_related("person")
        .annotate(
            last_seen=Subquery(seen.values("visited_at")[:1]),
            last_seen_alone=Subquery(seen.filter(child_seen_alone=True).values("visited_at")[:1]),
            assessment_due=Subquery(soonest_due),
        )
        .prefetch_related(Prefetch("episodes", queryset=open_episodes, to_attr="open_episodes"))
        .order_by(F("last_seen").asc(nulls_first=True), "person__last_name", "person__first_name", "pk")
    )


def caseload_rows(children) -> list[CaseloadRow]:
    return [
        CaseloadRow(
            child=child,
            episodes=tuple(e.get_kind_display() for e in child.open_episodes),
            workers=tuple(dict.fromkeys(a.worker.display_name for e in child.open_episodes for a in e.current)),
            last_seen=child.last_seen, last_seen_alone=child.last_seen_alone, assessment_due=child.assessment_due,
        )
        for child in children
    ]


def caseload_page(user, holding: Q, number: str | int | None) -> Page:
    """One page of ``caseload(user, holding)`` (the first, for a missing or nonsense number; the last, past the end),
    its ``object_list`` the page's ``CaseloadRow``s.

    The page's rows carry the list's length (a window count), so the access rule is asked once, not once more
    for a separate count; only a page past the end needs a count of its own, to find the last page."""
    children = caseload(user, holding).annotate(listed=Window(Count("pk")))
    try:
        wanted = max(1, int(number or 1))
    except (TypeError, ValueError):
        wanted = 1
    rows = list(children[(wanted - 1) * PAGE_SIZE: wanted * PAGE_SIZE]) if wanted <= MAX_PAGE else []
    total = rows[0].listed if rows else children.count()
    paginator = Paginator(range(total), PAGE_SIZE)
    if not rows and total:
        wanted = paginator.num_pages
        rows = list(children[(wanted - 1) * PAGE_SIZE: wanted * PAGE_SIZE])
    return Page(caseload_rows(rows), min(wanted, paginator.num_pages), paginator)
