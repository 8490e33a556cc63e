"""The unit's caseload: for each child the unit holds, the lead worker of each open episode and who did what last.

"Who did what last" is the newest entry on the child's materialised chronology up to now (its kind, when, and who
wrote it), so it is derived from the record and never typed. A page costs the same few queries however many children
it shows: the page (count and rows, the newest entry's id found by a subquery), the entries, and the allocations.
"""
from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone

from journey.casework.models import Allocation
from journey.casework.team import page_of
from journey.chronology.models import ChronologyEntry
from journey.chronology.registry import kind_label
from journey.people.models import Child

from .models import UnitMeeting
from .unit_rules import children_held_by


@dataclass
class HeldChild:
    child: Child
    leads: list = field(default_factory=list)  # the current allocations of the child's open episodes
    last: ChronologyEntry | None = None

    @property
    def last_kind(self) -> str:
        return kind_label(self.last.kind) if self.last is not None else ""


def unit_children(user, unit) -> QuerySet[Child]:
    """The children ``unit`` holds that ``user`` may open, by name, each with the id of its newest chronology entry."""
    newest = ChronologyEntry.objects.filter(child=OuterRef("pk"), occurred_at__lte=timezone.now()).order_by("-occurred_at", "-key")
    return (
        children_held_by(unit).filter(pk__in=Child.objects.visible_to(user).values("pk"))
        .annotate(last_entry_id=Subquery(newest.values("pk")[:1]))
        .select_related("person").order_by("person__last_name", "person__first_name", "pk")
    )


def caseload_page(user, unit, number: str | int | None) -> tuple[Page, list[HeldChild]]:
    """One page of the unit's children, each with its lead workers and its newest entry."""
    page = page_of(unit_children(user, unit), number)
    children = list(page.object_list)
    ids = [child.pk for child in children]
    entries = ChronologyEntry.objects.in_bulk([child.last_entry_id for child in children if child.last_entry_id is not None])
    leads: dict[int, list] = {}
    for allocation in (
        Allocation.objects.current().filter(episode__child_id__in=ids).select_related("worker", "team", "episode").order_by("started_on", "pk")
    ):
        leads.setdefault(allocation.episode.child_id, []).append(allocation)
    rows = [HeldChild(child, leads.get(child.pk, []), entries.get(child.last_entry_id)) for child in children]
    return page, rows


def meetings_of(unit) -> QuerySet[UnitMeeting]:
    """The unit's meetings, the latest first, with who recorded each and how many children were discussed."""
    return UnitMeeting.objects.filter(unit=unit).annotate(discussed=Count("entries")).select_related("recorded_by").order_by("-held_on", "-pk")
