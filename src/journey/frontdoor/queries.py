"""Questions the front door answers about one child, or a worker's children."""
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.utils import timezone

from .models import Contact, PartnerInformation


@dataclass(frozen=True)
class AgencyInvolvement:
    agency: str
    agency_kind: str
    contacts: int
    latest: datetime
    latest_referrer: str


def agencies_raising_concerns(child, since_days: int = 365) -> list[AgencyInvolvement]:
    """Agencies that have raised concerns about the child recently, most recent first, in one query."""
    since = timezone.now() - timedelta(days=since_days)
    rows = (
        Contact.objects.filter(children_named__child=child, received_at__gte=since)
        .order_by("-received_at")
        .values_list("pk", "agency__name", "agency__kind", "received_at", "referrer_name", "referrer_role")
        .distinct()
    )
    found: dict[str, AgencyInvolvement] = {}
    counts: dict[str, set[int]] = {}
    for pk, agency, kind, received_at, name, role in rows:
        counts.setdefault(agency, set()).add(pk)
        if agency not in found:
            found[agency] = AgencyInvolvement(agency, kind, 0, received_at, ", ".join(filter(None, [name, role])))
    return [replace(row, contacts=len(counts[row.agency])) for row in found.values()]



def information_for_workers(child_ids, *, since: datetime | None = None) -> list[PartnerInformation]:
    """Information partners sent straight to these children's allocated workers, received after ``since`` (all of
    it when None), newest first, with who gave it and where it went: what a worker's "new for you" shows. What went
    to the front door instead is a contact (``Contact.partner_information``), and arrives as one."""
    return list(
        PartnerInformation.objects.sent_to_workers().about(child_ids, since=since)
        .select_related("agency", "given_by", "worker", "team", "child__person")
    )
