"""A list of children is one audit event per page view, naming every child shown (so a name seen on a list is traced)."""
from journey.audit.chain import verify_chain
from journey.audit.log import record_list_read
from journey.audit.models import Action, AuditEvent


def test_one_event_names_every_child_shown_in_order(alice, ruby, sam):
    from journey.people.actions import create_child

    leo = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=ruby.date_of_birth)
    before = AuditEvent.objects.count()
    event = record_list_read(alice, "my children", [leo, ruby])
    assert AuditEvent.objects.count() == before + 1
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.action, stored.user, stored.what, stored.child_id) == (Action.READ, alice, "my children", None)
    assert stored.after == {"children": [leo.pk, ruby.pk]}


def test_an_empty_list_is_still_recorded_as_a_look(alice):
    event = record_list_read(alice, "my children", [])
    assert AuditEvent.objects.get(pk=event.pk).after == {"children": []}


def test_other_records_shown_are_named_by_kind(alice, ruby):
    event = record_list_read(alice, "find a person", [ruby.pk], people=[ruby.person.pk, 123])
    assert AuditEvent.objects.get(pk=event.pk).after == {"children": [ruby.pk], "people": [ruby.person.pk, 123]}


def test_list_reads_join_the_chain(alice, ruby):
    record_list_read(alice, "my children", [ruby])
    assert verify_chain().ok
