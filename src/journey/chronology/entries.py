"""Chronology entries owned by this app: significant events recorded directly."""

from .models import SignificantEvent
from .registry import Entry, author, child_of, entry_key, register


@register("significant_event", "Significant event", sources={"chronology.SignificantEvent": child_of})
def significant_events(child_ids):
    rows = SignificantEvent.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "occurred_at", "description", "recorded_by_id",
    )
    for pk, child_id, occurred_at, description, recorded_by in rows:
        agency, name = author(recorded_by)
        yield Entry(
            kind="significant_event", occurred_at=occurred_at, title="Significant event", summary=description,
            agency=agency, author=name, key=entry_key("significant_event", pk), significant=True, child_id=child_id,
        )
