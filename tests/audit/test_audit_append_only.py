"""Audit events cannot be changed or removed: not through the model, the queryset, or SQL (a database trigger);
the chain head cannot be removed or moved backwards by SQL either."""
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from journey.audit.log import record, record_read
from journey.audit.models import AppendOnlyError, AuditChainHead, AuditEvent


@pytest.fixture
def event(alice, ruby) -> AuditEvent:
    return record_read(alice, ruby, "journey page")


def test_the_model_refuses_to_save_changes(event):
    event.what = "nothing"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_the_model_refuses_to_delete(event):
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_the_queryset_refuses_update_and_delete(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(what="nothing")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_an_event_joins_the_chain_only_through_append(alice):
    with pytest.raises(AppendOnlyError, match="journey.audit.chain.append"):
        AuditEvent.objects.create(user=alice, action="read", sequence=999, previous_hash="0" * 64)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET what = 'nothing' WHERE id = %s",
    "DELETE FROM audit_auditevent WHERE id = %s",
])
def test_the_database_refuses_sql_that_changes_or_removes_an_event(event, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).what == "journey page"


def test_the_protected_user_and_child_cannot_be_deleted_while_audited(event, alice, ruby):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        alice.delete()


def head_sql(sql: str, params: list | None = None) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params or [])


@pytest.mark.parametrize("sql, params", [
    ("DELETE FROM audit_auditchainhead", []),
    ("UPDATE audit_auditchainhead SET sequence = sequence - 1", []),
    ("UPDATE audit_auditchainhead SET sequence = 0, hash = %s", ["0" * 64]),
    ("UPDATE audit_auditchainhead SET hash = %s", ["f" * 64]),
    ("UPDATE audit_auditchainhead SET id = 2", []),
], ids=["delete", "lower the sequence", "rewind to the start", "rewrite the hash in place", "move the row"])
def test_the_database_refuses_sql_that_removes_or_rewinds_the_chain_head(event, sql, params):
    with pytest.raises(DatabaseError, match="chain head"):
        head_sql(sql, params)
    head = AuditChainHead.objects.get()
    assert (head.id, head.sequence, head.hash) == (1, event.sequence, event.hash)


def test_the_chain_head_still_moves_forward_on_every_append(event, alice, ruby):
    later = record_read(alice, ruby, "visit")
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.hash) == (event.sequence + 1, later.hash)


@pytest.mark.django_db(transaction=True)
def test_djangos_flush_still_empties_the_audit_tables(alice, ruby):
    """The test runner flushes between transactional tests: TRUNCATE on PostgreSQL (row triggers do not see it),
    DELETE FROM on SQLite (allowed only while Journey's own connection runs the flush)."""
    record_read(alice, ruby, "journey page")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists() and not AuditChainHead.objects.exists()
    assert record("sign_in_failed", user=None, what="after the flush").sequence == 1  # a new chain, a new head
