"""An attacker's way into the audit tables, shared by the tests that prove the verifier finds what they did."""
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from journey.audit import triggers
from journey.audit.keys import event_hash, plain_hash
from journey.audit.models import AuditChainHead, AuditEvent

WRONG_KEY = b"an-attackers-own-key-of-32-characters-or-more"

# How someone without the audit key recomputes hashes: unkeyed, as the chain was before the key, or with a key of
# their own.
ATTACKER_HASHES: dict[str, Callable[[str], str]] = {
    "plain SHA-256": plain_hash,
    "a wrong key": lambda canonical: event_hash(canonical, WRONG_KEY),
}


def as_superuser(sql: str, params: list | None = None) -> None:
    """Raw SQL with the triggers lifted, as a database superuser (or the owner of a SQLite file) could; the
    test's rollback puts the triggers back (DDL is transactional on SQLite and PostgreSQL)."""
    triggers.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def set_head(sequence: int, head_hash: str) -> None:
    as_superuser(f"UPDATE {AuditChainHead._meta.db_table} SET sequence = %s, hash = %s WHERE id = 1",
                 [sequence, head_hash])


def rehash_from(sequence: int, hasher: Callable[[str], str]) -> None:
    """Recompute every link and hash from ``sequence`` on with ``hasher`` and move the head to match: the way to
    make an edited or shortened chain agree with itself again."""
    before = AuditEvent.objects.filter(sequence=sequence - 1).first()
    previous = before.hash if before else "0" * 64
    event = None
    for event in AuditEvent.objects.filter(sequence__gte=sequence).order_by("sequence"):
        event.previous_hash = previous
        previous = hasher(event.canonical())
        as_superuser("UPDATE audit_auditevent SET previous_hash = %s, hash = %s WHERE id = %s",
                     [event.previous_hash, previous, event.pk])
    if event is not None:
        set_head(event.sequence, previous)


def verify_fails() -> str:
    """Run ``journey audit_verify``; it must exit with status 1. Returns what it said."""
    with pytest.raises(CommandError) as raised:
        call_command("audit_verify", "--no-progress")
    assert raised.value.returncode == 1
    return str(raised.value)
