"""Audit events cannot be changed or removed: not through the model, the queryset, or SQL (a database trigger)."""
import pytest
from django.db import DatabaseError, connection, transaction

from journey.audit.log import record_read
from journey.audit.models import AppendOnlyError, AuditEvent


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
