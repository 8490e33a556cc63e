"""A case review's one entry on the child's chronology: that a systems case review of the case was commissioned, why,
over which period and by whom (and when it closed). Its episodes and findings are about the system, not the child,
and stay in the review (decision record 0021)."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, label, register

from .review_models import CaseReview, ReviewReason
from .review_timeline import OWN_KIND


@register(OWN_KIND, "Systems case review", sources={"learning.CaseReview": child_of})
def case_reviews(child_ids):
    rows = CaseReview.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "commissioned_at", "commissioned_by_id", "reason", "period_from", "period_to", "closed_at",
    )
    for pk, child_id, commissioned_at, commissioned_by, reason, period_from, period_to, closed_at in rows:
        agency, name = author(commissioned_by)
        details = [("Period reviewed", f"{period_from:%-d %B %Y} to {period_to:%-d %B %Y}")]
        if closed_at is not None:
            details.append(("Closed", f"{closed_at:%-d %B %Y}"))
        yield Entry(
            kind=OWN_KIND, occurred_at=as_aware(commissioned_at), title=f"Systems case review commissioned: {label(ReviewReason, reason).lower()}",
            summary="A review of how the system worked in this case, by a team from the agencies involved.",
            agency=agency, author=name, key=entry_key(OWN_KIND, pk), details=tuple(details), child_id=child_id,
        )
