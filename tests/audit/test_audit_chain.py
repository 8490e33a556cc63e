"""The hash chain: each event points at the one before, and the verifier finds an edit, a deletion or a forgery.

To tamper, a test removes the append-only triggers inside its own transaction (``triggers.remove``) and changes
rows with raw SQL; the test's rollback puts the triggers back (DDL is transactional on SQLite and PostgreSQL).
"""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from journey.audit import triggers
from journey.audit.chain import verify_chain
from journey.audit.log import record, record_read
from journey.audit.models import GENESIS_HASH, Action, AuditEvent


@pytest.fixture
def chain(alice, ruby):
    """Five events after whatever the fixtures wrote: reads of Ruby's record and an export."""
    for what in ["journey page", "visit", "assessment", "plan"]:
        record_read(alice, ruby, what)
    record(Action.EXPORT, user=alice, child=ruby, what="subject access export")
    return list(AuditEvent.objects.order_by("sequence"))


def tamper(sql: str, params: list) -> None:
    triggers.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_each_event_points_at_the_hash_of_the_one_before(chain):
    assert chain[0].sequence == 1 and chain[0].previous_hash == GENESIS_HASH
    for earlier, later in zip(chain, chain[1:], strict=False):
        assert later.sequence == earlier.sequence + 1
        assert later.previous_hash == earlier.hash
    assert all(event.hash == event.compute_hash() for event in chain)
    assert len({event.hash for event in chain}) == len(chain)


def test_the_hash_covers_every_field(chain):
    event = chain[-1]
    original = event.hash
    for field, value in [("what", "something else"), ("reason", "x"), ("user_id", None), ("child_id", None),
                         ("ip_address", "10.0.0.1"), ("after", {"a": 1}), ("role", "administrator")]:
        kept = getattr(event, field)
        setattr(event, field, value)
        assert event.compute_hash() != original, field
        setattr(event, field, kept)
    assert event.compute_hash() == original


def test_it_records_who_where_and_the_role_and_team_at_the_time(rf, alice, ruby):
    request = rf.get("/", REMOTE_ADDR="192.0.2.7")
    event = record_read(alice, ruby, "journey page", request=request)
    event.refresh_from_db()
    assert (event.user, event.child, event.action, event.what) == (alice, ruby, Action.READ, "journey page")
    assert (event.role, event.team, event.ip_address) == ("practitioner", "Assessment Team A", "192.0.2.7")
    assert (event.object_type, event.object_id) == ("people.child", str(ruby.pk))
    assert event.hash == event.compute_hash()  # what came back from the database hashes the same


def test_it_refuses_an_unknown_action(alice):
    with pytest.raises(ValueError, match="Unknown audit action"):
        record("peek", user=alice)


def test_the_verifier_passes_a_clean_chain(chain):
    result = verify_chain(batch_size=2)
    assert result.ok and result.checked == len(chain) and result.broken_at is None


def test_the_verifier_finds_an_edited_event(chain):
    tamper("UPDATE audit_auditevent SET what = %s WHERE sequence = %s", ["nothing to see", chain[2].sequence])
    result = verify_chain(batch_size=2)
    assert not result.ok
    assert (result.broken_at, result.reason, result.checked) == (chain[2].sequence, "hash mismatch", 2)


def test_the_verifier_finds_a_deleted_event(chain):
    tamper("DELETE FROM audit_auditevent WHERE sequence = %s", [chain[1].sequence])
    result = verify_chain()
    assert not result.ok and (result.broken_at, result.reason) == (chain[1].sequence, "sequence gap")


def test_the_verifier_finds_events_deleted_from_the_end(chain):
    tamper("DELETE FROM audit_auditevent WHERE sequence = %s", [chain[-1].sequence])
    result = verify_chain()
    assert not result.ok and (result.broken_at, result.reason) == (chain[-1].sequence, "sequence gap")


def test_the_verifier_finds_a_forged_previous_hash_even_when_the_forger_rehashes(chain):
    forged = chain[3]
    forged.previous_hash = "f" * 64
    tamper("UPDATE audit_auditevent SET previous_hash = %s, hash = %s WHERE sequence = %s",
           [forged.previous_hash, forged.compute_hash(), forged.sequence])
    result = verify_chain()
    assert not result.ok and (result.broken_at, result.reason) == (forged.sequence, "previous hash mismatch")


def test_the_verifier_finds_reordered_events(chain):
    first, second = chain[1].sequence, chain[2].sequence
    tamper("UPDATE audit_auditevent SET sequence = %s WHERE sequence = %s", [10**9, first])
    tamper("UPDATE audit_auditevent SET sequence = %s WHERE sequence = %s", [first, second])
    tamper("UPDATE audit_auditevent SET sequence = %s WHERE sequence = %s", [second, 10**9])
    result = verify_chain()
    assert not result.ok and (result.broken_at, result.reason) == (first, "previous hash mismatch")


def test_the_command_says_the_chain_is_intact(chain, capsys):
    call_command("audit_verify", "--no-progress")
    assert f"Audit chain intact: {len(chain)} events checked." in capsys.readouterr().out


def test_the_command_exits_with_status_1_on_a_broken_chain(chain):
    tamper("UPDATE audit_auditevent SET reason = %s WHERE sequence = %s", ["edited", chain[0].sequence])
    with pytest.raises(CommandError) as raised:
        call_command("audit_verify", "--no-progress")
    assert raised.value.returncode == 1
    assert "broken at event 1: hash mismatch" in str(raised.value)
