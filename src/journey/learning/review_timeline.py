"""A review's timeline: the child's materialised chronology between the review's dates, every agency's entries.

Read straight from the record (``chronology.ChronologyEntry``), never copied, so a late entry about the period joins
it. The review's own entry on the chronology is left out: it is about the review, not the case.
"""
from datetime import timedelta

from journey.chronology.models import ChronologyEntry
from journey.chronology.registry import as_aware

OWN_KIND = "case_review"


def timeline_of(review):
    """The child's chronology entries from the first day of the period to the end of its last day, oldest first."""
    return (
        ChronologyEntry.objects.filter(
            child_id=review.child_id, occurred_at__gte=as_aware(review.period_from),
            occurred_at__lt=as_aware(review.period_to + timedelta(days=1)),
        )
        .exclude(kind=OWN_KIND).order_by("occurred_at", "key")
    )
