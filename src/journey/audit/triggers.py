"""Database triggers that refuse to change or remove audit events, or to move the chain head backwards, for
whoever reaches the tables by SQL.

Events (``audit_auditevent``): UPDATE and DELETE are refused. The chain head (``audit_auditchainhead``): DELETE is
refused, and so is an UPDATE that lowers its sequence, changes its hash without moving forward, or changes its id,
so that events deleted from the end cannot be hidden by rewinding the head.

PostgreSQL: one row trigger per table. Django's ``flush`` (and the test runner between transactional tests)
empties tables with TRUNCATE, which row triggers do not see, so it still works. Row triggers do not stop TRUNCATE,
``ALTER TABLE ... DISABLE TRIGGER`` or DROP either: in production the application's role must have none of those
rights (``journey audit_grants`` prints the grants; see docs/operations.md).

SQLite: raising triggers with RAISE(ABORT). SQLite has no TRUNCATE, so Django's flush runs DELETE FROM on every
table. The delete triggers therefore ask ``journey_audit_flushing()``, an SQL function that Journey registers on
each of its own connections and that answers 1 only while that connection is running Django's flush; any other
connection (the sqlite3 shell, say) has no such function, so its DELETE fails too. SQLite has no rights at all:
whoever can open the file can define that function, or drop the triggers. There only the audit key and the
anchors outside the database stand in the way, and ``journey audit_verify`` finds what was done.

Note: SQLite rebuilds a table to alter it, dropping its triggers; a later migration that alters AuditEvent or
AuditChainHead must call ``install`` again.
"""
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"
HEAD_TABLE = "audit_auditchainhead"

POSTGRESQL_INSTALL = f"""
CREATE OR REPLACE FUNCTION journey_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE};
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION journey_audit_refuse_change();

CREATE OR REPLACE FUNCTION journey_audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit chain head cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.id <> OLD.id OR NEW.sequence < OLD.sequence
            OR (NEW.sequence = OLD.sequence AND NEW.hash <> OLD.hash) THEN
        RAISE EXCEPTION 'the audit chain head only moves forward: % to % refused', OLD.sequence, NEW.sequence
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER IF EXISTS audit_head_forward_only ON {HEAD_TABLE};
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON {HEAD_TABLE}
    FOR EACH ROW EXECUTE FUNCTION journey_audit_head_forward_only();
"""
POSTGRESQL_REMOVE = f"""
DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE};
DROP FUNCTION IF EXISTS journey_audit_refuse_change();
DROP TRIGGER IF EXISTS audit_head_forward_only ON {HEAD_TABLE};
DROP FUNCTION IF EXISTS journey_audit_head_forward_only();
"""

SQLITE_TRIGGERS = ["audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete", "audit_head_no_rewind"]
SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
SQLITE_INSTALL = [
    *SQLITE_REMOVE,
    f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END",
    f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON {TABLE} WHEN NOT journey_audit_flushing() "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END",
    f"CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON {HEAD_TABLE} WHEN NOT journey_audit_flushing() "
    "BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be deleted'); END",
    f"CREATE TRIGGER audit_head_no_rewind BEFORE UPDATE ON {HEAD_TABLE} "
    "WHEN NEW.id <> OLD.id OR NEW.sequence < OLD.sequence OR (NEW.sequence = OLD.sequence AND NEW.hash <> OLD.hash) "
    "BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward: UPDATE refused'); END",
]


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, POSTGRESQL_INSTALL, SQLITE_INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    """For the migration that re-chains events under the key, and for a test that must tamper with rows to prove
    the verifier finds it (inside its own transaction, whose rollback puts the triggers back)."""
    _run(connection, POSTGRESQL_REMOVE, SQLITE_REMOVE)


def remove_head_guard(connection: BaseDatabaseWrapper) -> None:
    """Only for unapplying the migration that added the head's trigger."""
    _run(
        connection,
        f"DROP TRIGGER IF EXISTS audit_head_forward_only ON {HEAD_TABLE}; "
        "DROP FUNCTION IF EXISTS journey_audit_head_forward_only();",
        ["DROP TRIGGER IF EXISTS audit_head_no_delete", "DROP TRIGGER IF EXISTS audit_head_no_rewind"],
    )


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

    ops.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]
    ops.journey_audit_flush_noted = True  # type: ignore[attr-defined]
