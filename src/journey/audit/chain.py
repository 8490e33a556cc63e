"""Appending to the hash chain, and checking it.

Appends are serialised by locking the one ``AuditChainHead`` row (``SELECT ... FOR UPDATE`` on PostgreSQL; on
SQLite every write transaction already begins IMMEDIATE, which serialises writers). The lock is held until the
surrounding transaction ends, so the event commits or rolls back with the change it records, and two requests
can never both take the same sequence number.

Because the lock lasts until commit, an action must not take it early: inside ``deferred_appends`` (which every
``@audited_action`` opens) events wait in a list and join the chain together at the action's end, still inside its
transaction. The head is then held for a few inserts and the commit, not for the whole of the action's work,
and a read elsewhere no longer queues behind a long write.
"""
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import GENESIS_HASH, AuditChainHead, AuditEvent

HEAD_ID = 1


def _locked_head(cursor) -> tuple[int, str]:
    """The chain head's sequence and hash, locked for the rest of the transaction. The row is made on first use
    (and again after a database flush), carrying on from the last event if there is one.

    Plain SQL: this runs for every read and write in the system, and the ORM would triple its cost."""
    table = AuditChainHead._meta.db_table
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    cursor.execute(f"SELECT sequence, hash FROM {table} WHERE id = %s{lock}", [HEAD_ID])
    row = cursor.fetchone()
    if row is not None:
        return row
    last = AuditEvent.objects.order_by("-sequence").only("sequence", "hash").first()
    try:
        with transaction.atomic():
            AuditChainHead.objects.create(
                pk=HEAD_ID, sequence=last.sequence if last else 0, hash=last.hash if last else GENESIS_HASH
            )
    except IntegrityError:  # another transaction made it first; wait for its lock below
        pass
    cursor.execute(f"SELECT sequence, hash FROM {table} WHERE id = %s{lock}", [HEAD_ID])
    return cursor.fetchone()


@cache
def _insert_sql(vendor: str) -> tuple[list, str]:
    fields = [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return fields, f"INSERT INTO {AuditEvent._meta.db_table} ({columns}) VALUES ({placeholders}) RETURNING id"


def _insert(cursor, event: AuditEvent) -> None:
    """INSERT the event with each field's own conversion for the database (what ``save()`` does, at a fraction of
    the cost, which matters on a path every request takes)."""
    fields, sql = _insert_sql(connection.vendor)
    cursor.execute(sql, [field.get_db_prep_save(getattr(event, field.attname), connection) for field in fields])
    event.pk = cursor.fetchone()[0]
    event._state.adding = False
    event._state.db = connection.alias


_pending: ContextVar[list[AuditEvent] | None] = ContextVar("journey_audit_pending", default=None)


def append(event: AuditEvent) -> AuditEvent:
    """Give ``event`` the next sequence, the time, and its hash, and save it in the current transaction; or, inside
    ``deferred_appends``, keep it to be chained with the others at the end of the block."""
    pending = _pending.get()
    if pending is not None:
        pending.append(event)
        return event
    _chain([event])
    return event


def _chain(events: list[AuditEvent]) -> None:
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        sequence, previous_hash = _locked_head(cursor)
        at = timezone.now()
        for event in events:
            sequence += 1
            event.sequence, event.previous_hash, event.at = sequence, previous_hash, at
            event.hash = previous_hash = event.compute_hash()
            _insert(cursor, event)
        cursor.execute(
            f"UPDATE {AuditChainHead._meta.db_table} SET sequence = %s, hash = %s WHERE id = %s",
            [sequence, previous_hash, HEAD_ID],
        )


@contextmanager
def deferred_appends() -> Iterator[None]:
    """Chain the events appended inside this block together as it ends, in the transaction the caller holds open
    (so they still commit or roll back with the work). Nested blocks join the outermost; a nested block that fails
    takes its own events back out, as its savepoint takes back its changes."""
    pending = _pending.get()
    if pending is not None:
        mark = len(pending)
        try:
            yield
        except BaseException:
            del pending[mark:]
            raise
        return
    pending = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    if pending:
        _chain(pending)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_at: int | None = None
    reason: str = ""
    detail: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.checked} events checked."
        return (
            f"Audit chain broken at event {self.broken_at}: {self.reason}. {self.detail} "
            f"({self.checked} events checked before it.)"
        )


def verify_chain(*, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> VerifyResult:
    """Walk the chain in sequence order, a batch at a time (so millions of rows fit in memory), and report the
    first event that does not follow from the one before: 'sequence gap' (an event deleted), 'previous hash
    mismatch' (events reordered or a link forged) or 'hash mismatch' (an event edited, or hashed without the key).
    Events deleted from the end, with the head rewound to match, are found against the anchors (anchors.py)."""
    expected_sequence, expected_previous, checked = 1, GENESIS_HASH, 0
    events = AuditEvent.objects.order_by("sequence").iterator(chunk_size=batch_size)
    for event in events:
        if event.sequence != expected_sequence:
            return VerifyResult(
                False, checked, expected_sequence, "sequence gap",
                f"Expected event {expected_sequence} but the next is {event.sequence}: events were deleted.",
            )
        if event.previous_hash != expected_previous:
            return VerifyResult(
                False, checked, event.sequence, "previous hash mismatch",
                "It does not point at the event before it: events were reordered or the link was forged.",
            )
        if event.compute_hash() != event.hash:
            return VerifyResult(
                False, checked, event.sequence, "hash mismatch",
                "Its contents do not match its keyed hash: it was edited, or written or rehashed without the "
                "audit key.",
            )
        checked += 1
        expected_sequence, expected_previous = event.sequence + 1, event.hash
        if progress is not None:
            progress(1)
    head = AuditChainHead.objects.filter(pk=HEAD_ID).first()
    if head is not None and head.sequence >= expected_sequence:
        return VerifyResult(
            False, checked, expected_sequence, "sequence gap",
            f"The chain head records {head.sequence} events but the chain ends at {expected_sequence - 1}: "
            "events were deleted from the end.",
        )
    if head is not None and head.sequence == expected_sequence - 1 and head.hash != expected_previous:
        return VerifyResult(
            False, checked, head.sequence, "hash mismatch",
            "The last event's hash differs from the one the chain head recorded: it was edited.",
        )
    return VerifyResult(True, checked)
