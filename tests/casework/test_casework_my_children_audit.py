"""'My children' and the manager's team list go to the audit log: one event per view, naming each child shown."""
from journey.audit.models import Action, AuditEvent
from journey.casework.actions import close_episode
from journey.lib.dates import today


def list_reads(user):
    return list(AuditEvent.objects.filter(action=Action.READ, user=user, child=None).order_by("sequence"))


def test_alices_caseload_leaves_one_event_naming_her_children(client_for, alice, ruby, leo):
    client_for(alice).get("/casework/")
    [event] = list_reads(alice)
    assert event.what == "my children"
    assert event.after == {"children": [leo.pk, ruby.pk]}
    assert event.ip_address == "127.0.0.1"


def test_each_view_of_the_caseload_is_another_event(client_for, alice, ruby):
    client = client_for(alice)
    client.get("/casework/")
    client.get("/casework/")
    assert [event.after for event in list_reads(alice)] == [{"children": [ruby.pk]}] * 2


def test_the_managers_team_list_is_in_the_same_one_event(client_for, mo, alice, ruby, leo):
    client_for(mo).get("/casework/")
    [event] = list_reads(mo)
    assert event.what == "my children and my team's children"
    assert event.after == {"children": [leo.pk, ruby.pk]}


def test_an_empty_caseload_is_recorded_with_no_children(client_for, charlie, ruby):
    client_for(charlie).get("/casework/")
    [event] = list_reads(charlie)
    assert event.after == {"children": []}


def test_a_child_no_longer_listed_is_not_named(client_for, alice, mo, ruby, leo):
    close_episode(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=mo)
    client_for(alice).get("/casework/")
    assert list_reads(alice)[-1].after == {"children": [leo.pk]}


def test_a_partner_sent_to_raise_a_contact_leaves_no_list_read(client_for, officer):
    client_for(officer).get("/casework/")
    assert list_reads(officer) == []
