"""Chronology entries owned by this app: significant events recorded directly."""

from .registry import Entry, entry_key, register


def _agency_and_author(user) -> tuple[str, str]:
    return (str(user.agency), user.display_name)


@register("significant_event", "Significant event")
def significant_events(child):
    for event in child.significant_events.select_related("recorded_by__agency"):
        agency, author = _agency_and_author(event.recorded_by)
        yield Entry(
            kind="significant_event", occurred_at=event.occurred_at, title="Significant event",
            summary=event.description, agency=agency, author=author, key=entry_key("significant_event", event.pk),
            significant=True,
        )
