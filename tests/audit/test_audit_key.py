"""The audit key: read strictly from the environment or a file, required outside the demo, and what every event's
hash and every anchor's signature is keyed with."""
import hashlib
import hmac
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from journey.audit.chain import verify_chain
from journey.audit.keys import event_hash, plain_hash
from journey.audit.log import record_read
from journey.settings import JOURNEY_AUDIT_DEVELOPMENT_KEY, audit_key_from_environment
from tests.audit.attacker import WRONG_KEY

GOOD_KEY = "k" * 32


def key_from(environ: dict, *, debug: bool = False) -> bytes:
    return audit_key_from_environment(environ, allow_development_key=debug)


def test_it_takes_the_key_from_the_environment():
    assert key_from({"JOURNEY_AUDIT_KEY": GOOD_KEY}) == GOOD_KEY.encode()


def test_it_takes_the_key_from_a_file_without_its_final_line_break(tmp_path):
    path = tmp_path / "audit.key"
    path.write_text(GOOD_KEY + "\n")
    assert key_from({"JOURNEY_AUDIT_KEY_FILE": str(path)}) == GOOD_KEY.encode()


def test_it_requires_a_key_outside_debug_naming_the_setting():
    with pytest.raises(ImproperlyConfigured, match=r"^JOURNEY_AUDIT_KEY \(or JOURNEY_AUDIT_KEY_FILE\) is required"):
        key_from({})


def test_only_debug_falls_back_to_the_development_key():
    assert key_from({}, debug=True) == JOURNEY_AUDIT_DEVELOPMENT_KEY.encode()
    with pytest.raises(ImproperlyConfigured, match="published development key"):
        key_from({"JOURNEY_AUDIT_KEY": JOURNEY_AUDIT_DEVELOPMENT_KEY})


@pytest.mark.parametrize("environ, message", [
    ({"JOURNEY_AUDIT_KEY": "k" * 31}, "JOURNEY_AUDIT_KEY must be at least 32 characters, not 31"),
    ({"JOURNEY_AUDIT_KEY": f" {GOOD_KEY}"}, "JOURNEY_AUDIT_KEY has spaces or line breaks at its ends"),
    ({"JOURNEY_AUDIT_KEY": GOOD_KEY, "JOURNEY_AUDIT_KEY_FILE": "/k"}, "not both"),
    ({"JOURNEY_AUDIT_KEY_FILE": "/nonexistent/audit.key"}, "JOURNEY_AUDIT_KEY_FILE cannot be read"),
], ids=["short", "padded", "both", "unreadable file"])
def test_it_refuses_a_bad_key_even_in_debug(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        key_from(environ, debug=True)


def test_it_refuses_an_empty_key_file_even_in_debug(tmp_path):
    (tmp_path / "audit.key").write_text("\n")
    with pytest.raises(ImproperlyConfigured, match=r"JOURNEY_AUDIT_KEY_FILE \(.*audit.key\) is empty"):
        key_from({"JOURNEY_AUDIT_KEY_FILE": str(tmp_path / "audit.key")}, debug=True)


def test_journey_will_not_start_in_production_without_the_key(tmp_path):
    environ = {key: value for key, value in os.environ.items() if not key.startswith(("JOURNEY_", "DATABASE_URL"))}
    environ.update(JOURNEY_SECRET_KEY="s" * 50, JOURNEY_DATA_DIR=str(tmp_path),
                   DJANGO_SETTINGS_MODULE="journey.settings")
    finished = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=environ,
                              capture_output=True, text=True, timeout=60)
    assert finished.returncode != 0
    assert finished.stderr.strip().splitlines()[-1].endswith(
        "JOURNEY_AUDIT_KEY (or JOURNEY_AUDIT_KEY_FILE) is required unless JOURNEY_DEBUG=true: a random secret of "
        "32 characters or more, kept outside the database."
    )


def test_an_events_hash_is_keyed(alice, ruby):
    event = record_read(alice, ruby, "journey page")
    assert event.hash == event.compute_hash()
    assert event.hash not in {plain_hash(event.canonical()), event.compute_hash(WRONG_KEY)}


def test_a_chain_written_under_one_key_does_not_verify_under_another(alice, ruby, settings):
    record_read(alice, ruby, "journey page")
    settings.JOURNEY_AUDIT_KEY = WRONG_KEY
    result = verify_chain()
    assert not result.ok and (result.broken_at, result.reason) == (1, "hash mismatch")


@pytest.mark.parametrize("key", [b"k" * 32, b"a key longer than SHA-256's 64-byte block " * 3])
def test_the_hash_is_the_standard_hmac_sha256(key):
    canonical = '{"what":"journey page"}'
    assert event_hash(canonical, key) == hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()
