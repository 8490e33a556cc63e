"""The kill drill at a small scale: the server killed mid-burst of writes leaves no half-written record, every
acknowledged write in the record, an audit chain that verifies and a chronology equal to its rebuild. Runs on the
suite's own database engine: a file of its own on SQLite, a database of its own on PostgreSQL (dropped after)."""
import os
import subprocess
import sys
import uuid

import pytest
from django.db import connection


def _journey(environment: dict, *arguments: str, module: str = "journey.cli") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *arguments], env=environment, capture_output=True, text=True,
                          timeout=900, check=False)


@pytest.fixture
def drill_database(tmp_path):
    """DATABASE_URL of a fresh database with a small generated authority."""
    name = f"journey_kill_{uuid.uuid4().hex[:8]}"
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        admin = ["psql", "-X", "-q", f"{server}/postgres", "-c"]
        subprocess.run([*admin, f"CREATE DATABASE {name}"], check=True)
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'kill-drill.sqlite3'}"
    environment = {**os.environ, "DATABASE_URL": url, "JOURNEY_DEBUG": "true", "JOURNEY_DATA_DIR": str(tmp_path),
                   "DJANGO_SETTINGS_MODULE": "journey.settings"}
    for command in (["migrate", "-v0"], ["generate", "--children", "15", "--seed", "2", "--quiet"]):
        done = _journey(environment, *command)
        assert done.returncode == 0, done.stderr
    yield environment
    if connection.vendor == "postgresql":
        subprocess.run([*admin, f"DROP DATABASE {name} WITH (FORCE)"], check=False)


def test_killing_the_server_mid_burst_leaves_nothing_half_written(drill_database):
    done = _journey(drill_database, "--runs", "3", "--clients", "3", module="journey.operations.kill_drill")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("3 of 3 runs passed every check")
    assert "writes acknowledged" in done.stdout
