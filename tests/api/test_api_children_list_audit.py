"""``GET /api/children`` returns up to 100 names and dates of birth a call: each call is one audit event naming
exactly the children it returned."""
from journey.audit.models import Action, AuditEvent
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child


def list_reads(user):
    return list(AuditEvent.objects.filter(action=Action.READ, user=user, child=None, what="api: children").order_by("sequence"))


def test_each_call_leaves_one_event_naming_the_children_returned(alice, ruby, user_token, api):
    body = api(user_token(alice)).get("/api/children").json()

    [event] = list_reads(alice)
    assert event.after == {"children": [item["id"] for item in body["items"]]} == {"children": [ruby.pk]}
    assert event.ip_address == "127.0.0.1"


def test_a_page_names_only_the_children_on_that_page(alice, sam, ruby, user_token, api):
    other = create_child(acting_user=sam, first_name="Abel", last_name="Adams", date_of_birth=ruby.date_of_birth)
    open_episode(other, EpisodeKind.EARLY_HELP, started_on=today(), acting_user=sam, worker=alice)
    client = api(user_token(alice))
    first = client.get("/api/children", {"limit": 1}).json()
    second = client.get("/api/children", {"limit": 1, "offset": 1}).json()

    assert [event.after for event in list_reads(alice)] == [
        {"children": [first["items"][0]["id"]]}, {"children": [second["items"][0]["id"]]},
    ]
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {ruby.pk, other.pk}


def test_a_call_that_finds_nobody_is_recorded_with_no_children(alice, ruby, user_token, api):
    api(user_token(alice)).get("/api/children", {"name": "Zebedee"})
    [event] = list_reads(alice)
    assert event.after == {"children": []}


def test_an_agency_system_call_is_recorded_against_its_system_user(police, ruby, agency_token, api):
    body = api(agency_token(police)).get("/api/children").json()
    [event] = AuditEvent.objects.filter(action=Action.READ, child=None, what="api: children")
    assert event.user is not None and event.user.agency_id == police.pk
    assert event.after == {"children": [item["id"] for item in body["items"]]}
