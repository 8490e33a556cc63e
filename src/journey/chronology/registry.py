"""The chronology is derived, never typed: each app registers the kinds of entry it owns.

A provider is a function ``(child) -> iterable of Entry``. New kinds (supervision, audits, case reviews) join
by registering a provider in their own app; nothing here changes.
"""
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone


@dataclass(frozen=True)
class Entry:
    kind: str
    occurred_at: datetime
    title: str
    summary: str = ""
    agency: str = ""
    author: str = ""
    url: str = ""
    key: str = ""
    significant: bool = False
    details: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EntryKind:
    code: str
    label: str
    provider: Callable[[object], Iterable[Entry]]


_kinds: dict[str, EntryKind] = {}


def register(code: str, label: str) -> Callable:
    """Decorator: register ``provider`` as the source of entries of kind ``code``."""

    def wrap(provider: Callable[[object], Iterable[Entry]]) -> Callable:
        _kinds[code] = EntryKind(code=code, label=label, provider=provider)
        return provider

    return wrap


def kinds() -> list[EntryKind]:
    return sorted(_kinds.values(), key=lambda k: k.label)


def kind_label(code: str) -> str:
    return _kinds[code].label if code in _kinds else code


def entry_key(kind: str, pk: int) -> str:
    """A stable name for one entry, so a practitioner can flag any entry as significant."""
    return f"{kind}:{pk}"


_ENTRY_KEY = re.compile(r"[a-z_]{1,40}:[0-9]{1,19}")


def is_entry_key(value: str) -> bool:
    """Whether ``value`` has the shape ``entry_key`` gives, checked before a key from an address is used in a query
    (a NUL character or an overlong key is refused by PostgreSQL, and could only ever name no entry)."""
    return bool(_ENTRY_KEY.fullmatch(value))


def as_aware(value) -> datetime:
    """Dates (an episode's start) sit at the start of their day in local time, so they sort beside timestamps."""
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime(value.year, value.month, value.day))
