"""The chronology is derived, never typed: each app registers the kinds of entry it owns.

A provider is a function ``(child ids) -> iterable of Entry``, each entry naming its child. It also names its sources: the models whose rows it
reads, each with a function from a row to the ids of the children whose entries that row feeds. When a source row
is saved or deleted, the provider is run again for those children and its entries are written to the materialised
chronology in the same transaction (materialise.py), so the journey page reads entries, never assembles them.
New kinds (supervision, audits, case reviews) join by registering a provider in their own app; nothing here
changes.
"""
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from django.urls import get_script_prefix, reverse
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
    child_id: int | None = None


ChildrenOf = Callable[[Any], Iterable[int]]


@dataclass(frozen=True)
class EntryKind:
    code: str
    label: str
    provider: Callable[[Sequence[int]], Iterable[Entry]]
    sources: tuple[tuple[str, ChildrenOf], ...] = ()


_kinds: dict[str, EntryKind] = {}


def register(code: str, label: str, *, sources: dict[str, ChildrenOf]) -> Callable:
    """Decorator: register ``provider`` as the source of entries of kind ``code``.

    ``sources`` maps each model the provider reads (as "app_label.Model") to a function giving, for one row of it,
    the ids of the children whose entries of this kind change when that row changes."""

    def wrap(provider: Callable[[Sequence[int]], Iterable[Entry]]) -> Callable:
        from .materialise import connect

        _kinds[code] = EntryKind(code=code, label=label, provider=provider, sources=tuple(sources.items()))
        connect()
        return provider

    return wrap


def child_of(row) -> list[int]:
    """The sources function for a row that belongs to one child through its ``child`` field."""
    return [row.child_id]


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


_authors: ContextVar[tuple[dict[int, tuple[str, str]], bool] | None] = ContextVar("journey_chronology_authors", default=None)


@contextmanager
def one_table_of_authors(*, everyone: bool) -> Iterator[None]:
    """Within this block, ``author`` remembers each user it has looked up; with ``everyone``, it loads every user
    at the first look, once: a rebuild derives hundreds of thousands of entries written by a few hundred people,
    while a change to one child's record needs only its few authors."""
    token = _authors.set(({}, everyone))
    try:
        yield
    finally:
        _authors.reset(token)


def author(user_id: int) -> tuple[str, str]:
    """(agency, name) of the user who wrote an entry, as the chronology shows them."""
    from django.contrib.auth import get_user_model

    table, everyone = _authors.get() or ({}, False)
    if user_id not in table:
        users = get_user_model().objects.select_related("agency")
        table.update((user.pk, (str(user.agency), user.display_name)) for user in (users if everyone else users.filter(pk=user_id)))
    return table[user_id]


def link(name: str, *ids: int) -> str:
    """``reverse(name, args=ids)`` for routes of integer ids, from a template made once per route (reversing is
    most of the cost of deriving an entry)."""
    before, between = _link_template(name, len(ids), get_script_prefix())
    return before + "".join(f"{value}{text}" for value, text in zip(ids, between, strict=True))


_MARK = 987654320


@cache
def _link_template(name: str, arity: int, prefix: str) -> tuple[str, tuple[str, ...]]:
    marks = [str(_MARK + n) for n in range(arity)]
    url = reverse(name, args=marks)
    pieces = re.split("|".join(marks), url)
    return pieces[0], tuple(pieces[1:])


def label(choices, value: str) -> str:
    """A choice's label by its stored value, as ``get_FOO_display`` gives it (the value itself if unknown)."""
    return _labels(choices).get(value, value)


@cache
def _labels(choices) -> dict[str, str]:
    return {str(value): str(text) for value, text in choices.choices}


def as_aware(value) -> datetime:
    """Dates (an episode's start) sit at the start of their day in local time, so they sort beside timestamps."""
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime(value.year, value.month, value.day))
