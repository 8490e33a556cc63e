"""A child's record keeps its history: a move ends the old address in the audit log, and a changed name stays
findable, because the name the child was known by is added to their former names."""
import pytest

from journey.audit.models import Action, AuditEvent
from journey.lib.dates import today
from journey.people.actions import move_address, update_child_details
from journey.people.matching import Given, find_existing_children
from journey.people.models import Child


def test_moving_house_logs_the_end_of_the_old_address_as_the_worker(alice, ruby):
    old = ruby.person.current_address()
    move_address(ruby.person, acting_user=alice, line_1="3 Birch Close", town="Northfield", postcode="NF2 1AA", moved_in_on=today())
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="people.address", object_id=str(old.pk))
    assert (event.user, event.child) == (alice, ruby)
    assert (event.before, event.after) == ({"moved_out_on": None}, {"moved_out_on": today().isoformat()})


def test_a_changed_name_is_kept_as_a_former_name(alice, ruby):
    update_child_details(ruby, acting_user=alice, last_name="Jones")
    update_child_details(ruby, acting_user=alice, first_name="Rubina")
    ruby.person.refresh_from_db()
    assert ruby.person.former_names == "Ruby Smith, Ruby Jones"
    event = AuditEvent.objects.filter(action=Action.UPDATE, object_type="people.person", object_id=str(ruby.person.pk)).first()
    assert event.user == alice and event.after["former_names"] == "Ruby Smith, Ruby Jones"


def test_a_former_name_is_not_added_twice(alice, ruby):
    update_child_details(ruby, acting_user=alice, last_name="Jones")
    update_child_details(ruby, acting_user=alice, last_name="Smith")
    update_child_details(ruby, acting_user=alice, last_name="Jones")
    ruby.person.refresh_from_db()
    assert ruby.person.former_names == "Ruby Smith, Ruby Jones"


def test_correcting_only_the_details_that_are_not_the_name_adds_no_former_name(alice, ruby):
    update_child_details(ruby, acting_user=alice, known_as="Rubes", last_name="SMITH")
    ruby.person.refresh_from_db()
    assert ruby.person.former_names == ""


@pytest.mark.parametrize("searched", [("Ruby", "Smith"), ("Ruby", "Jones")])
def test_the_matcher_finds_a_renamed_child_by_the_old_name_and_the_new(alice, ruby, searched):
    update_child_details(ruby, acting_user=alice, last_name="Jones")
    given = Given(first_name=searched[0], last_name=searched[1], date_of_birth=ruby.person.date_of_birth)
    found = find_existing_children(given, Child.objects.all())
    assert [c.child for c in found] == [ruby]


def test_find_a_child_finds_her_by_the_name_she_had(client_for, alice, ruby):
    born = ruby.person.date_of_birth
    response = client_for(alice).post(f"/children/{ruby.pk}/details/", {
        "first_name": "Ruby", "middle_names": "", "last_name": "Jones", "known_as": "", "former_names": "",
        "date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year, "sex": "F",
        "gender": "", "ethnicity": "WBRI", "first_language": "English", "nhs_number": ruby.person.nhs_number, "upn": "",
    })
    assert response.status_code == 302
    ruby.person.refresh_from_db()
    assert (ruby.person.last_name, ruby.person.former_names) == ("Jones", "Ruby Smith")
    page = client_for(alice).get("/children/find/", {"name": "Ruby Smith"}).content.decode()
    assert "Ruby Jones" in page and "Former family name matches" in page
