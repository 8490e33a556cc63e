"""Assemble a child's chronology from every registered kind, then order and filter it."""
from dataclasses import dataclass, replace

from .models import SignificanceFlag
from .registry import Entry, kinds


@dataclass(frozen=True)
class ChronologyFilter:
    agencies: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    significant_only: bool = False
    oldest_first: bool = False


def chronology_for(child) -> list[Entry]:
    """Every entry on the child's chronology, newest first, with practitioners' significance flags applied."""
    flags = set(SignificanceFlag.objects.filter(child=child).values_list("entry_key", flat=True))
    entries: list[Entry] = []
    for kind in kinds():
        for entry in kind.provider(child):
            entries.append(replace(entry, significant=True) if entry.key in flags else entry)
    entries.sort(key=lambda e: (e.occurred_at, e.key), reverse=True)
    return entries


def filter_entries(entries: list[Entry], chosen: ChronologyFilter) -> list[Entry]:
    kept = [
        e for e in entries
        if (not chosen.agencies or e.agency in chosen.agencies)
        and (not chosen.kinds or e.kind in chosen.kinds)
        and (not chosen.significant_only or e.significant)
    ]
    return list(reversed(kept)) if chosen.oldest_first else kept


def agencies_in(entries: list[Entry]) -> list[str]:
    return sorted({e.agency for e in entries if e.agency})
