"""Asking the lists: the codes a form offers on a date, whether a code is valid then, what a code means."""
from datetime import date

import pytest

from journey.codelists.lookup import choices, exists, is_valid, label, refusal
from journey.codelists.models import Code, CodeList

pytestmark = pytest.mark.django_db


@pytest.fixture
def retired():
    """A made-up category the DfE stopped on 31 March 2025, so each rule can be seen against a code with an end."""
    categories = CodeList.objects.get(key="cin.category_of_abuse")
    return Code.objects.create(code_list=categories, code="OLD", label="Old category", valid_from=date(2020, 4, 1),
                               valid_to=date(2025, 3, 31), position=99)


def test_choices_on_a_date_offer_the_codes_valid_then_in_the_lists_order(retired):
    assert choices("cin.category_of_abuse", on=date(2026, 4, 1)) == [
        ("NEG", "Neglect"), ("PHY", "Physical abuse"), ("EMO", "Emotional abuse"), ("SAB", "Sexual abuse"), ("MUL", "Multiple (not recommended)"),
    ]
    assert ("OLD", "Old category") in choices("cin.category_of_abuse", on=date(2025, 3, 31))


def test_a_code_is_valid_only_between_its_dates(retired):
    assert is_valid("cin.category_of_abuse", "OLD", on=date(2024, 6, 1))
    assert not is_valid("cin.category_of_abuse", "OLD", on=date(2025, 4, 1))
    assert is_valid("cin.category_of_abuse", "NEG")
    assert not is_valid("cin.category_of_abuse", "neg")
    assert not is_valid("cin.category_of_abuse", "XYZ")


def test_a_retired_code_still_exists_and_still_has_its_label(retired):
    assert exists("cin.category_of_abuse", "OLD")
    assert label("cin.category_of_abuse", "OLD") == "Old category"
    assert label("cin.primary_need", "N1") == "Abuse or neglect"


def test_a_reworded_code_is_shown_with_its_latest_label():
    needs = CodeList.objects.get(key="cin.primary_need")
    Code.objects.create(code_list=needs, code="N7", label="Low income (reworded)", valid_from=date(2026, 4, 1), position=7)
    assert label("cin.primary_need", "N7") == "Low income (reworded)"


def test_a_code_not_in_the_list_is_shown_as_it_was_stored():
    assert label("cin.ethnicity", "ZZZZ") == "ZZZZ"


def test_the_refusal_names_the_field_and_the_date(retired):
    assert refusal("cin.category_of_abuse", "OLD", date(2026, 4, 1), "Category") == "Category must be one of the codes valid on 1 April 2026"
    assert refusal("cin.category_of_abuse", "OLD", date(2024, 4, 1), "Category") is None
    assert refusal("cin.category_of_abuse", "", date(2026, 4, 1), "Initial category") == (
        "Initial category must be one of the codes valid on 1 April 2026"
    )


def test_asking_for_a_list_that_does_not_exist_is_a_mistake_in_the_code():
    with pytest.raises(LookupError, match="no code list 'cin.nothing'"):
        choices("cin.nothing")


def test_saving_a_code_clears_what_was_kept():
    assert not is_valid("cin.sex", "3")
    Code.objects.create(code_list=CodeList.objects.get(key="cin.sex"), code="3", label="Made up", valid_from=date(2024, 4, 1))
    assert is_valid("cin.sex", "3")
