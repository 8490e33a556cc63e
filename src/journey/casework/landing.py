"""What other apps put at the top of a practitioner's landing page, "My children".

The page is casework's, but some of what belongs on it is not: "new for you" reads the front door's records as well as
casework's, so it lives in an app above both (``journey.news``). Such an app registers a panel here, as apps register
chronology kinds, and casework never imports it."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    """A template to include, its context (as ``panel``), and the children it names, for the page's audit event."""

    template: str
    context: dict[str, Any]
    children: Iterable[int] = field(default_factory=tuple)


_providers: list[Callable[[HttpRequest], Panel | None]] = []


def register(provider: Callable[[HttpRequest], Panel | None]) -> Callable[[HttpRequest], Panel | None]:
    """Decorator: ``provider(request)`` gives the panel to show (or None) each time the page is shown."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def panels(request: HttpRequest) -> list[Panel]:
    """The panels for the top of the page: on its first page only, so that paging through a long caseload does not
    repeat them (nor name their children again in each page's audit event)."""
    if any(request.GET.get(name, "1") != "1" for name in ("page", "held_page")):
        return []
    return [panel for provider in _providers if (panel := provider(request)) is not None]
