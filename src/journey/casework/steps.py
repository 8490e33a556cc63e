"""Which children's work has no practitioner's "by when" ahead, for the manager who holds it.

There are no national timescales in Journey: each piece of work under way (an assessment, a plan's steps, a
section 47 enquiry) carries the date its worker set for this child, with their reason. What a manager needs is not
a list of deadlines turned red but the work whose date is missing: a piece under way with no "by when", or one whose
last date has passed with no new one set, or an open episode with nothing under way at all. Each app that owns a
kind of work registers it here (``register``), as each registers its chronology entries, so casework asks
"is anything dated ahead?" without importing protection.

A source is a function ``(today) -> (under_way, dated)``: two querysets of the same model, ``under_way`` the work
in progress and ``dated`` those of it with a "by when" on or after ``today``, each with an ``episode_id``.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery

from journey.accounts.models import Team
from journey.lib.dates import today
from journey.people.models import Child

from .models import Allocation, Assessment, ByWhen, Episode, Plan, PlanStep, PlanVersion


@dataclass(frozen=True)
class StepSource:
    label: str  # what the work is, as the manager's page names it: "Assessment"
    rows: Callable[[date], tuple[QuerySet, QuerySet]]


_sources: list[StepSource] = []


def register(label: str) -> Callable:
    """Decorator: ``rows(today)`` gives the work of this kind under way and, of it, the work dated ahead."""

    def wrap(rows: Callable[[date], tuple[QuerySet, QuerySet]]) -> Callable[[date], tuple[QuerySet, QuerySet]]:
        if not any(source.label == label for source in _sources):
            _sources.append(StepSource(label, rows))
        return rows

    return wrap


def sources() -> list[StepSource]:
    return list(_sources)


@register("Assessment")
def assessments(on: date) -> tuple[QuerySet, QuerySet]:
    latest = ByWhen.objects.filter(assessment=OuterRef("pk")).order_by("-set_at", "-pk").values("due_on")[:1]
    under_way = Assessment.objects.filter(completed_on__isnull=True)
    return under_way, under_way.annotate(latest_due_on=Subquery(latest)).filter(latest_due_on__gte=on)


@register("Plan")
def plans(on: date) -> tuple[QuerySet, QuerySet]:
    """A plan is dated ahead while its latest version has a step to be done on or after today; an older version's
    steps no longer stand."""
    under_way = Plan.objects.filter(ended_on__isnull=True)
    latest_number = PlanVersion.objects.filter(plan=OuterRef("pk")).values("plan").annotate(top=Max("number")).values("top")[:1]
    ahead = PlanStep.objects.filter(version__plan=OuterRef("pk"), version__number=OuterRef("latest_number"), by_when__gte=on)
    return under_way, under_way.annotate(latest_number=Subquery(latest_number)).filter(Exists(ahead))


def _flags(on: date) -> dict[str, Q | Exists]:
    flags: dict[str, Q | Exists] = {}
    for number, source in enumerate(_sources):
        under_way, dated = source.rows(on)
        flags[f"step_{number}_open"] = Exists(under_way.filter(episode_id=OuterRef("pk")))
        flags[f"step_{number}_dated"] = Exists(dated.filter(episode_id=OuterRef("pk")))
    return flags


def undated_work(user, teams: QuerySet[Team]) -> QuerySet[Episode]:
    """Open episodes held by ``teams``, of children ``user`` may see, with work under way and no "by when" ahead, or
    with nothing under way: the longest open first. Each row is annotated with ``step_<n>_open`` and
    ``step_<n>_dated`` for every registered source (``lacking`` reads them)."""
    on = today()
    flags = _flags(on)
    episodes = Episode.objects.filter(ended_on__isnull=True, team__in=teams, child__in=Child.objects.visible_to(user)).annotate(**flags)
    count = len(_sources)
    anything_open = Q()
    undated_open = Q()
    for number in range(count):
        anything_open |= Q(**{f"step_{number}_open": True})
        undated_open |= Q(**{f"step_{number}_open": True, f"step_{number}_dated": False})
    current = Allocation.objects.filter(ended_on__isnull=True).select_related("worker")
    return (
        episodes.filter(undated_open | ~anything_open)
        .select_related("child__person", "team")
        .prefetch_related(Prefetch("allocations", queryset=current, to_attr="current_allocations"))
        .order_by("started_on", "pk")
    )


def lacking(episode: Episode) -> list[str]:
    """What on ``episode`` (a row of ``undated_work``) is under way without a "by when" ahead; empty when nothing is
    under way at all."""
    return [
        source.label for number, source in enumerate(_sources)
        if getattr(episode, f"step_{number}_open") and not getattr(episode, f"step_{number}_dated")
    ]
