"""What is shared with a partner agency about a child it raised concerns about: its own contacts with the front
door's outcome, and who to talk to. Kept in one place so that the page (and later the API) share no more."""
from dataclasses import dataclass
from datetime import datetime

from journey.casework.queries import current_allocations

from .models import Contact


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


def shared_with_agency(child, agency) -> dict:
    """The agency's own contacts about the child, newest first, and the child's current workers and teams."""
    contacts = (
        Contact.objects.filter(agency=agency, children_named__child=child).distinct()
        .select_related("decision").order_by("-received_at", "-pk")
    )
    rows = [
        SharedContact(
            received_at=c.received_at,
            raised_by=", ".join(filter(None, [c.referrer_name, c.referrer_role])),
            outcome=c.decision.get_outcome_display() if hasattr(c, "decision") else "Awaiting the front door's decision",
            decided_at=c.decision.decided_at if hasattr(c, "decision") else None,
        )
        for c in contacts
    ]
    people = list(dict.fromkeys(
        WhoToContact(worker=a.worker.display_name, team=a.team.name, phone=a.team.phone) for a in current_allocations(child)
    ))
    return {"contacts": rows, "who_to_contact": people}
