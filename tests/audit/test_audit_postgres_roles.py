"""On PostgreSQL the application's role, granted as ``journey audit_grants`` prints, may add audit events but not
empty, change, unprotect or drop the audit tables: the rights that the triggers alone cannot take away."""
from io import StringIO
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from journey.audit.log import record_read
from journey.audit.models import AuditEvent

REFUSED = [
    "TRUNCATE audit_auditevent",
    "DELETE FROM audit_auditevent",
    "UPDATE audit_auditevent SET what = 'nothing'",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
    "DROP TRIGGER audit_event_append_only ON audit_auditevent",
    "DROP TABLE audit_auditevent CASCADE",
    "TRUNCATE audit_auditchainhead",
    "DELETE FROM audit_auditchainhead",
    "ALTER TABLE audit_auditchainhead DISABLE TRIGGER ALL",
    "DROP TABLE audit_auditchainhead",
]


@pytest.fixture
def app_role(db):
    """A throwaway role granted as the command prints; made in the test's transaction, so it goes at rollback."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no roles or privileges; there only the key and the anchors protect the chain")
    role = f"journey_test_app_{uuid4().hex[:12]}"
    grants = StringIO()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        call_command("audit_grants", role, stdout=grants)
        cursor.execute(grants.getvalue())
    return role


def run_as(role: str, sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {role}")
        cursor.execute(sql)


@pytest.mark.parametrize("sql", REFUSED)
def test_the_application_role_cannot_empty_change_unprotect_or_drop_the_audit_tables(app_role, alice, ruby, sql):
    record_read(alice, ruby, "journey page")
    with pytest.raises(DatabaseError, match="permission denied|must be owner"):
        run_as(app_role, sql)


def test_the_application_role_can_append_events(app_role, alice, ruby):
    before = AuditEvent.objects.count()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {app_role}")
        event = record_read(alice, ruby, "journey page")
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == app_role
    assert AuditEvent.objects.count() == before + 1 and AuditEvent.objects.get(pk=event.pk).what == "journey page"


def test_the_grants_are_refused_for_a_role_that_owns_tables(db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no roles or privileges")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    with pytest.raises(CommandError, match="the application must connect as another role"):
        call_command("audit_grants", owner)


def test_the_grants_are_for_postgresql_only(db):
    if connection.vendor == "postgresql":
        pytest.skip("this is SQLite's answer")
    with pytest.raises(CommandError, match="for PostgreSQL; SQLite has no roles"):
        call_command("audit_grants", "journey_app")
