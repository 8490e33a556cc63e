"""Database triggers that refuse UPDATE and DELETE of audit events, for whoever reaches the table by SQL.

PostgreSQL: one row trigger raising on UPDATE or DELETE. Django's ``flush`` (and the test runner between
transactional tests) empties tables with TRUNCATE, which row triggers do not see, so it still works; give the
application's database role no TRUNCATE or ownership of the table in production.

SQLite: two triggers, raising with RAISE(ABORT). SQLite has no TRUNCATE, so Django's flush runs DELETE FROM on
every table. The delete trigger therefore asks ``journey_audit_flushing()``, an SQL function that Journey
registers on each of its own connections and that answers 1 only while that connection is running Django's
flush; any other connection (the sqlite3 shell, say) has no such function, so its DELETE fails too.

Note: SQLite rebuilds a table to alter it, dropping its triggers; a later migration that alters AuditEvent must
call ``install`` again.
"""
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"

POSTGRESQL_INSTALL = f"""
CREATE OR REPLACE FUNCTION journey_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE};
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION journey_audit_refuse_change();
"""
POSTGRESQL_REMOVE = f"""
DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE};
DROP FUNCTION IF EXISTS journey_audit_refuse_change();
"""

SQLITE_INSTALL = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END",
    f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON {TABLE} WHEN NOT journey_audit_flushing() "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END",
]
SQLITE_REMOVE = ["DROP TRIGGER IF EXISTS audit_event_no_update", "DROP TRIGGER IF EXISTS audit_event_no_delete"]


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, POSTGRESQL_INSTALL, SQLITE_INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    """Only for a test that must tamper with rows to prove the verifier finds it (inside its own transaction)."""
    _run(connection, POSTGRESQL_REMOVE, SQLITE_REMOVE)


def _run(connection: BaseDatabaseWrapper, postgresql: str, sqlite: list[str]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(postgresql)
        elif connection.vendor == "sqlite":
            for statement in sqlite:
                cursor.execute(statement)


def prepare_sqlite_connection(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    """On each new SQLite connection: register ``journey_audit_flushing()`` and note when Django's flush runs."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        "journey_audit_flushing", 0, lambda: 1 if getattr(connection, "journey_audit_flushing", False) else 0
    )
    ops = connection.ops
    if getattr(ops, "journey_audit_flush_noted", False):
        return
    plain_flush = ops.execute_sql_flush

    def execute_sql_flush(sql_list):
        connection.journey_audit_flushing = True
        try:
            return plain_flush(sql_list)
        finally:
            connection.journey_audit_flushing = False

    ops.execute_sql_flush = execute_sql_flush
    ops.journey_audit_flush_noted = True
