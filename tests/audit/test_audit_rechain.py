"""Moving events hashed before the key (plain SHA-256) under the key, once, by migration 0005; and refusing to
when the old chain is already broken, since re-chaining would hide that."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from journey.audit import triggers
from journey.audit.chain import verify_chain
from journey.audit.keys import event_hash, plain_hash
from journey.audit.log import record_read
from journey.audit.models import AuditChainHead, AuditEvent
from journey.audit.rechain import ChainBroken, rechain
from tests.audit.attacker import as_superuser

migration = importlib.import_module("journey.audit.migrations.0005_keyed_hashes")


@pytest.fixture
def legacy_chain(alice, ruby):
    """Four reads after whatever the fixtures wrote, all hashed as the release before the key hashed them."""
    for what in ["journey page", "visit", "assessment", "plan"]:
        record_read(alice, ruby, what)
    keyed = list(AuditEvent.objects.order_by("sequence").values_list("sequence", "hash"))
    triggers.remove(connection)
    rechain(AuditEvent, AuditChainHead, connection, old=event_hash, new=plain_hash)
    triggers.install(connection)
    return keyed


def test_the_migration_moves_plain_hashed_events_under_the_key(legacy_chain):
    assert verify_chain().reason == "hash mismatch"  # plain hashes do not verify under the key
    migration.forwards(apps, SimpleNamespace(connection=connection))
    assert verify_chain().ok
    assert list(AuditEvent.objects.order_by("sequence").values_list("sequence", "hash")) == legacy_chain
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.hash) == legacy_chain[-1]


def test_the_migration_puts_the_append_only_triggers_back(legacy_chain):
    migration.forwards(apps, SimpleNamespace(connection=connection))
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE sequence = 1")


def test_it_refuses_to_rechain_an_event_edited_before_the_key(legacy_chain):
    as_superuser("UPDATE audit_auditevent SET what = %s WHERE sequence = 3", ["nothing to see"])
    with pytest.raises(ChainBroken, match=r"broken at event 3 \(hash or link mismatch\)"):
        rechain(AuditEvent, AuditChainHead, connection, old=plain_hash, new=event_hash)


def test_it_refuses_to_rechain_a_chain_cut_short_before_the_key(legacy_chain):
    last = legacy_chain[-1][0]
    as_superuser("DELETE FROM audit_auditevent WHERE sequence = %s", [last])
    with pytest.raises(ChainBroken, match=f"head records event {last} but the chain ends at {last - 1}"):
        rechain(AuditEvent, AuditChainHead, connection, old=plain_hash, new=event_hash)


def test_it_makes_the_head_the_application_may_not_insert(legacy_chain):
    as_superuser("DELETE FROM audit_auditchainhead")
    rechain(AuditEvent, AuditChainHead, connection, old=plain_hash, new=event_hash)
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.hash) == legacy_chain[-1]
