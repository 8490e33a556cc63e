"""Asking the code lists: which codes a form offers on a date, whether a code is valid, what a code means.

Each list is read from the database once per process and kept (the lists change only by migration); saving a
code or a list clears what is kept, and so can ``clear_cache()``, which tests that add codes call.
"""
from dataclasses import dataclass
from datetime import date

from django.utils.dateformat import format as format_date

from journey.lib.dates import today


@dataclass(frozen=True)
class Entry:
    code: str
    label: str
    valid_from: date
    valid_to: date | None

    def valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_kept: dict[str, tuple[Entry, ...]] = {}


def clear_cache() -> None:
    _kept.clear()


def entries(key: str) -> tuple[Entry, ...]:
    """Every row of the list, in its order; a code that changed over the years has one row for each span."""
    if key not in _kept:
        from .models import Code, CodeList

        rows = Code.objects.filter(code_list__key=key).order_by("position", "code", "valid_from")
        found = tuple(Entry(row.code, row.label, row.valid_from, row.valid_to) for row in rows)
        if not found and not CodeList.objects.filter(key=key).exists():
            raise LookupError(f"There is no code list {key!r} (see journey/codelists/data/lists.csv)")
        _kept[key] = found
    return _kept[key]


def choices(key: str, on: date | None = None) -> list[tuple[str, str]]:
    """(code, label) for each code valid on ``on`` (today if not given), in the list's order."""
    on = on or today()
    return [(entry.code, entry.label) for entry in entries(key) if entry.valid_on(on)]


def is_valid(key: str, code: str, on: date | None = None) -> bool:
    on = on or today()
    return any(entry.code == code and entry.valid_on(on) for entry in entries(key))


def exists(key: str, code: str) -> bool:
    """Whether the code is in the list in any year: a record keeps a code the DfE has since retired."""
    return any(entry.code == code for entry in entries(key))


def label(key: str, code: str) -> str:
    """What the code means, from its latest row, in any year; a code not in the list is shown as it is stored."""
    rows = [entry for entry in entries(key) if entry.code == code]
    return max(rows, key=lambda entry: entry.valid_from).label if rows else code


def refusal(key: str, code: str, on: date, field_label: str) -> str | None:
    """The message refusing ``code`` for something that happened on ``on``, naming the field; None if it is valid.
    Asked by the action that knows the date (a plan's start, a conference's day), since the model field's own
    validator (``InCodeList``) can only check that the code is in the list in some year."""
    if is_valid(key, code, on):
        return None
    return f"{field_label} must be one of the codes valid on {format_date(on, 'j F Y')}"
