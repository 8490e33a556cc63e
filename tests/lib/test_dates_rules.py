"""Shared date rules: nothing recorded as having happened in the future, and ages as the law counts them."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.lib.dates import age_in_years, today, validate_not_in_future


def test_it_accepts_today_and_the_past():
    validate_not_in_future(today())
    validate_not_in_future(today() - timedelta(days=1))


def test_it_rejects_a_date_in_the_future():
    with pytest.raises(ValidationError) as caught:
        validate_not_in_future(today() + timedelta(days=1))
    assert caught.value.messages == ["Date must be today or in the past"]


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2010, 3, 15), date(2020, 3, 14), 9),
        (date(2010, 3, 15), date(2020, 3, 15), 10),
        (date(2012, 2, 29), date(2013, 2, 28), 0),  # a leap day child turns one on 1 March in other years
        (date(2012, 2, 29), date(2013, 3, 1), 1),
        (date(2012, 2, 29), date(2016, 2, 29), 4),
    ],
)
def test_age_in_years_counts_whole_birthdays(born, on, age):
    assert age_in_years(born, on) == age
