"""Shared date rules: nothing recorded as having happened in the future, and ages as the law counts them."""
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.lib.dates import (
    EARLIEST_DATE_OF_BIRTH,
    EVENT_TIME_TOLERANCE,
    PLANNED_YEARS_AHEAD,
    DateOfBirth,
    PastEvent,
    PlannedDate,
    age_in_years,
    latest_planned_date,
    today,
    validate_not_in_future,
)


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


class TestBounds:
    """Every date a person or partner types lies within bounds, checked without ever moving a time between zones
    (a year-1 time moved to UTC or to London falls before year 1, and every page showing it failed)."""

    @pytest.mark.parametrize("value", [
        date(1, 1, 1), date(1899, 12, 31),
        datetime(1, 1, 1, tzinfo=dt_timezone(timedelta(hours=14))), datetime(1, 1, 1, tzinfo=UTC),
        datetime(1899, 12, 31, 23, 59),
    ])
    def test_an_event_before_1900_is_refused_naming_the_field(self, value):
        with pytest.raises(ValidationError) as caught:
            PastEvent("Date received")(value)
        assert caught.value.messages == ["Date received must be 1 January 1900 or later"]

    def test_an_event_time_may_run_a_little_ahead_for_clock_drift_but_no_further(self):
        PastEvent("Date of visit")(timezone.now() + EVENT_TIME_TOLERANCE - timedelta(seconds=5))
        for ahead in (EVENT_TIME_TOLERANCE + timedelta(seconds=5), timedelta(days=365 * 7000)):
            with pytest.raises(ValidationError) as caught:
                PastEvent("Date of visit")(timezone.now() + ahead)
            assert caught.value.messages == ["Date of visit must be now or in the past"]

    def test_the_latest_possible_time_in_the_furthest_zone_is_refused_not_an_error(self):
        with pytest.raises(ValidationError):
            PastEvent("Date received")(datetime(9999, 12, 31, 23, 59, tzinfo=dt_timezone(timedelta(hours=-14))))

    def test_a_date_of_birth_lies_from_1900_to_today(self):
        DateOfBirth()(EARLIEST_DATE_OF_BIRTH)
        DateOfBirth()(today())
        for wrong, message in ((date(1899, 12, 31), "Date of birth must be 1 January 1900 or later"),
                               (today() + timedelta(days=1), "Date of birth must be today or in the past")):
            with pytest.raises(ValidationError) as caught:
                DateOfBirth()(wrong)
            assert caught.value.messages == [message]

    def test_a_planned_date_may_lie_ahead_but_not_beyond_the_horizon(self):
        PlannedDate("'By when' date")(latest_planned_date())
        with pytest.raises(ValidationError) as caught:
            PlannedDate("'By when' date")(latest_planned_date() + timedelta(days=1))
        assert caught.value.messages == [f"'By when' date must be within {PLANNED_YEARS_AHEAD} years of today"]

    def test_the_validators_compare_equal_so_migrations_stay_still(self):
        assert PastEvent("Date") == PastEvent("Date") != PastEvent("Date of visit")
        assert DateOfBirth() != PastEvent("Date of birth")
