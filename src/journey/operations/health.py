"""The checks behind ``/healthz``: can Journey serve a request right now?

Each check is a named function that returns on success and raises on failure. ``CheckFailed`` carries a short
answer that anyone who can reach the address may read; any other exception is logged in full and answered with its
class name only (and logged), so that a host name, a role or a row never reaches the answer. Nothing is cached: a database that
goes away, or is restored from a backup older than the code, shows at the next probe (only the migration files,
which are this release's code, are read once).
"""
import logging
from collections.abc import Callable
from functools import cache

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from journey.audit.models import AuditChainHead

logger = logging.getLogger(__name__)

OK = "ok"


class CheckFailed(Exception):
    """A check's short reason for failing, safe to show to anyone."""


def database() -> None:
    """The database answers a trivial query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def migrations() -> None:
    """Every migration this release ships is recorded as applied: code newer than its schema (after a deployment that
    skipped ``journey migrate``, or a restore of an older backup) fails in odd places, so say so plainly. The files
    are read once per process (they are this release's code, and reading them again costs tens of milliseconds);
    what the database has applied is read at every probe."""
    applied = set(MigrationRecorder(connection).applied_migrations())
    unapplied = [
        key for key, replaces in _shipped_migrations().items()
        if key not in applied and not (replaces and all(replaced in applied for replaced in replaces))
    ]
    if unapplied:
        raise CheckFailed(f"{len(unapplied)} unapplied migration{'s' if len(unapplied) != 1 else ''}")


@cache
def _shipped_migrations() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """Each migration in this release's files, with those it replaces if it is a squashed one (applied when they
    all are, as Django's own migration plan counts it)."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return {key: tuple(migration.replaces) for key, migration in graph.nodes.items()}


def audit_chain() -> None:
    """The audit chain's head can be read (without taking its lock: a probe must never queue behind, or hold up, a
    write). Every read and change of a record appends to the chain, so a page that cannot reach it cannot be served.
    A fresh database has no head yet, which is fine."""
    AuditChainHead.objects.filter(pk=1).values_list("sequence", flat=True).first()


CHECKS: dict[str, Callable[[], None]] = {"database": database, "migrations": migrations, "audit_chain": audit_chain}


def run_checks() -> dict[str, str]:
    """Each check's answer, ``"ok"`` or why not. When the database cannot be reached the other checks, which need
    it, are not run (each would wait for the same connection to fail)."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        if name != "database" and results.get("database", OK) != OK:
            results[name] = "not checked: the database is unavailable"
            continue
        try:
            check()
        except CheckFailed as failure:
            results[name] = str(failure)
        except Exception as error:  # any failure is an answer, never a 500
            logger.warning("Health check %s failed", name, exc_info=True)
            results[name] = f"failed ({type(error).__name__})"
        else:
            results[name] = OK
    return results
