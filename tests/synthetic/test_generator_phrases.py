"""Generated writing fits the child it is about: their age on the day it was written, and what was decided."""
import re

import pytest

from journey.casework.codes import AssessmentDecision
from journey.casework.models import Assessment, Visit
from journey.frontdoor.models import ContactChild
from journey.lib.dates import age_in_years
from journey.synthetic import phrases
from journey.synthetic.phrases import CONCERN_DETAILS, fitting


def banks() -> list[tuple[str, tuple]]:
    found = []
    for name, value in vars(phrases).items():
        if isinstance(value, tuple):
            found.append((name, value))
        elif isinstance(value, dict) and name != "CONCERN_DETAILS":
            found += [(f"{name}[{key}]", bank) for key, bank in value.items() if isinstance(bank, tuple)]
    return found


@pytest.mark.parametrize("age", range(0, 21))
def test_every_bank_has_something_for_every_age(age):
    assert [name for name, bank in banks() if not fitting(bank, age)] == []
    assert any(fitting(details, age) for details in CONCERN_DETAILS.values())


def test_a_phrase_for_a_baby_is_not_chosen_for_a_teenager():
    assert "An unexplained injury was found on {name}, who is not yet mobile." in fitting(CONCERN_DETAILS["physical_harm"], 0)
    assert not any("not yet mobile" in text for text in fitting(CONCERN_DETAILS["physical_harm"], 13))
    assert fitting(CONCERN_DETAILS["exploitation"], 4) == ()


@pytest.mark.django_db
def test_no_contact_calls_a_walking_child_not_yet_mobile(authority_2000):
    named = ContactChild.objects.filter(contact__concern__contains="not yet mobile", child__isnull=False).select_related(
        "contact", "child__person",
    )
    ages = {age_in_years(row.child.person.date_of_birth, row.contact.received_at.date()) for row in named}
    assert ages <= {0}


@pytest.mark.django_db
def test_no_further_action_after_assessment_never_talks_of_a_plan(authority_2000):
    closed = Assessment.objects.filter(decision=AssessmentDecision.NO_FURTHER_ACTION).values_list("analysis", flat=True)
    assert closed.exists()
    assert [text for text in closed if re.search(r"\bplans?\b", text, re.IGNORECASE)] == []


@pytest.mark.django_db
def test_only_a_young_person_of_college_age_talks_of_college(authority_2000):
    visits = Visit.objects.filter(childs_words__contains="College").select_related("child__person")
    assert all(age_in_years(v.child.person.date_of_birth, v.visited_at.date()) >= 16 for v in visits)
