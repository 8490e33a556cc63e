"""Shapes more than one endpoint returns."""
from journey.frontdoor.models import Contact


def contact_outcome(contact: Contact) -> dict:
    """A contact's status and the front door's decision, without the screener's reasoning."""
    decision = getattr(contact, "decision", None)
    return {
        "id": contact.pk, "agency": contact.agency.name, "received_at": contact.received_at, "status": contact.status,
        "status_label": contact.get_status_display(), "outcome": decision.outcome if decision else None,
        "outcome_label": decision.get_outcome_display() if decision else None, "decided_at": decision.decided_at if decision else None,
    }
