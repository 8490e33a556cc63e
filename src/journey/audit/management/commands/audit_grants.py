"""``journey audit_grants APP_ROLE``: print the PostgreSQL grants for the role the application runs as.

The append-only triggers stop UPDATE and DELETE of audit rows, but not TRUNCATE, ``ALTER TABLE ... DISABLE
TRIGGER`` or DROP, which only privileges can stop. So migrations run as an owner role, and the application as a
role that owns nothing: ordinary rights on Journey's tables, only SELECT and INSERT on the audit events, only
SELECT and UPDATE on the chain head (it moves forward on every append), and only SELECT on django_migrations.
Printed rather than run, so that it can be reviewed and run by the owner with psql after every migrate.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from journey.audit.models import AuditChainHead, AuditEvent

ORDINARY = "SELECT, INSERT, UPDATE, DELETE"


def grants_sql(app_role: str) -> str:
    """The statements, for the tables that exist now in the connection's current schema."""
    quote = connection.ops.quote_name
    role = quote(app_role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = cursor.fetchone()[0]
        tables = sorted(connection.introspection.table_names(cursor, include_views=False))
    special = {
        AuditEvent._meta.db_table: "SELECT, INSERT",
        AuditChainHead._meta.db_table: "SELECT, UPDATE",
        "django_migrations": "SELECT",
    }
    lines = [
        f"-- Journey: privileges for the application role {app_role}; run as the owner role after every migrate.",
        f"GRANT USAGE ON SCHEMA {quote(schema)} TO {role};",
        f"REVOKE CREATE ON SCHEMA {quote(schema)} FROM {role};",
    ]
    for table in tables:
        lines.append(f"REVOKE ALL ON TABLE {quote(table)} FROM {role};")
        lines.append(f"GRANT {special.get(table, ORDINARY)} ON TABLE {quote(table)} TO {role};")
    lines.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {role};")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = (
        "Print the PostgreSQL grants for the application's database role: no TRUNCATE, ALTER or ownership of the "
        "audit tables, SELECT/INSERT on audit events, SELECT/UPDATE on the chain head. Run them as the owner role."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("app_role", help="The role the application connects as (not the owner).")

    def handle(self, *args, app_role: str, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("journey audit_grants is for PostgreSQL; SQLite has no roles or privileges.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            if cursor.fetchone()[0] == app_role:
                raise CommandError(f"{app_role} is the role running this command, which owns the tables; "
                                   "the application must connect as another role.")
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tableowner = %s",
                [app_role],
            )
            owned = sorted(row[0] for row in cursor.fetchall())
        if owned:
            raise CommandError(f"{app_role} owns {', '.join(owned)}; make the owner role own them "
                               "(ALTER TABLE ... OWNER TO) before granting.")
        self.stdout.write(grants_sql(app_role), ending="")
