"""Children: the list a caller may open, one child as the caller may see them, and a child's chronology.

Lists choose children only through ``Child.objects.visible_to`` and log the children they return (one event a
call); one child is fetched only through ``get_child_for``, which writes the read to the log and answers a missing
and a forbidden child alike.
"""
from functools import reduce
from operator import and_

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router

from journey.access.fetch import get_child_for
from journey.access.rules import NoAccess, can_record_work
from journey.audit.log import record_list_read
from journey.casework.models import Allocation
from journey.casework.queries import open_episodes
from journey.chronology.build import ChronologyFilter
from journey.chronology.read import Cursor, chronology_page
from journey.chronology.registry import kind_label
from journey.frontdoor.models import Contact
from journey.people.models import Child

from ..schemas import (
    ChildFilters,
    ChildPage,
    ChronologyFilters,
    ChronologyPage,
    Error,
    PartnerChild,
    StaffChild,
    ValidationErrors,
)
from .shared import contact_outcome

router = Router(tags=["Children"])
ERRORS = {401: Error, 403: Error, 422: ValidationErrors}
NAME_FIELDS = ("first_name", "middle_names", "last_name", "known_as", "former_names")


def _name_matches(words: list[str]) -> Q:
    """Every word must appear in one of the child's names."""
    per_word = [reduce(lambda a, b: a | b, (Q(**{f"person__{f}__icontains": word}) for f in NAME_FIELDS)) for word in words]
    return reduce(and_, per_word, Q())


@router.get("/children", response={200: ChildPage, **ERRORS}, summary="Children you may open")
def list_children(request: HttpRequest, filters: Query[ChildFilters]):
    """The children the caller may open (the same rules as the pages), by name, a page at a time. Each call goes to
    the audit log as one read naming the children it returned."""
    children = Child.objects.visible_to(request.auth).filter(_name_matches(filters.name.split()))  # type: ignore[attr-defined]
    page = children.select_related("person").order_by("person__last_name", "person__first_name", "pk")
    items = list(page[filters.offset : filters.offset + filters.limit])
    record_list_read(request.auth, "api: children", items, request=request)  # type: ignore[attr-defined]
    return {
        "count": children.count(), "limit": filters.limit, "offset": filters.offset,
        "items": [{"id": c.pk, "name": c.name, "date_of_birth": c.date_of_birth} for c in items],
    }


def staff_view(child: Child) -> dict:
    person = child.person
    address = person.current_address()
    episodes = []
    for episode in open_episodes(child):
        lead = episode.current_allocation()
        episodes.append({
            "id": episode.pk, "kind": episode.kind, "kind_label": episode.get_kind_display(), "started_on": episode.started_on,
            "lead_practitioner": lead and {
                "name": lead.worker.display_name, "job_title": lead.worker.job_title, "team": lead.team.name,
            },
        })
    return {
        "view": "staff", "id": child.pk, "name": child.name, "first_name": person.first_name, "last_name": person.last_name,
        "known_as": person.known_as, "date_of_birth": person.date_of_birth, "expected_date_of_birth": child.expected_date_of_birth,
        "sex": person.get_sex_display(), "nhs_number": person.nhs_number, "upn": child.upn, "is_restricted": child.is_restricted,
        "former_upn": child.former_upn, "upn_unknown_reason": child.upn_unknown_reason, "date_of_death": child.date_of_death,
        "address": address and {
            "line_1": address.line_1, "line_2": address.line_2, "town": address.town, "postcode": address.postcode,
            "moved_in_on": address.moved_in_on,
        },
        "open_episodes": episodes,
    }


def partner_view(child: Child, user) -> dict:
    """What is shared with a partner agency: who the child is, the agency's own contacts and their outcomes, and
    which council team holds the child (so the partner knows whom to call), nothing of the casework itself."""
    contacts = (
        Contact.objects.filter(agency_id=user.agency_id, children_named__child=child).distinct()
        .select_related("agency", "decision").order_by("-received_at", "-pk")
    )
    teams = (
        Allocation.objects.filter(episode__child=child, episode__ended_on__isnull=True, ended_on__isnull=True)
        .order_by("team__name").values_list("team__name", flat=True).distinct()
    )
    return {
        "view": "partner", "id": child.pk, "name": child.name, "date_of_birth": child.date_of_birth,
        "contacts": [contact_outcome(contact) for contact in contacts], "allocated_teams": list(teams),
    }


@router.get("/children/{child_id}", response={200: StaffChild | PartnerChild, **ERRORS}, summary="One child")
def get_child(request: HttpRequest, child_id: int):
    """Who the child is. Council staff see identifiers, address and open episodes; a partner sees only what is
    shared with their agency. The read is written to the child's read log."""
    child = get_child_for(request.auth, child_id, what="api: child", request=request)  # type: ignore[attr-defined]
    return staff_view(child) if can_record_work(request.auth) else partner_view(child, request.auth)  # type: ignore[attr-defined]


@router.get("/children/{child_id}/chronology", response={200: ChronologyPage, **ERRORS}, summary="A child's chronology")
def get_chronology(request: HttpRequest, child_id: int, filters: Query[ChronologyFilters]):
    """The child's whole story, derived from the record (council staff only: partners are answered 403)."""
    if not can_record_work(request.auth):  # type: ignore[attr-defined]
        raise NoAccess
    child = get_child_for(request.auth, child_id, what="api: chronology", request=request)  # type: ignore[attr-defined]
    chosen = ChronologyFilter(
        agencies=frozenset(filters.agency), kinds=frozenset(filters.kind), significant_only=filters.significant,
        oldest_first=filters.order == "oldest",
    )
    page = chronology_page(child, chosen, after=Cursor.decode(filters.after), size=filters.limit)
    items = [
        {
            "key": e.key, "kind": e.kind, "kind_label": kind_label(e.kind), "occurred_at": e.occurred_at, "title": e.title,
            "summary": e.summary, "agency": e.agency, "author": e.author, "significant": e.significant,
            "details": [{"label": label, "value": str(value)} for label, value in e.details],
        }
        for e in page.entries
    ]
    return {"count": page.matching, "limit": filters.limit, "next": page.next.encode() if page.next else None, "items": items}
