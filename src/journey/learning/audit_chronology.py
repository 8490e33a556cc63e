"""Case audits on a child's chronology: one entry per audit, on the day of the audit, with its overall grade and what
needs to change. The graded findings and the practitioner's view stay on the audit's own page, read by the round's
manager, its auditors and the practitioner audited (decision record 0020)."""
from journey.chronology.registry import Entry, as_aware, author, entry_key, register

from .audit_models import CaseAudit


def _audit_child(audit) -> list[int]:
    return [audit.child_id]


@register("case_audit", "Case audit", sources={"learning.CaseAudit": _audit_child})
def case_audits(child_ids):
    rows = CaseAudit.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "audited_on", "auditor_id", "overall__name", "needs_to_change", "sample__round__title", "talked_through_on",
    )
    for pk, child_id, audited_on, auditor, overall, needs_to_change, title, talked_through_on in rows:
        agency, name = author(auditor)
        details = [("Audit round", title)]
        details.append(("Talked through with the practitioner", f"{talked_through_on:%-d %B %Y}" if talked_through_on else "Not yet"))
        yield Entry(
            kind="case_audit", occurred_at=as_aware(audited_on), title=f"Case audit: {overall.lower()} overall",
            summary=f"What needs to change: {needs_to_change}", agency=agency, author=name, key=entry_key("case_audit", pk),
            details=tuple(details), child_id=child_id,
        )

