"""An action's events join the audit chain together at its end, inside its transaction: the chain's head is not
held while the action works, its events still commit or roll back with it, and a nested action that fails takes
its own events back out."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.chain import verify_chain
from journey.audit.context import audited_action
from journey.audit.log import record_read
from journey.audit.models import AuditChainHead, AuditEvent
from journey.chronology.models import SignificantEvent

pytestmark = pytest.mark.django_db


def _event(child, user, text):
    return SignificantEvent.objects.create(child=child, occurred_at=timezone.now() - timedelta(days=1), description=text, recorded_by=user)


def test_an_actions_events_join_the_chain_only_at_its_end(ruby, alice):
    seen_inside = {}

    @audited_action
    def record_two(child, *, acting_user):
        before = AuditEvent.objects.count()
        _event(child, acting_user, "First")
        record_read(acting_user, child, "a read inside the action")
        _event(child, acting_user, "Second")
        seen_inside["events"] = AuditEvent.objects.count() - before

    head_before = AuditChainHead.objects.get().sequence
    record_two(ruby, acting_user=alice)
    assert seen_inside["events"] == 0
    chained = list(AuditEvent.objects.filter(sequence__gt=head_before).order_by("sequence"))
    assert [(e.action, e.what) for e in chained][1] == ("read", "a read inside the action")
    assert len(chained) == 3 and AuditChainHead.objects.get().sequence == head_before + 3
    assert verify_chain().ok


def test_an_action_that_fails_leaves_neither_its_changes_nor_its_events(ruby, alice):
    @audited_action
    def fail_half_way(child, *, acting_user):
        _event(child, acting_user, "Will be rolled back")
        raise RuntimeError("the server died")

    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError):
        fail_half_way(ruby, acting_user=alice)
    assert AuditEvent.objects.count() == before
    assert not SignificantEvent.objects.filter(description="Will be rolled back").exists()
    assert verify_chain().ok


def test_a_failed_nested_action_takes_back_its_own_events_only(ruby, alice):
    @audited_action
    def inner(child, *, acting_user):
        _event(child, acting_user, "Inner, rolled back")
        raise ValueError("refused")

    @audited_action
    def outer(child, *, acting_user):
        _event(child, acting_user, "Outer, kept")
        try:
            inner(child, acting_user=acting_user)
        except ValueError:
            pass

    before = AuditEvent.objects.count()
    outer(ruby, acting_user=alice)
    new = AuditEvent.objects.order_by("-sequence")[: AuditEvent.objects.count() - before]
    assert [e.after["description"] for e in new if e.object_type == "chronology.significantevent"] == ["Outer, kept"]
    assert verify_chain().ok
