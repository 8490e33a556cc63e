"""The front door's entries on a child's chronology: contacts from every agency, screening decisions, and what
partners told the allocated worker.

A contact feeds the chronology of each child it is linked to; a re-link moves its entries (see materialise.py).
Providers read plain rows, a batch of children at a time (see casework/chronology.py)."""
from collections import defaultdict

from journey.chronology.registry import Entry, author, child_of, entry_key, label, link, register

from .codes import HOW_KNOWN_REPORTED, InformationRoute, ScreeningOutcome
from .models import ContactChild, PartnerInformation, Referral
from .rules import is_rereferral


def _children_linked_to(contact_id: int) -> list[int]:
    return list(ContactChild.objects.filter(contact_id=contact_id, child__isnull=False).values_list("child_id", flat=True))


def _linked_child(link) -> list[int]:
    return [link.child_id] if link.child_id else []


@register("contact", "Contact", sources={
    "frontdoor.Contact": lambda contact: _children_linked_to(contact.pk), "frontdoor.ContactChild": _linked_child,
})
def contacts(child_ids):
    rows = ContactChild.objects.filter(child_id__in=child_ids).order_by().values_list(
        "child_id", "contact_id", "contact__received_at", "contact__agency__name", "contact__concern",
        "contact__referrer_name", "contact__referrer_role", "contact__recorded_by_id",
    )
    for child_id, contact_id, received_at, agency, concern, referrer_name, referrer_role, recorded_by in rows:
        referrer = (f"{referrer_name}, {referrer_role}" if referrer_role else referrer_name) if referrer_name else author(recorded_by)[1]
        yield Entry(
            kind="contact", occurred_at=received_at, title=f"Contact from {agency}", summary=concern, agency=agency,
            author=referrer, url=link("frontdoor:contact", contact_id), key=entry_key("contact", contact_id), child_id=child_id,
        )


@register("decision", "Screening decision", sources={
    "frontdoor.ScreeningDecision": lambda decision: _children_linked_to(decision.contact_id),
    "frontdoor.ContactChild": _linked_child, "frontdoor.Referral": child_of,
})
def decisions(child_ids):
    referred: dict[int, dict[int, object]] = defaultdict(dict)
    for child_id, contact_id, referred_at in Referral.objects.filter(child_id__in=child_ids).order_by().values_list(
        "child_id", "contact_id", "referred_at"
    ):
        referred[child_id][contact_id] = referred_at
    rows = ContactChild.objects.filter(child_id__in=child_ids, contact__decision__isnull=False).order_by().values_list(
        "child_id", "contact_id", "contact__decision__pk", "contact__decision__outcome", "contact__decision__decided_at",
        "contact__decision__rationale", "contact__decision__decided_by_id",
    )
    for child_id, contact_id, pk, outcome, decided_at, rationale, decided_by in rows:
        agency, name = author(decided_by)
        title = f"Decision: {label(ScreeningOutcome, outcome)}"
        child_referrals = referred[child_id]
        at = child_referrals.get(contact_id)
        if at and is_rereferral(at, child_referrals.values()):
            title += " (re-referral within 12 months)"
        yield Entry(
            kind="decision", occurred_at=decided_at, title=title, summary=rationale, agency=agency, author=name,
            url=link("frontdoor:contact", contact_id), key=entry_key("decision", pk), child_id=child_id,
        )


FAMILY_KNOWS = {True: "Yes", False: "No", None: "Not known"}


@register("partner_information", "Information from a partner", sources={"frontdoor.PartnerInformation": child_of})
def partner_information(child_ids):
    """Information a partner gave about a child with an allocated worker, under the partner's agency. What went to
    the front door instead is on the chronology as the contact it became."""
    rows = PartnerInformation.objects.filter(child_id__in=child_ids, routed_to=InformationRoute.WORKER).order_by().values_list(
        "pk", "child_id", "received_at", "happened_on", "what_happened", "how_known", "family_knows", "agency__name",
        "given_by_id", "worker_id", "team__name",
    )
    for pk, child_id, received_at, happened_on, what_happened, how_known, family_knows, agency, given_by, worker, team in rows:
        _agency, name = author(given_by)
        reported = HOW_KNOWN_REPORTED.get(how_known, how_known)
        yield Entry(
            kind="partner_information", occurred_at=received_at,
            title=f"Information from {agency}: {reported}, about {happened_on.day} {happened_on:%b %Y}",
            summary=what_happened, agency=agency, author=name, key=entry_key("partner_information", pk), child_id=child_id,
            details=(
                ("Happened on", f"{happened_on.day} {happened_on:%B %Y}"), ("How they know", reported),
                ("Family knows", FAMILY_KNOWS[family_knows]), ("Sent to", f"{author(worker)[1]}, {team}"),
            ),
        )
