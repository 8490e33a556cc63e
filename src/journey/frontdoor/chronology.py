"""The front door's entries on a child's chronology: contacts from every agency and screening decisions.

A contact feeds the chronology of each child it is linked to; a re-link moves its entries (see materialise.py)."""
from collections import defaultdict

from journey.chronology.registry import Entry, author, child_of, entry_key, link, register

from .models import ContactChild, Referral
from .rules import is_rereferral


def _referrer(contact) -> str:
    if contact.referrer_name:
        return f"{contact.referrer_name}, {contact.referrer_role}" if contact.referrer_role else contact.referrer_name
    return author(contact.recorded_by_id)[1]


def _children_linked_to(contact_id: int) -> list[int]:
    return list(ContactChild.objects.filter(contact_id=contact_id, child__isnull=False).values_list("child_id", flat=True))


def _linked_child(link) -> list[int]:
    return [link.child_id] if link.child_id else []


def _links(child_ids):
    return ContactChild.objects.filter(child_id__in=child_ids).select_related("contact__agency", "contact__decision")


@register("contact", "Contact", sources={
    "frontdoor.Contact": lambda contact: _children_linked_to(contact.pk), "frontdoor.ContactChild": _linked_child,
})
def contacts(child_ids):
    for named in _links(child_ids):
        contact = named.contact
        yield Entry(
            kind="contact", occurred_at=contact.received_at, title=f"Contact from {contact.agency}",
            summary=contact.concern, agency=str(contact.agency), author=_referrer(contact),
            url=link("frontdoor:contact", contact.pk), key=entry_key("contact", contact.pk), child_id=named.child_id,
        )


@register("decision", "Screening decision", sources={
    "frontdoor.ScreeningDecision": lambda decision: _children_linked_to(decision.contact_id),
    "frontdoor.ContactChild": _linked_child, "frontdoor.Referral": child_of,
})
def decisions(child_ids):
    referred: dict[int, dict[int, object]] = defaultdict(dict)
    for child_id, contact_id, referred_at in Referral.objects.filter(child_id__in=child_ids).values_list(
        "child_id", "contact_id", "referred_at"
    ):
        referred[child_id][contact_id] = referred_at
    for named in _links(child_ids):
        decision = getattr(named.contact, "decision", None)
        if decision is None:
            continue
        agency, name = author(decision.decided_by_id)
        title = f"Decision: {decision.get_outcome_display()}"
        child_referrals = referred[named.child_id]
        at = child_referrals.get(named.contact_id)
        if at and is_rereferral(at, child_referrals.values()):
            title += " (re-referral within 12 months)"
        yield Entry(
            kind="decision", occurred_at=decision.decided_at, title=title, summary=decision.rationale,
            agency=agency, author=name, url=link("frontdoor:contact", named.contact_id), key=entry_key("decision", decision.pk),
            child_id=named.child_id,
        )
