"""The person record's own rules (dates of birth, name keys, ages, unborn children) and which children each
persona may choose from: ``Child.objects.visible_to(user)``, the one filter every list and search uses."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.lib.dates import today
from journey.lib.identifiers import NHS_NUMBER_MISTYPED
from journey.people.actions import create_child
from journey.people.matching import name_key
from journey.people.models import Child, Person

pytestmark = pytest.mark.django_db


def test_it_rejects_a_date_of_birth_in_the_future():
    person = Person(first_name="Ava", last_name="Hughes", date_of_birth=today() + timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert caught.value.message_dict == {"date_of_birth": ["Date of birth must be today or in the past"]}


def test_it_rejects_a_date_of_birth_before_1900():
    person = Person(first_name="Ava", last_name="Hughes", date_of_birth=date(1899, 12, 31))
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert caught.value.message_dict == {"date_of_birth": ["Date of birth must be 1 January 1900 or later"]}


def test_it_accepts_a_child_born_today():
    Person(first_name="Ava", last_name="Hughes", date_of_birth=today()).full_clean()


def test_it_rejects_an_nhs_number_with_a_bad_check_digit_against_the_field():
    person = Person(first_name="Ava", last_name="Hughes", nhs_number="9434765918")
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert list(caught.value.message_dict) == ["nhs_number"]
    assert caught.value.message_dict["nhs_number"] == [NHS_NUMBER_MISTYPED]


def test_it_fills_the_phonetic_name_keys_on_save_so_spellings_find_each_other():
    person = Person.objects.create(first_name="Mohammed", last_name="Smyth")
    assert person.first_name_key == name_key("Muhammad") != ""
    assert person.last_name_key == name_key("Smith") != ""


def test_it_refreshes_the_name_keys_when_a_name_changes():
    person = Person.objects.create(first_name="Mohammed", last_name="Smyth")
    person.last_name = "Okafor"
    person.save()
    person.refresh_from_db()
    assert person.last_name_key == name_key("Okafor")


def test_age_on_counts_whole_years_and_is_empty_without_a_date_of_birth():
    person = Person(first_name="Ava", last_name="Hughes", date_of_birth=date(2015, 6, 10))
    assert person.age_on(date(2024, 6, 9)) == 8
    assert person.age_on(date(2024, 6, 10)) == 9
    assert Person(first_name="Ava", last_name="Hughes").age_on(date(2024, 6, 10)) is None


def test_a_child_expected_but_not_yet_born_is_unborn(sam):
    child = create_child(acting_user=sam, first_name="Baby", last_name="Hughes", expected_date_of_birth=today() + timedelta(days=60))
    assert child.is_unborn
    assert child.age_on(today()) is None


def test_a_child_with_a_date_of_birth_is_not_unborn(sam):
    born = create_child(
        acting_user=sam, first_name="Ava", last_name="Hughes", date_of_birth=today() - timedelta(days=3),
        expected_date_of_birth=today() - timedelta(days=10),
    )
    unknown = create_child(acting_user=sam, first_name="Zed", last_name="Hughes")
    assert not born.is_unborn
    assert not unknown.is_unborn


# --- Child.objects.visible_to(user): journey.access.rules ---------------------------------------------------------


def child_named(first_name: str, sam) -> Child:
    return create_child(acting_user=sam, first_name=first_name, last_name="Hughes", date_of_birth=date(2016, 1, 5))


def raise_contact_about(child: Child, *, agency, raised_by, sam) -> None:
    contact = record_contact(
        acting_user=raised_by, agency=agency, concern="Came to school with a bruise.",
        children=[NamedChild(child.person.first_name, child.person.last_name, child.date_of_birth)],
    )
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)


def test_a_partner_sees_only_children_their_own_agency_raised_contacts_about(sam, officer, teacher, police, school):
    from_police = child_named("Ava", sam)
    from_school = child_named("Ben", sam)
    child_named("Cal", sam)  # no contact from any partner
    raise_contact_about(from_police, agency=police, raised_by=officer, sam=sam)
    raise_contact_about(from_school, agency=school, raised_by=teacher, sam=sam)

    assert list(Child.objects.visible_to(officer)) == [from_police]
    assert list(Child.objects.visible_to(teacher)) == [from_school]


def test_a_partner_does_not_see_a_child_named_in_their_contact_until_it_is_linked(sam, officer, police):
    record_contact(acting_user=officer, agency=police, concern="Domestic incident.", children=[NamedChild("Ava", "Hughes")])
    child_named("Ava", sam)
    assert not Child.objects.visible_to(officer).exists()


def test_a_worker_in_another_team_sees_no_child_their_team_does_not_hold(sam, charlie, ruby):
    child_named("Ava", sam)
    assert not Child.objects.visible_to(charlie).exists()


def test_local_authority_staff_may_find_every_unrestricted_child(sam, charlie, ruby):
    other = child_named("Ava", sam)
    assert set(Child.objects.matchable_by(charlie)) == {ruby, other}


def test_a_restricted_child_is_seen_by_the_allocated_team(alice, mo, ruby):
    ruby.is_restricted = True
    ruby.save()
    assert list(Child.objects.visible_to(alice)) == [ruby]
    assert list(Child.objects.visible_to(mo)) == [ruby]


def test_a_restricted_child_is_hidden_from_staff_in_other_teams(sam, charlie, ruby):
    ruby.is_restricted = True
    ruby.save()
    assert not Child.objects.visible_to(charlie).filter(pk=ruby.pk).exists()
    assert not Child.objects.visible_to(sam).filter(pk=ruby.pk).exists()


def test_a_restricted_child_is_hidden_from_the_team_once_their_allocation_ends(alice, helen, charlie, ruby):
    from journey.casework.actions import allocate

    ruby.is_restricted = True
    ruby.save()
    allocate(ruby.episodes.get(), worker=charlie, team=charlie.team, started_on=today(), acting_user=helen)
    assert not Child.objects.visible_to(alice).exists()
    assert list(Child.objects.visible_to(charlie)) == [ruby]


def test_an_inactive_user_sees_no_children(alice, officer, police, sam, ruby):
    raise_contact_about(ruby, agency=police, raised_by=officer, sam=sam)
    for user in (alice, officer):
        user.is_active = False
        user.save()
        assert not Child.objects.visible_to(user).exists()


def test_a_signed_out_visitor_sees_no_children(ruby):
    from django.contrib.auth.models import AnonymousUser

    assert not Child.objects.visible_to(AnonymousUser()).exists()
