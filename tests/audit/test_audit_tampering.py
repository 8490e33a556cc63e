"""Five ways to rewrite the audit chain quietly, found by ``journey audit_verify`` (exit status 1, and it says what).

The attacker can write the audit tables as a database superuser could (lifting the triggers, see attacker.py) but
holds neither the audit key nor the anchors. Where hashes must be recomputed they try plain SHA-256 and a key of
their own. An anchor is taken before each tampering, as the daily ``journey audit_anchor`` would have.
"""
import pytest
from django.core.management import call_command
from django.db import connection

from journey.audit import triggers
from journey.audit.log import record_read
from journey.audit.models import AuditEvent
from tests.audit.attacker import ATTACKER_HASHES, as_superuser, rehash_from, set_head, verify_fails


@pytest.fixture
def chain(alice, ruby, anchor_dir):
    """Six reads of Ruby's record after whatever the fixtures wrote, then an anchor of the head."""
    for what in ["journey page", "visit", "assessment", "plan", "chronology", "contacts"]:
        record_read(alice, ruby, what)
    call_command("audit_anchor")
    return list(AuditEvent.objects.order_by("sequence"))


def test_it_finds_events_deleted_from_the_end_with_the_head_rewound(chain):
    kept = chain[-3]
    as_superuser("DELETE FROM audit_auditevent WHERE sequence > %s", [kept.sequence])
    set_head(kept.sequence, kept.hash)
    said = verify_fails()
    assert f"Audit chain intact: {kept.sequence} events checked." in said  # the links alone cannot tell
    assert ("events deleted from the end: the anchor of " in said
            and f"records sequence {chain[-1].sequence} but the chain ends at {kept.sequence}" in said)


@pytest.mark.parametrize("attacker", ATTACKER_HASHES)
def test_it_finds_an_edited_event_even_with_every_later_hash_recomputed(chain, attacker):
    edited = chain[2]
    as_superuser("UPDATE audit_auditevent SET what = %s WHERE sequence = %s", ["nothing to see", edited.sequence])
    rehash_from(edited.sequence, ATTACKER_HASHES[attacker])
    said = verify_fails()
    assert f"Audit chain broken at event {edited.sequence}: hash mismatch" in said
    assert "events rewritten: the anchor of " in said and f"records event {chain[-1].sequence} with hash" in said


@pytest.mark.parametrize("attacker", ATTACKER_HASHES)
def test_it_finds_a_deleted_event_with_the_rest_renumbered_and_rehashed(chain, attacker):
    deleted = chain[2].sequence
    as_superuser("DELETE FROM audit_auditevent WHERE sequence = %s", [deleted])
    for later in chain[3:]:
        as_superuser("UPDATE audit_auditevent SET sequence = %s WHERE sequence = %s", [later.sequence - 1,
                                                                                        later.sequence])
    rehash_from(deleted, ATTACKER_HASHES[attacker])
    said = verify_fails()
    assert f"Audit chain broken at event {deleted}: hash mismatch" in said
    assert f"records sequence {chain[-1].sequence} but the chain ends at {chain[-1].sequence - 1}" in said


@pytest.mark.parametrize("attacker", ATTACKER_HASHES)
def test_it_finds_a_forged_event_appended_with_a_hash_made_without_the_key(chain, alice, ruby, attacker):
    last = chain[-1]
    forged = AuditEvent(user=alice, role="practitioner", action="read", child=ruby, what="nothing happened",
                        sequence=last.sequence + 1, at=last.at, previous_hash=last.hash)
    forged.hash = ATTACKER_HASHES[attacker](forged.canonical())
    forged.save()  # the model lets a hashed event in; only the key tells it apart
    set_head(forged.sequence, forged.hash)
    said = verify_fails()
    assert f"Audit chain broken at event {forged.sequence}: hash mismatch" in said


def test_it_finds_every_event_and_the_head_wiped(chain):
    as_superuser("DELETE FROM audit_auditevent")
    as_superuser("DELETE FROM audit_auditchainhead")
    said = verify_fails()
    assert "Audit chain intact: 0 events checked." in said
    assert (f"records sequence {chain[-1].sequence} but the chain ends at 0 (the chain is empty)" in said)


def test_it_finds_events_deleted_through_the_sqlite_flushing_function(chain):
    """SQLite has no privileges: any connection that defines ``journey_audit_flushing`` to answer 1 gets past the
    delete triggers, which stay in place. Only the anchor shows what went."""
    if connection.vendor != "sqlite":
        pytest.skip("the flushing function is SQLite's way round its delete triggers; PostgreSQL has none")
    kept = chain[-3]
    connection.connection.create_function("journey_audit_flushing", 0, lambda: 1)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE sequence > %s", [kept.sequence])
            cursor.execute("DELETE FROM audit_auditchainhead")
    finally:
        triggers.prepare_sqlite_connection(None, connection)
    assert AuditEvent.objects.count() == kept.sequence
    said = verify_fails()
    assert f"records sequence {chain[-1].sequence} but the chain ends at {kept.sequence}" in said
