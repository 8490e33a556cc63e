"""The restore drill (scripts/restore-drill) at a tiny scale: a dump restored into a fresh database has every
migration applied, every row, and an audit chain that verifies against the source's anchors; and the drill leaves
no database behind. PostgreSQL only, with its client tools on PATH."""
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

DRILL = Path(__file__).resolve().parents[2] / "scripts" / "restore-drill"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or not all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "psql")),
    reason="the restore drill needs PostgreSQL and its client tools (pg_dump, pg_restore, psql)",
)


def server_url() -> str:
    """The test database's server, as postgres://user:password@host:port."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def databases_named(prefix: str) -> list[str]:
    result = subprocess.run(
        ["psql", "-X", "-At", f"{server_url()}/postgres", "-c", f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'"],
        capture_output=True, text=True, check=True,
    )
    return result.stdout.split()


def drill(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON": sys.executable}
    return subprocess.run(
        ["bash", str(DRILL), "--server", server_url(), *args], env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def prefix():
    """A name of this test's own for the drill's databases, and a last check that none is left."""
    name = f"journey_ops_drill_{uuid.uuid4().hex[:8]}"
    yield name
    left = databases_named(name)
    for database in left:
        subprocess.run(["psql", "-X", "-q", f"{server_url()}/postgres", "-c", f"DROP DATABASE {database} WITH (FORCE)"], check=False)
    assert left == []


def test_a_restored_backup_migrates_verifies_and_has_every_row(prefix):
    result = drill("--children", "20", "--seed", "7", "--source", f"{prefix}_src", "--target", f"{prefix}_dst")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Audit chain intact" in result.stdout
    assert "Anchors intact: 1 checked" in result.stdout
    assert "the same in source and restore" in result.stdout
    assert result.stdout.rstrip().endswith("Restore drill passed.")


def test_the_drill_refuses_a_database_that_already_exists_and_leaves_it_alone(prefix):
    subprocess.run(["psql", "-X", "-q", f"{server_url()}/postgres", "-c", f"CREATE DATABASE {prefix}_src"], check=True)

    result = drill("--children", "20", "--source", f"{prefix}_src", "--target", f"{prefix}_dst")

    assert result.returncode == 1
    assert f"database {prefix}_src already exists" in result.stderr
    assert databases_named(prefix) == [f"{prefix}_src"]
    subprocess.run(["psql", "-X", "-q", f"{server_url()}/postgres", "-c", f"DROP DATABASE {prefix}_src"], check=True)
