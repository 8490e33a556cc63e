"""Anchors: ``journey audit_anchor`` writes the signed head outside the database; ``journey audit_verify`` checks
the chain against every anchor, and refuses anchors that were forged or altered."""
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from journey.audit.anchors import Anchor, check_anchors, read_anchors
from journey.audit.keys import anchor_signature
from journey.audit.log import record_read
from journey.audit.models import AuditEvent
from tests.audit.attacker import WRONG_KEY, verify_fails


@pytest.fixture
def reads(alice, ruby, anchor_dir):
    for what in ["journey page", "visit", "plan"]:
        record_read(alice, ruby, what)
    return AuditEvent.objects.order_by("-sequence").first()


def anchor_files(anchor_dir) -> list:
    return sorted(anchor_dir.glob("*.json"))


def test_it_writes_the_head_signed_to_a_new_file(reads, anchor_dir, capsys):
    call_command("audit_anchor")
    [path] = anchor_files(anchor_dir)
    data = json.loads(path.read_text())
    assert (data["sequence"], data["hash"]) == (reads.sequence, reads.hash)
    assert data["signature"] == anchor_signature(data["sequence"], data["hash"], data["at"])
    assert f"Anchored the audit chain at event {reads.sequence}" in capsys.readouterr().out


def test_each_anchor_is_a_file_of_its_own(reads, alice, ruby, anchor_dir):
    call_command("audit_anchor")
    record_read(alice, ruby, "chronology")
    call_command("audit_anchor")
    anchors, findings = read_anchors(anchor_dir)
    assert not findings and sorted(anchor.sequence for anchor in anchors) == [reads.sequence, reads.sequence + 1]


def test_verify_says_when_there_are_no_anchors_yet_without_failing(reads, anchor_dir, capsys):
    call_command("audit_verify", "--no-progress")
    out = capsys.readouterr().out
    assert f"Audit chain intact: {reads.sequence} events checked." in out
    assert f"No anchors yet in {anchor_dir}" in out


def test_verify_passes_a_chain_that_grew_past_its_anchors(reads, alice, ruby, capsys):
    call_command("audit_anchor")
    record_read(alice, ruby, "chronology")
    call_command("audit_verify", "--no-progress")
    assert "Anchors intact: 1 checked" in capsys.readouterr().out
    assert check_anchors().newest.sequence == reads.sequence


def test_it_refuses_to_anchor_an_empty_chain(anchor_dir, db):
    with pytest.raises(CommandError, match="empty: there is nothing to anchor") as raised:
        call_command("audit_anchor")
    assert raised.value.returncode == 1 and not anchor_dir.exists()


@pytest.mark.parametrize("signed_with", ["the audit key", "a wrong key"])
def test_verify_refuses_an_altered_or_forged_anchor(reads, anchor_dir, signed_with):
    """An attacker who shortens the chain cannot lower the anchors to match: the signature covers the sequence."""
    call_command("audit_anchor")
    [path] = anchor_files(anchor_dir)
    data = json.loads(path.read_text())
    data["sequence"] -= 1
    if signed_with == "a wrong key":
        data["signature"] = anchor_signature(data["sequence"], data["hash"], data["at"], WRONG_KEY)
    path.chmod(0o600)
    path.write_text(json.dumps(data))
    assert "has a signature that does not verify: it was forged or altered" in verify_fails()


def test_verify_refuses_an_unreadable_anchor_file(reads, anchor_dir):
    anchor_dir.mkdir()
    (anchor_dir / "journey-audit-anchor-x.json").write_text('{"sequence": "3"}')
    assert "anchor file journey-audit-anchor-x.json is not a readable anchor" in verify_fails()


def test_verify_finds_anchors_that_go_backwards_in_time(reads, anchor_dir):
    """Two genuine anchors, the later one lower: the chain was cut short and regrown between them."""
    anchor_dir.mkdir()
    earlier, later = "2026-01-01T02:00:00+00:00", "2026-01-02T02:00:00+00:00"
    for sequence, at in [(reads.sequence, earlier), (reads.sequence - 1, later)]:
        event = AuditEvent.objects.get(sequence=sequence)
        anchor = Anchor(sequence, event.hash, at, anchor_signature(sequence, event.hash, at))
        (anchor_dir / f"{sequence}.json").write_text(anchor.as_json())
    said = verify_fails()
    assert "the chain went backwards between anchors: the anchor of 2026-01-01 02:00:00 UTC records sequence" in said
