"""What is shared with a partner agency: about a child it raised concerns about, its own contacts with the front
door's outcome, what it has added since, and who to talk to; and, on "my concerns", where each of its contacts has
got to. Kept in one place so that the pages (and later the API) share no more."""
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from journey.access.rules import child_model
from journey.casework.models import Allocation
from journey.casework.queries import current_allocations

from .codes import AWAITING_FOR_PARTNERS, OUTCOME_FOR_PARTNERS
from .models import Contact, PartnerInformation


def status_for_partners(contact: Contact) -> str:
    """Where a contact has got to, in words the partner who raised it understands."""
    decision = getattr(contact, "decision", None)
    if decision is None:
        return AWAITING_FOR_PARTNERS
    return OUTCOME_FOR_PARTNERS.get(decision.outcome, decision.get_outcome_display())


@dataclass(frozen=True)
class SharedContact:
    received_at: datetime
    raised_by: str
    outcome: str
    decided_at: datetime | None


@dataclass(frozen=True)
class WhoToContact:
    worker: str
    team: str
    phone: str


@dataclass(frozen=True)
class SharedInformation:
    received_at: datetime
    given_by: str
    sent_to: str


def shared_with_agency(child, agency) -> dict:
    """The agency's own contacts about the child, newest first, what it has added since and where that went, and
    the child's current workers and teams."""
    contacts = (
        Contact.objects.filter(agency=agency, children_named__child=child).distinct()
        .select_related("decision").order_by("-received_at", "-pk")
    )
    rows = [
        SharedContact(
            received_at=c.received_at,
            raised_by=", ".join(filter(None, [c.referrer_name, c.referrer_role])),
            outcome=status_for_partners(c),
            decided_at=c.decision.decided_at if hasattr(c, "decision") else None,
        )
        for c in contacts
    ]
    added = [
        SharedInformation(received_at=i.received_at, given_by=i.given_by.display_name, sent_to=sent_to(i))
        for i in PartnerInformation.objects.filter(child=child, agency=agency).select_related("given_by", "worker", "team")
    ]
    people = list(dict.fromkeys(
        WhoToContact(worker=a.worker.display_name, team=a.team.name, phone=a.team.phone) for a in current_allocations(child)
    ))
    return {"contacts": rows, "added": added, "who_to_contact": people}


@dataclass(frozen=True)
class SharedSection:
    """A part of the shared page that a higher app adds (``register_shared_section``): its template and context."""

    template: str
    context: dict = field(default_factory=dict)


_sections: list[Callable[..., SharedSection | None]] = []


def register_shared_section(section: Callable[..., SharedSection | None]) -> None:
    """Register ``section(child, user)``: what it shows this partner user on their shared page for the child, or
    None. The apps that own the records decide (a strategy discussion shows to those who took part), so the front
    door never imports them; the page shows nothing more than the sections return."""
    if section not in _sections:
        _sections.append(section)


def shared_sections(child, user) -> list[SharedSection]:
    return [shown for section in _sections if (shown := section(child, user)) is not None]


def sent_to(information: PartnerInformation) -> str:
    """Where information went, as the partner is told it."""
    if information.worker_id:
        return f"Sent to the child's social worker, {information.worker.display_name}, {information.team.name}"  # type: ignore[union-attr]
    return f"Sent to the front door (reference {information.contact_id})"


@dataclass(frozen=True)
class ChildNamed:
    """A child as the partner named them; ``child_id`` only where they may open the child's shared page."""

    name: str
    child_id: int | None


@dataclass(frozen=True)
class DutyTeam:
    team: str
    phone: str


@dataclass(frozen=True)
class Concern:
    """One contact on a partner's "my concerns" page."""

    contact: Contact
    children: list[ChildNamed]
    status: str
    duty_teams: list[DutyTeam]


def concerns(user, contacts: list[Contact]) -> list[Concern]:
    """Each contact (``children_named`` prefetched) with its children as named, its status in plain words and, for
    a child who is allocated and whose shared page the user may open (the rule that shares the allocated team with
    the partner), the team's duty number; in two queries however many contacts."""
    linked = {named.child_id for contact in contacts for named in contact.children_named.all() if named.child_id}
    shared = set(child_model().objects.visible_to(user).filter(pk__in=linked).values_list("pk", flat=True))
    teams: dict[int, list[DutyTeam]] = {}
    for child_id, team, phone in (
        Allocation.objects.current().filter(episode__child_id__in=shared)
        .order_by("team__name").values_list("episode__child_id", "team__name", "team__phone")
    ):
        if DutyTeam(team, phone) not in teams.setdefault(child_id, []):
            teams[child_id].append(DutyTeam(team, phone))
    found = []
    for contact in contacts:
        named = [
            ChildNamed(f"{n.given_first_name} {n.given_last_name}", n.child_id if n.child_id in shared else None)
            for n in contact.children_named.all()
        ]
        duty = list(dict.fromkeys(team for n in named if n.child_id for team in teams.get(n.child_id, [])))
        found.append(Concern(contact=contact, children=named, status=status_for_partners(contact), duty_teams=duty))
    return found
