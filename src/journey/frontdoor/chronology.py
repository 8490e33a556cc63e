"""The front door's entries on a child's chronology: contacts from every agency and screening decisions."""
from django.urls import reverse

from journey.chronology.registry import Entry, entry_key, register

from .models import ContactChild
from .rules import is_rereferral


def _referrer(contact) -> str:
    if contact.referrer_name:
        return f"{contact.referrer_name}, {contact.referrer_role}" if contact.referrer_role else contact.referrer_name
    return contact.recorded_by.display_name


def _links(child):
    return ContactChild.objects.filter(child=child).select_related(
        "contact__agency", "contact__recorded_by", "contact__decision__decided_by__agency"
    )


@register("contact", "Contact")
def contacts(child):
    for link in _links(child):
        contact = link.contact
        yield Entry(
            kind="contact", occurred_at=contact.received_at, title=f"Contact from {contact.agency}",
            summary=contact.concern, agency=str(contact.agency), author=_referrer(contact),
            url=reverse("frontdoor:contact", args=[contact.pk]), key=entry_key("contact", contact.pk),
        )


@register("decision", "Screening decision")
def decisions(child):
    referred = {r.contact_id: r.referred_at for r in child.referrals.all()}
    for link in _links(child):
        decision = getattr(link.contact, "decision", None)
        if decision is None:
            continue
        title = f"Decision: {decision.get_outcome_display()}"
        at = referred.get(link.contact_id)
        if at and is_rereferral(at, referred.values()):
            title += " (re-referral within 12 months)"
        yield Entry(
            kind="decision", occurred_at=decision.decided_at, title=title, summary=decision.rationale,
            agency=str(decision.decided_by.agency), author=decision.decided_by.display_name,
            url=reverse("frontdoor:contact", args=[link.contact_id]), key=entry_key("decision", decision.pk),
        )
