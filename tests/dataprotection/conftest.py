"""Data protection fixtures: the officer, and Ruby's family (her mother Jo, her brother Max) so that exports have
third parties to mark."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Role
from journey.lib.dates import today
from journey.people.models import Household, HouseholdMembership, Person, Relationship
from tests.conftest import make_user


@pytest.fixture
def dee(council):
    """Dee Dixon: the council's data protection officer, who answers subject access requests and reviews retention."""
    return make_user("dee", Role.DATA_PROTECTION_OFFICER, council, None, "Dee", "Dixon", "Data protection officer")


@pytest.fixture
def date_fields():
    """``date_fields("received_on", some_date)``: the day, month and year boxes of a GOV.UK date input."""

    def fields(name: str, value: date) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields


@pytest.fixture
def family(ruby, alice, sam):
    """Ruby's mother Jo Smith (an adult on record) and her brother Max (a child with his own record, whose visit
    names Jo), all in one household."""
    from journey.casework.actions import record_visit
    from journey.people.actions import create_child

    jo = Person.objects.create(first_name="Jo", last_name="Smith", date_of_birth=date(1990, 5, 17), sex="F")
    max_ = create_child(acting_user=sam, first_name="Max", last_name="Smith", date_of_birth=today() - timedelta(days=5 * 366))
    Relationship.objects.create(from_person=jo, to_person=ruby.person, kind="mother", has_parental_responsibility=True)
    Relationship.objects.create(from_person=jo, to_person=max_.person, kind="mother", has_parental_responsibility=True)
    Relationship.objects.create(from_person=ruby.person, to_person=max_.person, kind="sibling")
    home = Household.objects.create(name="Smith household, Elm Road")
    for person, role in ((jo, "parent"), (ruby.person, "child"), (max_.person, "child")):
        HouseholdMembership.objects.create(household=home, person=person, role=role)
    record_visit(max_, acting_user=alice, visited_at=timezone.now() - timedelta(days=10), child_seen=True, child_seen_alone=False,
                 who_was_present="Jo Smith (mother)", observations="Jo Smith was tired but warm with Max.")
    return {"jo": jo, "max": max_}
