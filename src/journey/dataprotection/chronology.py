"""Information shared about a child appears on the child's chronology, beside the work it came from."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, link, register

from .models import InformationShare


@register("information_share", "Information shared", sources={"dataprotection.InformationShare": child_of})
def information_shares(child_ids):
    for share in InformationShare.objects.filter(child_id__in=child_ids).select_related("shared_with_agency"):
        recipient = share.shared_with_agency.name + (f" ({share.shared_with_person})" if share.shared_with_person else "")
        agency, name = author(share.recorded_by_id)
        yield Entry(
            kind="information_share", occurred_at=as_aware(share.shared_on), title=f"Information shared with {recipient}",
            summary=f"{share.what_was_shared} (Lawful basis: {share.get_lawful_basis_display()})", agency=agency, author=name,
            url=link("dataprotection:child-shares", share.child_id), key=entry_key("information_share", share.pk),
            details=(("Lawful basis", share.get_lawful_basis_display()), ("Why", share.reason)), child_id=share.child_id,
        )
