"""Moving the whole chain from one hash to another, once: from plain SHA-256 to HMAC under the audit key.

Events written before the key carry plain SHA-256 hashes. Re-chaining them under the key, once, in a migration
(0005), was chosen over keeping them as they are behind a cut-over point: the verifier would then have to know
where plain hashes end, and that point, kept in the database, is one more thing an attacker could move to make
keyed events pass as plain ones. After the migration one rule holds for every event. The migration first checks
every event against its old hash and link, and refuses to run on a chain that is already broken, so re-chaining
cannot launder an edit made before it; and it runs in one transaction, so a failure leaves the old chain whole.
"""
from collections.abc import Callable

from django.db.backends.base.base import BaseDatabaseWrapper

from .models import GENESIS_HASH, canonical

Hasher = Callable[[str], str]


class ChainBroken(Exception):
    """The chain does not verify under its old hash, so re-chaining it would hide the damage."""


def rechain(
    event_model, head_model, connection: BaseDatabaseWrapper, *, old: Hasher, new: Hasher, batch_size: int = 2000
) -> int:
    """Check every event under ``old``, give it ``new`` links and hashes, and move the head to match. The caller
    must have lifted the append-only triggers (and put them back after). Returns the number of events."""
    table = event_model._meta.db_table
    sql = f"UPDATE {table} SET previous_hash = %s, hash = %s WHERE id = %s"
    old_previous, new_previous, last_sequence = GENESIS_HASH, GENESIS_HASH, 0
    while True:
        batch = list(event_model.objects.filter(sequence__gt=last_sequence).order_by("sequence")[:batch_size])
        if not batch:
            break
        updates = []
        for event in batch:
            if event.sequence != last_sequence + 1:
                raise ChainBroken(_broken(last_sequence + 1, "sequence gap"))
            if event.previous_hash != old_previous or old(canonical(event)) != event.hash:
                raise ChainBroken(_broken(event.sequence, "hash or link mismatch"))
            old_previous = event.hash
            event.previous_hash = new_previous
            new_previous = new(canonical(event))
            updates.append((event.previous_hash, new_previous, event.pk))
            last_sequence = event.sequence
        with connection.cursor() as cursor:
            cursor.executemany(sql, updates)
    head = head_model.objects.filter(pk=1).first()
    if head is not None and (head.sequence, head.hash) != (last_sequence, old_previous):
        raise ChainBroken(
            f"The audit chain head records event {head.sequence} but the chain ends at {last_sequence}: events were "
            "deleted from the end, so it cannot be moved under the audit key without hiding that. Investigate "
            "before migrating."
        )
    # The application's database role may only SELECT and UPDATE the head (journey audit_grants), so make it here.
    head_model.objects.update_or_create(pk=1, defaults={"sequence": last_sequence, "hash": new_previous})
    return last_sequence


def _broken(sequence: int, reason: str) -> str:
    return (
        f"The audit chain is broken at event {sequence} ({reason}) under its old hashes, so it cannot be moved "
        "under the audit key without hiding that. Run `journey audit_verify` with the previous release and "
        "investigate before migrating."
    )
