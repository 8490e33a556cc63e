"""Information shared about a child appears on the child's chronology, beside the work it came from."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, label, link, register

from .codes import LawfulBasis
from .models import InformationShare


@register("information_share", "Information shared", sources={"dataprotection.InformationShare": child_of})
def information_shares(child_ids):
    rows = InformationShare.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "shared_on", "shared_with_agency__name", "shared_with_person", "what_was_shared", "lawful_basis",
        "reason", "recorded_by_id",
    )
    for pk, child_id, shared_on, agency_name, person, what_was_shared, lawful_basis, reason, recorded_by in rows:
        agency, name = author(recorded_by)
        basis = label(LawfulBasis, lawful_basis)
        recipient = agency_name + (f" ({person})" if person else "")
        yield Entry(
            kind="information_share", occurred_at=as_aware(shared_on), title=f"Information shared with {recipient}",
            summary=f"{what_was_shared} (Lawful basis: {basis})", agency=agency, author=name,
            url=link("dataprotection:child-shares", child_id), key=entry_key("information_share", pk),
            details=(("Lawful basis", basis), ("Why", reason)), child_id=child_id,
        )
