"""The materialised chronology: every provider's entries kept in one indexed table, so the journey page reads a
page of entries with one query instead of assembling the child's whole story on every request.

Kept equal to the derived chronology (build.py) three ways:
- when a source row of a kind is saved or deleted, that kind's entries are rewritten for the children the row feeds
  (before and after the change, so a contact re-linked to another child leaves the first), in the same transaction
  as the change;
- a practitioner's significance flag rewrites the entry it flags;
- ``journey chronology_rebuild`` rewrites everything (or one child) from the providers, after writes that send no
  signals (the synthetic generator's bulk inserts, a fixture load, a data fix in SQL), and ``--check`` reports any
  difference without writing.
"""
import json
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from django.apps import apps
from django.db import connection, connections, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save

from .build import derive
from .models import ChronologyEntry, SignificanceFlag
from .registry import Entry, kinds

COLUMNS = ("child_id", "key", "kind", "occurred_at", "title", "summary", "agency", "author", "url", "significant", "details")


def _row(entry: Entry) -> tuple:
    return (
        entry.child_id, entry.key, entry.kind, entry.occurred_at, entry.title, entry.summary, entry.agency,
        entry.author, entry.url, entry.significant, [[label, str(value)] for label, value in entry.details],
    )


def _write(entries: Iterable[Entry]) -> int:
    """Insert entries: COPY on PostgreSQL (a rebuild writes hundreds of thousands), bulk_create elsewhere. Written
    in the chronology's own order (child, time, key), not in whatever order the providers' queries returned rows,
    which follows the database's plans: so the same record gets the same ids however its statistics stand."""
    rows = sorted((_row(entry) for entry in entries), key=lambda row: (row[0], row[3], row[1]))
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        columns = ", ".join(COLUMNS)
        with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {ChronologyEntry._meta.db_table} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row((*row[:-1], json.dumps(row[-1]) if row[-1] else "[]"))
    else:
        ChronologyEntry.objects.bulk_create(
            [ChronologyEntry(**dict(zip(COLUMNS, row, strict=True))) for row in rows], batch_size=500,
        )
    return len(rows)


def refresh(child_ids: Iterable[int], codes: Iterable[str] | None = None) -> int:
    """Rewrite the entries of kinds ``codes`` (every kind when None) for these children from their providers, in
    the caller's transaction or one of its own; returns the number of entries written."""
    ids = sorted(set(child_ids))
    if not ids:
        return 0
    wanted = None if codes is None else sorted(set(codes))
    with transaction.atomic(savepoint=False):
        stale = ChronologyEntry.objects.filter(child_id__in=ids)
        (stale if wanted is None else stale.filter(kind__in=wanted))._raw_delete(using=connection.alias)
        derived = derive(ids, wanted)
        return _write(entry for entries in derived.values() for entry in entries)


def rebuild(child_ids: Sequence[int] | None = None, *, batch_size: int = 2000,
            progress: Callable[[int], None] | None = None, workers: int = 1) -> int:
    """Rewrite the materialised chronology of these children (every child when None), a batch at a time, each
    batch in its own transaction. Returns the number of entries written.

    With ``workers`` above 1 on PostgreSQL, outside any transaction, the batches are shared between that many
    processes, each with its own connection: deriving entries is Python work that one process does on one core,
    while the database serves the others. Elsewhere (SQLite has one writer; a caller's transaction cannot be
    shared) the batches run here, one after another."""
    from journey.people.models import Child

    ids = list(child_ids) if child_ids is not None else list(Child.objects.order_by("pk").values_list("pk", flat=True))
    batches = [ids[start:start + batch_size] for start in range(0, len(ids), batch_size)]
    done = progress or (lambda n: None)
    if workers > 1 and len(batches) > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block:
        return _rebuild_in_processes(batches, min(workers, len(batches)), done)
    written = 0
    for batch in batches:
        written += refresh(batch)
        done(len(batch))
    return written


def _rebuild_in_processes(batches: list[list[int]], workers: int, done: Callable[[int], None]) -> int:
    """Forked processes inherit this one's settings and context (the system actor) but must not share its
    database connections, so those are closed first and each process opens its own."""
    connections.close_all()
    written = 0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for count, size in pool.imap_unordered(_refresh_batch, batches):
            written += count
            done(size)
    return written


def _refresh_batch(batch: list[int]) -> tuple[int, int]:
    try:
        return refresh(batch), len(batch)
    finally:
        connections.close_all()


