"""Every write to the record is captured with its values before and after, and the user who made it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.changes import REDACTED
from journey.audit.context import acting_as
from journey.audit.models import Action, AuditEvent
from journey.casework.models import Visit
from journey.lib.dates import today
from journey.people.models import Address

VALID_DETAILS = {
    "first_name": "Ruby", "middle_names": "Mae", "last_name": "Smith", "known_as": "Rubes", "former_names": "",
    "date_of_birth_0": "16", "date_of_birth_1": "10", "date_of_birth_2": "2018", "sex": "F", "gender": "",
    "ethnicity": "WBRI", "first_language": "English", "nhs_number": "943 476 5919", "upn": "A123456789012",
    "disabilities": ["COMM"],
}


def events_about(obj, action: str | None = None):
    events = AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    return events.filter(action=action) if action else events


def test_a_visit_recorded_through_a_page_is_captured_with_the_user_from_the_request(client_for, alice, ruby):
    yesterday = today() - timedelta(days=1)
    client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", {
        "visited_at_0": yesterday.day, "visited_at_1": yesterday.month, "visited_at_2": yesterday.year,
        "visited_time": "15:30", "place": "Home", "who_was_present": "Ruby and her mum", "child_seen": "yes",
        "child_seen_alone": "yes", "childs_words": "I want my dog at the meeting.", "observations": "Calm.",
        "next_steps": "Visit again.",
    }, REMOTE_ADDR="192.0.2.44")
    visit = ruby.visits.order_by("-recorded_at").first()
    event = events_about(visit, Action.CREATE).get()
    assert (event.user, event.child, event.ip_address) == (alice, ruby, "192.0.2.44")
    assert event.before is None
    assert event.after["childs_words"] == "I want my dog at the meeting."
    assert event.after["recorded_by_id"] == alice.pk


def test_a_change_to_a_childs_details_stores_only_the_changed_fields(client_for, alice, ruby):
    client_for(alice).post(f"/children/{ruby.pk}/details/", VALID_DETAILS)
    person_change = events_about(ruby.person, Action.UPDATE).get()
    assert person_change.user == alice and person_change.child == ruby
    assert person_change.before["known_as"] == "" and person_change.after["known_as"] == "Rubes"
    assert (person_change.before["middle_names"], person_change.after["middle_names"]) == ("", "Mae")
    assert "first_name" not in person_change.after  # unchanged, so not stored
    child_change = events_about(ruby, Action.UPDATE).get()
    assert child_change.before == {"disabilities": [], "upn": ""}
    assert child_change.after == {"disabilities": ["COMM"], "upn": "A123456789012"}


def test_a_save_that_changes_nothing_writes_no_event(ruby):
    before = AuditEvent.objects.count()
    ruby.person.save()
    assert AuditEvent.objects.count() == before


def test_a_delete_keeps_the_row_as_it_was_and_who_removed_it(alice, ruby):
    address = Address.objects.create(person=ruby.person, line_1="1 Oak Lane", town="Northfield", postcode="NF1 3CD")
    address_id = address.pk
    with acting_as(alice):
        address.delete()
    event = AuditEvent.objects.get(action=Action.DELETE, object_type="people.address", object_id=str(address_id))
    assert (event.user, event.child, event.after) == (alice, ruby, None)
    assert event.before["line_1"] == "1 Oak Lane"


def test_an_action_run_outside_any_request_is_logged_as_its_acting_user(alice, ruby):
    visit = ruby.visits.get()  # the fixture called record_visit directly, as Alice, with no request
    event = events_about(visit, Action.CREATE).get()
    assert (event.user, event.role, event.what) == (alice, "practitioner", "")


def test_rows_belonging_to_an_episode_are_filed_under_the_episodes_child(ruby):
    allocation = ruby.episodes.get().allocations.get()
    assert events_about(allocation, Action.CREATE).get().child == ruby


def test_a_password_hash_is_never_stored(alice):
    with acting_as(alice):
        alice.set_password("another-long-passphrase")
        alice.save()
    change = events_about(alice, Action.UPDATE).get()
    assert change.before == {"password": REDACTED} and change.after == {"password": REDACTED}
    created = events_about(alice, Action.CREATE).get()
    assert created.after["password"] == REDACTED
    for event in AuditEvent.objects.all():
        text = f"{event.before} {event.after}"
        assert "md5$" not in text and "pbkdf2" not in text and alice.password not in text


def test_a_change_to_a_users_groups_is_captured(admin_user, alice):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Caldicott")
    with acting_as(admin_user):
        alice.groups.add(group)
    event = events_about(alice, Action.UPDATE).get()
    assert (event.user, event.before, event.after) == (admin_user, {"groups": []}, {"groups": [group.pk]})


def test_bulk_created_rows_are_not_captured(ruby, alice):
    """The synthetic generator seeds with bulk_create: synthetic seeding, deliberately not audited."""
    before = AuditEvent.objects.count()
    Visit.objects.bulk_create([Visit(child=ruby, recorded_by=alice, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)])
    assert AuditEvent.objects.count() == before


def test_every_change_joins_the_one_chain(ruby):
    from journey.audit.chain import verify_chain

    assert verify_chain().ok
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="people.child").count() == 1


@pytest.mark.parametrize("field_name", ["password", "api_token", "totp_secret", "token_hash"])
def test_fields_named_for_secrets_are_redacted(field_name):
    from journey.audit.changes import redacted

    assert redacted({field_name: "s3cret", "first_name": "Ruby"}) == {field_name: REDACTED, "first_name": "Ruby"}
