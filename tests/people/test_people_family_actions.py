"""Changing a child's family and household: each action, its refusals (naming the field), and the history it keeps."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.audit.models import AuditEvent
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today
from journey.people import actions
from journey.people.models import Household, HouseholdMembership, Person, Relationship
from tests.people.family_world import SINCE, family  # noqa: F401  (family is a fixture)

pytestmark = pytest.mark.django_db


def titles(child) -> list[str]:
    return list(ChronologyEntry.objects.filter(child=child, kind="family").order_by("occurred_at", "key").values_list("title", flat=True))


def test_a_new_partner_joins_the_household_and_both_children_s_chronologies_say_so(family, alice):
    joined = today() - timedelta(days=10)
    relationship = actions.add_family_member(
        family.ruby, acting_user=alice, kind="parents_partner", first_name=" Dan ", last_name="Price", sex="M",
        approximate_age=34, started_on=today() - timedelta(days=200), lives_with_child=True, joined_on=joined,
    )
    dan = relationship.from_person
    assert (dan.full_name, dan.approximate_year_of_birth, relationship.recorded_by) == ("Dan Price", today().year - 34, alice)
    stay = HouseholdMembership.objects.get(person=dan)
    assert (stay.household, stay.joined_on, stay.role, stay.recorded_by) == (family.home, joined, "other_adult", alice)
    assert "Dan Price (parent's partner) joined the household" in titles(family.ruby)
    assert "Relationship began: Dan Price, parent's partner" in titles(family.ruby)
    assert titles(family.mia) == ["Dan Price joined the household"], "Mia is not related to Dan, but lives with him"
    entry = ChronologyEntry.objects.get(child=family.ruby, key=f"household_joined:{stay.pk}")
    assert (entry.author, entry.agency, entry.summary) == ("Alice Akers", str(alice.agency), "Smith household, Elm Road")
    assert differences([family.ruby.pk, family.mia.pk, family.leo.pk]) == []


def test_each_change_is_in_the_audit_log_as_the_worker_s(family, alice):
    before = AuditEvent.objects.filter(user=alice).exclude(action="read").count()
    actions.add_family_member(family.ruby, acting_user=alice, kind="grandparent", first_name="May", last_name="Smith", sex="F")
    assert AuditEvent.objects.filter(user=alice).exclude(action="read").count() > before


def test_generated_history_makes_no_chronology_entry(family):
    assert titles(family.ruby) == [] and titles(family.mia) == []
    assert differences([family.ruby.pk, family.mia.pk]) == []


def test_ending_a_relationship_keeps_it_with_its_end(family, alice):
    dan = actions.add_family_member(family.ruby, acting_user=alice, kind="parents_partner", first_name="Dan", last_name="Price",
                                    started_on=date(2023, 4, 1))
    ended = actions.end_relationship(dan, acting_user=alice, ended_on=date(2024, 6, 30))
    assert Relationship.objects.filter(pk=ended.pk, ended_on=date(2024, 6, 30), ended_by=alice).exists()
    assert "Relationship ended: Dan Price, parent's partner" in titles(family.ruby)
    again = actions.link_family_member(family.ruby, dan.from_person, acting_user=alice, kind="parents_partner", started_on=date(2025, 1, 5))
    assert Relationship.objects.filter(from_person=dan.from_person, to_person=family.ruby.person).count() == 2
    assert again.pk != ended.pk
    assert differences([family.ruby.pk]) == []


def test_a_relationship_cannot_end_before_it_began(family, alice):
    dan = actions.add_family_member(family.ruby, acting_user=alice, kind="parents_partner", first_name="Dan", last_name="Price",
                                    started_on=date(2023, 4, 1))
    with pytest.raises(ValidationError) as refused:
        actions.end_relationship(dan, acting_user=alice, ended_on=date(2023, 3, 31))
    assert "ended_on" in refused.value.message_dict
    assert "on or after the date the relationship began (1 April 2023)" in refused.value.message_dict["ended_on"][0]
    dan.refresh_from_db()
    assert dan.ended_on is None


def test_a_relationship_cannot_end_twice(family, alice):
    mother = Relationship.objects.get(from_person=family.jo, to_person=family.ruby.person)
    actions.end_relationship(mother, acting_user=alice, ended_on=date(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        actions.end_relationship(mother, acting_user=alice, ended_on=date(2024, 2, 1))
    assert "already ended on 1 January 2024" in refused.value.message_dict["ended_on"][0]


def test_a_second_mother_is_refused_naming_the_relationship(family, alice):
    with pytest.raises(ValidationError) as refused:
        actions.add_family_member(family.ruby, acting_user=alice, kind="mother", first_name="Ann", last_name="Other", sex="F")
    assert "already has a mother on record (Jo Smith)" in refused.value.message_dict["kind"][0]
    assert not Person.objects.filter(first_name="Ann").exists(), "nothing is kept of a refused change"


def test_an_age_and_a_date_of_birth_together_are_refused(family, alice):
    with pytest.raises(ValidationError) as refused:
        actions.add_family_member(family.ruby, acting_user=alice, kind="grandparent", first_name="May", last_name="Smith",
                                  date_of_birth=date(1960, 1, 1), approximate_age=64)
    assert "approximate_age" in refused.value.message_dict


def test_a_child_can_never_be_in_two_households_at_once(family, alice):
    with pytest.raises(ValidationError) as refused:
        actions.join_household(family.ruby, family.leo.person, acting_user=alice, joined_on=today())
    message = refused.value.message_dict["joined_on"][0]
    assert "Leo Price lives in Price household, Oak Lane from 1 January 2020" in message and "two households at once" in message
    assert not HouseholdMembership.objects.filter(person=family.leo.person, household=family.home).exists()


def test_an_adult_who_joins_leaves_their_household_before_on_the_same_day(family, alice):
    actions.link_family_member(family.ruby, family.sean, acting_user=alice, kind="step_parent")
    moved = actions.join_household(family.ruby, family.sean, acting_user=alice, joined_on=date(2025, 2, 3))
    before = HouseholdMembership.objects.get(person=family.sean, household=family.prices)
    assert before.left_on == date(2025, 2, 3) and before.left_recorded_by == alice
    assert moved.household == family.home and moved.joined_on == date(2025, 2, 3)


def test_moving_a_child_keeps_the_household_before(family, alice):
    stay = actions.move_to_household(family.ruby, acting_user=alice, moved_on=date(2025, 3, 1), household=family.prices)
    before = HouseholdMembership.objects.get(person=family.ruby.person, household=family.home)
    assert before.left_on == date(2025, 3, 1) and stay.household == family.prices and stay.joined_on == date(2025, 3, 1)
    assert "Ruby Smith left the household" in titles(family.ruby) and "Ruby Smith joined the household" in titles(family.ruby)
    assert "Ruby Smith (sibling) left the household" in titles(family.mia)
    assert "Ruby Smith (half-sibling) joined the household" in titles(family.leo)
    assert differences([family.ruby.pk, family.mia.pk, family.leo.pk]) == []


def test_a_move_before_the_child_joined_is_refused_naming_the_date(family, alice):
    with pytest.raises(ValidationError) as refused:
        actions.move_to_household(family.ruby, acting_user=alice, moved_on=SINCE - timedelta(days=1), household=family.prices)
    assert "moved_on" in refused.value.message_dict
    assert HouseholdMembership.objects.get(person=family.ruby.person, household=family.home).left_on is None


def test_a_move_to_a_household_outside_the_family_is_refused(family, alice):
    stranger = Household.objects.create(name="Somewhere else")
    with pytest.raises(ValidationError) as refused:
        actions.move_to_household(family.ruby, acting_user=alice, moved_on=today(), household=stranger)
    assert refused.value.message_dict == {"household": ["Select a household from the list"]}


def test_a_move_to_a_new_household_names_it(family, alice):
    stay = actions.move_to_household(family.ruby, acting_user=alice, moved_on=today(), new_household_name=" Jones foster home ")
    assert stay.household.name == "Jones foster home"


def test_leaving_keeps_the_stay_and_cannot_precede_joining(family, alice):
    jo = HouseholdMembership.objects.get(person=family.jo)
    with pytest.raises(ValidationError) as refused:
        actions.leave_household(jo, acting_user=alice, left_on=SINCE - timedelta(days=1))
    assert "left_on" in refused.value.message_dict
    actions.leave_household(jo, acting_user=alice, left_on=date(2025, 5, 5))
    jo.refresh_from_db()
    assert jo.left_on == date(2025, 5, 5) and jo.left_recorded_by == alice
    assert "Jo Smith (mother) left the household" in titles(family.ruby)
    assert differences([family.ruby.pk, family.mia.pk]) == []


def test_only_people_within_the_family_may_be_linked(family, alice):
    outsider = Person.objects.create(first_name="Zed", last_name="Stranger")
    for person in (outsider, family.wren.person):
        with pytest.raises(ValidationError) as refused:
            actions.link_family_member(family.ruby, person, acting_user=alice, kind="sibling")
        assert refused.value.message_dict == {"person": ["Select a person from the list"]}
    linked = actions.link_family_member(family.ruby, family.kai, acting_user=alice, kind="half_sibling")
    assert linked.from_person == family.kai


def test_a_restricted_child_is_never_named_on_another_child_s_chronology(family, helen):
    Relationship.objects.filter(from_person=family.wren.person, to_person=family.ruby.person).delete()
    actions.link_family_member(family.ruby, family.wren.person, acting_user=helen, kind="half_sibling")
    assert not any("Wren" in title for title in titles(family.ruby))
    assert "Relationship recorded: Ruby Smith, half-sibling" in titles(family.wren)
    assert differences([family.ruby.pk, family.wren.pk]) == []


def test_renaming_a_relative_keeps_the_chronology_equal_to_the_record(family, alice, sam):
    actions.move_to_household(family.mia, acting_user=alice, moved_on=date(2025, 3, 1), new_household_name="Gran's flat")
    actions.update_child_details(family.mia, acting_user=sam, first_name="Amelia")
    assert "Amelia Smith (sibling) left the household" in titles(family.ruby)
    family.wren.is_restricted = False
    family.wren.save()
    assert differences([family.ruby.pk, family.mia.pk, family.leo.pk, family.wren.pk]) == []
