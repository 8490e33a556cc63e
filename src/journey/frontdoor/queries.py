"""Questions the front door answers about one child."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max
from django.utils import timezone

from .models import Contact


@dataclass(frozen=True)
class AgencyInvolvement:
    agency: str
    agency_kind: str
    contacts: int
    latest: datetime
    latest_referrer: str


def agencies_raising_concerns(child, since_days: int = 365) -> list[AgencyInvolvement]:
    """Partner agencies that have raised concerns about the child recently, most recent first."""
    since = timezone.now() - timedelta(days=since_days)
    contacts = Contact.objects.filter(children_named__child=child, received_at__gte=since)
    rows = contacts.values("agency__name", "agency__kind").annotate(n=Count("id", distinct=True), latest=Max("received_at"))
    result = []
    for row in rows:
        last = contacts.filter(agency__name=row["agency__name"]).order_by("-received_at").first()
        referrer = ", ".join(filter(None, [last.referrer_name, last.referrer_role])) if last else ""
        result.append(AgencyInvolvement(row["agency__name"], row["agency__kind"], row["n"], row["latest"], referrer))
    return sorted(result, key=lambda r: r.latest, reverse=True)


def history_counts(child) -> dict:
    """How much history a child has at the front door: shown to a screener the moment a contact is linked."""
    links = child.contact_links.all()
    return {
        "contacts": links.values("contact").distinct().count(),
        "referrals": child.referrals.count(),
        "last_referral": child.referrals.order_by("-referred_at").values_list("referred_at", flat=True).first(),
    }