def rebuild_all(progress: Callable[[int], None] | None = None, *, workers: int = 1) -> int:
    return rebuild(None, progress=progress, workers=workers)


def _comparable(entry: Entry) -> tuple:
    return _row(entry)[1:]


def stored_entries(child_ids: Sequence[int]) -> dict[int, list[Entry]]:
    stored: dict[int, list[Entry]] = {child_id: [] for child_id in child_ids}
    for row in ChronologyEntry.objects.filter(child_id__in=child_ids).values_list(*COLUMNS):
        stored[row[0]].append(as_entry(row))
    return stored


def as_entry(row: Sequence) -> Entry:
    child_id, key, kind, occurred_at, title, summary, agency, author, url, significant, details = row
    return Entry(
        kind=kind, occurred_at=occurred_at, title=title, summary=summary, agency=agency, author=author, url=url,
        key=key, significant=significant, details=tuple((label, value) for label, value in details), child_id=child_id,
    )


def differences(child_ids: Sequence[int]) -> list[str]:
    """Where the materialised chronology differs from the derived one for these children, one line per entry
    missing, extra or changed, in the same order; an empty list means equal."""
    derived, stored = derive(child_ids), stored_entries(child_ids)
    found = []
    for child_id in child_ids:
        want = sorted((_comparable(e) for e in derived[child_id]), key=lambda row: (row[2], row[0]))
        have = sorted((_comparable(e) for e in stored[child_id]), key=lambda row: (row[2], row[0]))
        if want == have:
            continue
        want_by_key, have_by_key = {row[0]: row for row in want}, {row[0]: row for row in have}
        for key in sorted(want_by_key.keys() | have_by_key.keys()):
            if key not in have_by_key:
                found.append(f"child {child_id}: {key} missing")
            elif key not in want_by_key:
                found.append(f"child {child_id}: {key} is not in the record")
            elif want_by_key[key] != have_by_key[key]:
                found.append(f"child {child_id}: {key} differs")
    return found


# Keeping the table up to date as the record changes ------------------------------------------------------------


@cache
def _watched() -> dict[type[Model], list[tuple[str, Callable]]]:
    """Each source model, with the kinds it feeds and how to find the children a row of it feeds."""
    watched: dict[type[Model], list[tuple[str, Callable]]] = defaultdict(list)
    for kind in kinds():
        for label, children_of in kind.sources:
            watched[apps.get_model(label, require_ready=False)].append((kind.code, children_of))
    return dict(watched)


def _children_by_kind(model, row) -> dict[int, set[str]]:
    affected: dict[int, set[str]] = defaultdict(set)
    for code, children_of in _watched().get(model, ()):
        for child_id in children_of(row):
            affected[child_id].add(code)
    return affected


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    """Note which children the row fed before this change, so that moving it away rewrites their entries too."""
    if raw or sender not in _watched() or instance.pk is None:
        return
    previous = sender._base_manager.filter(pk=instance.pk).first()
    instance._chronology_before = _children_by_kind(sender, previous) if previous is not None else {}


def _after_change(sender, instance, raw=False, **kwargs) -> None:
    if raw or sender not in _watched():
        return
    affected = _children_by_kind(sender, instance)
    for child_id, codes in getattr(instance, "_chronology_before", {}).items():
        affected[child_id] |= codes
    instance._chronology_before = {}
    by_codes: dict[frozenset[str], list[int]] = defaultdict(list)
    for child_id, codes in affected.items():
        by_codes[frozenset(codes)].append(child_id)
    for codes, child_ids in by_codes.items():
        refresh(child_ids, codes)


def _flag_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    kind = ChronologyEntry.objects.filter(child_id=instance.child_id, key=instance.entry_key).values_list("kind", flat=True).first()
    if kind is not None:
        refresh([instance.child_id], [kind])


def connect() -> None:
    """Listen to every source model of every registered kind; called again as each kind registers (idempotent)."""
    _watched.cache_clear()
    for model in _watched():
        uid = f"journey.chronology:{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}:pre_save")
        post_save.connect(_after_change, sender=model, dispatch_uid=f"{uid}:post_save")
        post_delete.connect(_after_change, sender=model, dispatch_uid=f"{uid}:post_delete")
    post_save.connect(_flag_changed, sender=SignificanceFlag, dispatch_uid="journey.chronology:flag:post_save")
    post_delete.connect(_flag_changed, sender=SignificanceFlag, dispatch_uid="journey.chronology:flag:post_delete")
