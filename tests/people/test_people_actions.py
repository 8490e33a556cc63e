"""Changes to the person record: making a child, moving house, relating people."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.lib.dates import today
from journey.people.actions import create_child, move_address, relate
from journey.people.models import Address, Person, Relationship

pytestmark = pytest.mark.django_db


def test_it_creates_a_child_with_identifiers_in_their_stored_form(sam):
    child = create_child(
        acting_user=sam, first_name=" Ava ", last_name="Hughes ", date_of_birth=date(2016, 1, 5),
        nhs_number="943 476 5919", upn="a123 4567 89012", address_line_1="4 Oak Lane", town="Northfield", postcode="nf12ab",
    )
    child.refresh_from_db()
    assert (child.person.first_name, child.person.last_name) == ("Ava", "Hughes")
    assert child.person.nhs_number == "9434765919"
    assert child.upn == "A123456789012"
    address = child.person.current_address()
    assert (address.line_1, address.postcode, address.moved_out_on) == ("4 Oak Lane", "NF1 2AB", None)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"date_of_birth": today() + timedelta(days=1)}, "date_of_birth"),
        ({"nhs_number": "943 476 5918"}, "nhs_number"),
        ({"upn": "B123456789012"}, "upn"),
    ],
)
def test_it_refuses_to_create_a_child_with_a_broken_rule_and_names_the_field(sam, details, field):
    with pytest.raises(ValidationError) as caught:
        create_child(acting_user=sam, first_name="Ava", last_name="Hughes", **details)
    assert field in caught.value.message_dict
    assert not Person.objects.exists()


def test_it_refuses_an_address_with_a_bad_postcode_and_names_the_field(sam):
    with pytest.raises(ValidationError) as caught:
        create_child(acting_user=sam, first_name="Ava", last_name="Hughes", address_line_1="4 Oak Lane", town="Northfield", postcode="NOT IT")
    assert caught.value.message_dict == {"postcode": ["Enter a real UK postcode, like SW1A 1AA"]}
    assert not Person.objects.exists()


def test_moving_ends_the_previous_address_on_the_day_of_the_move(sam, ruby):
    person = ruby.person
    old = person.current_address()
    moved_on = today() - timedelta(days=30)

    new = move_address(person, acting_user=sam, line_1="7 Birch Close", town="Northfield", postcode="NF3 4DE", moved_in_on=moved_on)

    old.refresh_from_db()
    assert old.moved_out_on == moved_on
    assert person.current_address() == new
    assert list(person.addresses.order_by("pk")) == [old, new]


def test_moving_twice_keeps_the_whole_history(sam, ruby):
    person = ruby.person
    move_address(person, acting_user=sam, line_1="7 Birch Close", town="Northfield", postcode="NF3 4DE", moved_in_on=date(2023, 1, 1))
    move_address(person, acting_user=sam, line_1="9 Ash Way", town="Northfield", postcode="NF5 6EF", moved_in_on=date(2024, 1, 1))
    assert [a.postcode for a in person.addresses.order_by("pk")] == ["NF1 2AB", "NF3 4DE", "NF5 6EF"]
    assert person.addresses.filter(moved_out_on__isnull=True).count() == 1
    assert person.addresses.get(postcode="NF3 4DE").moved_out_on == date(2024, 1, 1)


def test_it_rejects_moving_in_before_the_current_address_started_and_names_the_field(sam, ruby):
    person = ruby.person
    current = move_address(person, acting_user=sam, line_1="7 Birch Close", town="Northfield", postcode="NF3 4DE", moved_in_on=date(2024, 1, 1))

    with pytest.raises(ValidationError) as caught:
        move_address(person, acting_user=sam, line_1="9 Ash Way", town="Northfield", postcode="NF5 6EF", moved_in_on=date(2023, 12, 31))

    assert list(caught.value.message_dict) == ["moved_in_on"]
    assert "after the date they moved in" in caught.value.message_dict["moved_in_on"][0]
    current.refresh_from_db()
    assert current.moved_out_on is None
    assert not Address.objects.filter(postcode="NF5 6EF").exists()


def test_it_rejects_a_move_to_a_bad_postcode_and_names_the_field(sam, ruby):
    with pytest.raises(ValidationError) as caught:
        move_address(ruby.person, acting_user=sam, line_1="9 Ash Way", town="Northfield", postcode="99", moved_in_on=today())
    assert list(caught.value.message_dict) == ["postcode"]
    assert ruby.person.current_address().postcode == "NF1 2AB"


def test_it_relates_two_people_once(sam, ruby):
    mother = Person.objects.create(first_name="Jade", last_name="Smith")
    first = relate(mother, ruby.person, "mother", acting_user=sam, has_parental_responsibility=True)
    again = relate(mother, ruby.person, "mother", acting_user=sam)
    assert first == again
    assert Relationship.objects.get().has_parental_responsibility
    assert str(first) == "Jade Smith is the mother of Ruby Smith"


def test_it_cannot_relate_a_person_to_themselves(sam, ruby):
    with pytest.raises(ValidationError) as caught:
        relate(ruby.person, ruby.person, "sibling", acting_user=sam)
    assert caught.value.message_dict == {"to_person": ["A person cannot be related to themselves"]}
    assert not Relationship.objects.exists()
