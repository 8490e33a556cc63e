"""The chronology derived from the record, kind by kind: what the materialised chronology must always equal.

``derive`` runs every registered provider for a batch of children; ``chronology_for`` is one child's derived
chronology, newest first. Pages read the materialised entries instead (read.py); these are for rebuilding,
proving equality, and the flag check."""
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .models import SignificanceFlag
from .registry import Entry, kinds, one_table_of_authors


@dataclass(frozen=True)
class ChronologyFilter:
    agencies: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    significant_only: bool = False
    oldest_first: bool = False


def order_key(entry: Entry) -> tuple:
    """Newest first by time, ties broken by key: the one order both the derived and the materialised chronology use."""
    return (entry.occurred_at, entry.key)


def flagged_keys(child_ids: Sequence[int]) -> dict[int, set[str]]:
    flags: dict[int, set[str]] = defaultdict(set)
    for child_id, key in SignificanceFlag.objects.filter(child_id__in=child_ids).values_list("child_id", "entry_key"):
        flags[child_id].add(key)
    return flags


def derive(child_ids: Sequence[int], codes: Iterable[str] | None = None) -> dict[int, list[Entry]]:
    """Each child's entries of the kinds ``codes`` (every kind when None), with practitioners' significance flags
    applied, unordered: a few queries per kind for the whole batch."""
    wanted = None if codes is None else set(codes)
    flags = flagged_keys(child_ids)
    entries: dict[int, list[Entry]] = {child_id: [] for child_id in child_ids}
    with one_table_of_authors(everyone=len(child_ids) > 20):
        for kind in kinds():
            if wanted is not None and kind.code not in wanted:
                continue
            for entry in kind.provider(child_ids):
                assert entry.child_id is not None, f"{kind.code} entry {entry.key} names no child"
                entries[entry.child_id].append(replace(entry, significant=True) if entry.key in flags[entry.child_id] else entry)
    return entries


def chronology_for(child) -> list[Entry]:
    """Every entry on the child's chronology derived afresh from the record, newest first."""
    return sorted(derive([child.pk])[child.pk], key=order_key, reverse=True)


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
