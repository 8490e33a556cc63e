"""The GOV.UK date input: day, month and year boxes, with the Design System's error messages."""
from datetime import date, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError

from journey.lib.dates import DateOfBirth, PastEvent, today
from journey.lib.forms import GovukDateField


def field(required: bool = True) -> GovukDateField:
    return GovukDateField(label_for_errors="Date of visit", required=required)


def message_for(parts, required: bool = True) -> str:
    with pytest.raises(ValidationError) as caught:
        field(required).clean(parts)
    assert len(caught.value.messages) == 1
    return caught.value.messages[0]


def test_it_returns_the_date_typed():
    assert field().clean(["3", "11", "2024"]) == date(2024, 11, 3)
    assert field().clean([" 03 ", "011", "2024"]) == date(2024, 11, 3)


@pytest.mark.parametrize("empty", [["", "", ""], [" ", "", None], None])
def test_it_asks_for_the_date_when_required_and_empty(empty):
    assert message_for(empty) == "Enter date of visit"


def test_it_allows_an_empty_date_when_not_required():
    assert field(required=False).clean(["", "", ""]) is None


def test_it_names_the_missing_month():
    assert message_for(["3", "", "2024"]) == "Date of visit must include a month"


def test_it_names_every_missing_part():
    assert message_for(["", "11", ""]) == "Date of visit must include a day and a year"


@pytest.mark.parametrize(
    "parts",
    [
        ["31", "2", "2020"],
        ["29", "2", "2023"],
        ["0", "1", "2020"],
        ["1", "13", "2020"],
        ["-1", "1", "2020"],
        ["1", "1", "20"],
        ["1", "1", "0001"],
    ],
)
def test_it_rejects_a_date_that_does_not_exist(parts):
    assert message_for(parts) == "Date of visit must be a real date"


@pytest.mark.parametrize(
    "parts",
    [["first", "May", "2020"], ["1.5", "5", "2020"], ["1", "5", "twenty"], ["\u00b2", "5", "2020"], ["1" * 30, "1", "2020"]],
)
def test_it_rejects_parts_that_are_not_numbers_as_not_a_real_date(parts):
    assert message_for(parts) == "Date of visit must be a real date"


def test_it_refuses_a_date_before_1900_naming_the_bound():
    assert message_for(["31", "12", "1899"]) == "Date of visit must be 1 January 1900 or later"


def test_a_date_of_birth_field_holds_to_the_date_of_birth_bounds():
    born = GovukDateField(label_for_errors="Date of birth", bound=DateOfBirth)
    tomorrow = today() + timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        born.clean([str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)])
    assert caught.value.messages == ["Date of birth must be today or in the past"]
    assert born.clean(["1", "1", "1900"]) == date(1900, 1, 1)


def test_an_event_field_refuses_a_future_date_and_an_unbounded_one_a_far_future_date():
    event = GovukDateField(label_for_errors="Date of visit", bound=PastEvent)
    with pytest.raises(ValidationError) as caught:
        event.clean(["1", "1", "2999"])
    assert caught.value.messages == ["Date of visit must be today or in the past"]
    assert message_for(["1", "1", "9999"]) == "Date of visit must be within 10 years of today"


class VisitForm(forms.Form):
    visited_on = GovukDateField(label_for_errors="Date of visit")


def test_a_form_reads_the_three_boxes_and_keeps_the_error_beside_the_field():
    good = VisitForm(data={"visited_on_0": "3", "visited_on_1": "11", "visited_on_2": "2024"})
    assert good.is_valid()
    assert good.cleaned_data["visited_on"] == date(2024, 11, 3)

    bad = VisitForm(data={"visited_on_0": "31", "visited_on_1": "2", "visited_on_2": "2020"})
    assert not bad.is_valid()
    assert bad.errors == {"visited_on": ["Date of visit must be a real date"]}


def test_it_renders_day_month_and_year_boxes_that_keep_what_was_typed():
    bad = VisitForm(data={"visited_on_0": "31", "visited_on_1": "2", "visited_on_2": "2020"})
    html = str(bad["visited_on"])
    assert 'class="govuk-date-input"' in html
    for name, label, typed in (("visited_on_0", "Day", "31"), ("visited_on_1", "Month", "2"), ("visited_on_2", "Year", "2020")):
        assert f'name="{name}"' in html
        assert f'for="id_{name}">{label}</label>' in html
        assert f'id="id_{name}" name="{name}" type="text" inputmode="numeric" value="{typed}"' in html


def test_it_renders_a_saved_date_in_the_boxes():
    html = str(VisitForm(initial={"visited_on": date(2024, 11, 3)})["visited_on"])
    assert 'value="3"' in html and 'value="11"' in html and 'value="2024"' in html
