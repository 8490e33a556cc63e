"""Every captured write names who made it: an action's acting user, the signed-in user of a request, or a system
that says what it is. A write with nobody behind it is refused rather than logged as no one's."""
import contextvars
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from journey.audit.context import UnattributedWrite, acting_as_system, audited_action
from journey.audit.models import Action, AuditEvent
from journey.casework.actions import write_case_note
from journey.people.models import Address


def unattributed(function, *args, **kwargs):
    """Run ``function`` as a command or a thread would if nobody said who is acting: in a fresh context."""
    return contextvars.Context().run(function, *args, **kwargs)


def test_a_write_with_no_one_behind_it_is_refused_and_nothing_is_written(ruby):
    addresses, events = Address.objects.count(), AuditEvent.objects.count()
    with pytest.raises(UnattributedWrite, match="acting_as_system"):
        unattributed(Address.objects.create, person=ruby.person, line_1="1 Oak Lane", town="Northfield", postcode="NF1 3CD")
    assert (Address.objects.count(), AuditEvent.objects.count()) == (addresses, events)


def test_a_write_by_a_named_system_is_logged_as_that_system(ruby):
    def import_address():
        with acting_as_system("nightly address import"):
            return Address.objects.create(person=ruby.person, line_1="1 Oak Lane", town="Northfield", postcode="NF1 3CD")

    address = unattributed(import_address)
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="people.address", object_id=str(address.pk))
    assert (event.user, event.what, event.child) == (None, "system: nightly address import", ruby)


def test_a_system_must_say_what_it_is():
    with pytest.raises(ValueError, match="must say what it is"):
        with acting_as_system("  "):
            pass


def test_an_action_with_no_request_and_no_actor_is_logged_as_its_acting_user(alice, ruby):
    at = timezone.now() - timedelta(hours=1)
    note = unattributed(write_case_note, ruby, acting_user=alice, occurred_at=at, subject="Phone call", text="Mum rang.")
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="casework.casenote", object_id=str(note.pk))
    assert (event.user, event.what) == (alice, "")


def test_an_action_inside_a_system_block_is_still_logged_as_its_acting_user(alice, ruby):
    with acting_as_system("test set-up, again"):
        note = write_case_note(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(hours=1), subject="Call", text="Rang school.")
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="casework.casenote", object_id=str(note.pk))
    assert event.user == alice


def test_an_action_must_be_told_who_is_acting(ruby):
    with pytest.raises(TypeError, match="acting_user"):
        write_case_note(ruby, occurred_at=None, subject="x", text="y")
    with pytest.raises(TypeError, match="acting_user"):
        write_case_note(ruby, acting_user=None, occurred_at=None, subject="x", text="y")


def test_an_action_refuses_an_anonymous_or_deactivated_acting_user(alice, ruby):
    with pytest.raises(ValueError, match="signed-in"):
        write_case_note(ruby, acting_user=AnonymousUser(), occurred_at=None, subject="x", text="y")
    alice.is_active = False
    alice.save()
    with pytest.raises(ValueError, match="deactivated"):
        write_case_note(ruby, acting_user=alice, occurred_at=None, subject="x", text="y")


def test_only_a_function_with_a_keyword_only_acting_user_can_be_an_action():
    with pytest.raises(TypeError, match="keyword-only"):
        @audited_action
        def close(episode, acting_user):
            return episode


def test_an_action_rolls_back_everything_it_wrote_when_it_fails(alice, ruby):
    @audited_action
    def half_done(person, *, acting_user):
        Address.objects.create(person=person, line_1="1 Oak Lane", town="Northfield", postcode="NF1 3CD")
        raise RuntimeError("stopped part-way")

    addresses, events = Address.objects.count(), AuditEvent.objects.count()
    with pytest.raises(RuntimeError):
        half_done(ruby.person, acting_user=alice)
    assert (Address.objects.count(), AuditEvent.objects.count()) == (addresses, events)
