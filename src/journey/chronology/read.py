"""Reading a child's materialised chronology a page at a time, with keyset pagination.

A page is found from the entry beside it (a cursor of its time and key), never by counting rows to skip, so the
hundredth page costs what the first does and an entry recorded while someone reads does not shift what they see
into a gap or a repeat."""
import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count

from journey.lib.keyset import beyond, reversed_order

from .build import ChronologyFilter
from .materialise import COLUMNS, as_entry
from .models import ChronologyEntry
from .registry import Entry, is_entry_key

PAGE_SIZE = 50


@dataclass(frozen=True)
class Cursor:
    """The position of one entry in the chronology's order: its time, then its key."""

    occurred_at: datetime
    key: str

    def encode(self) -> str:
        text = f"{self.occurred_at.isoformat()}|{self.key}"
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str | None) -> "Cursor | None":
        """The cursor an address carries, or None for anything that is not one (which then means the first page)."""
        if not value or len(value) > 200:
            return None
        try:
            text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
            when, key = text.split("|", 1)
            occurred_at = datetime.fromisoformat(when)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return None
        if occurred_at.tzinfo is None or not is_entry_key(key):
            return None
        return cls(occurred_at, key)

    def values(self) -> dict:
        """The cursor as the ordering values ``lib.keyset.beyond`` compares against."""
        return {"occurred_at": self.occurred_at, "key": self.key}

    @classmethod
    def of(cls, entry: Entry) -> "Cursor":
        return cls(entry.occurred_at, entry.key)


@dataclass(frozen=True)
class ChronologySummary:
    total: int
    agencies: list[str]


@dataclass(frozen=True)
class ChronologyPage:
    entries: list[Entry]
    matching: int
    previous: Cursor | None
    next: Cursor | None


def summary_of(child) -> ChronologySummary:
    """How many entries the child's chronology holds and which agencies wrote them (what the filter offers)."""
    by_agency = dict(
        ChronologyEntry.objects.filter(child=child).order_by().values_list("agency").annotate(n=Count("id"))
    )
    return ChronologySummary(total=sum(by_agency.values()), agencies=sorted(agency for agency in by_agency if agency))


def _filtered(child, chosen: ChronologyFilter):
    entries = ChronologyEntry.objects.filter(child=child)
    if chosen.agencies:
        entries = entries.filter(agency__in=chosen.agencies)
    if chosen.kinds:
        entries = entries.filter(kind__in=chosen.kinds)
    if chosen.significant_only:
        entries = entries.filter(significant=True)
    return entries


EVERYTHING = ChronologyFilter()


def chronology_page(child, chosen: ChronologyFilter = EVERYTHING, *, total: int | None = None,
                    after: Cursor | None = None, before: Cursor | None = None, size: int = PAGE_SIZE) -> ChronologyPage:
    """One page of the child's chronology in the chosen order: the first page, the page that follows the entry
    ``after``, or the page that leads up to the entry ``before`` (in the order shown). ``total``, when the caller
    already has it from ``summary_of``, saves counting an unfiltered chronology twice."""
    filtered = _filtered(child, chosen)
    matching = total if total is not None and chosen == EVERYTHING else filtered.count()
    order = ("occurred_at", "key") if chosen.oldest_first else ("-occurred_at", "-key")
    if before is not None:
        earlier = filtered.filter(beyond(order, before.values(), forwards=False)).order_by(*reversed_order(order))
        rows = list(earlier.values_list(*COLUMNS)[: size + 1])
        more_before = len(rows) > size
        entries = [as_entry(row) for row in reversed(rows[:size])]
        previous, following = (Cursor.of(entries[0]) if more_before else None), (Cursor.of(entries[-1]) if entries else None)
    else:
        page = filtered.filter(beyond(order, after.values(), forwards=True)) if after is not None else filtered
        rows = list(page.order_by(*order).values_list(*COLUMNS)[: size + 1])
        entries = [as_entry(row) for row in rows[:size]]
        previous = Cursor.of(entries[0]) if after is not None and entries else None
        following = Cursor.of(entries[-1]) if len(rows) > size else None
    return ChronologyPage(entries=entries, matching=matching, previous=previous, next=following)


def every_entry(child, chosen: ChronologyFilter = EVERYTHING, *, most: int) -> tuple[list[Entry], int]:
    """Up to ``most`` of the entries matching ``chosen`` in its order, and how many match: for printing, where a
    page break is no place to stop."""
    filtered = _filtered(child, chosen)
    order = ("occurred_at", "key") if chosen.oldest_first else ("-occurred_at", "-key")
    rows = list(filtered.order_by(*order).values_list(*COLUMNS)[:most])
    matching = len(rows) if len(rows) < most else filtered.count()
    return [as_entry(row) for row in rows], matching


def entry_on(child, key: str) -> Entry | None:
    """One entry of the child's chronology by its key, or None."""
    if not is_entry_key(key):
        return None
    row = ChronologyEntry.objects.filter(child=child, key=key).values_list(*COLUMNS).first()
    return as_entry(row) if row is not None else None
