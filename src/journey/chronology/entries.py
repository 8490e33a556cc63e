"""Chronology entries owned by this app: significant events recorded directly."""

from .models import SignificantEvent
from .registry import Entry, author, child_of, entry_key, register


@register("significant_event", "Significant event", sources={"chronology.SignificantEvent": child_of})
def significant_events(child_ids):
    for event in SignificantEvent.objects.filter(child_id__in=child_ids):
        agency, name = author(event.recorded_by_id)
        yield Entry(
            kind="significant_event", occurred_at=event.occurred_at, title="Significant event",
            summary=event.description, agency=agency, author=name,
            key=entry_key("significant_event", event.pk), significant=True, child_id=event.child_id,
        )
