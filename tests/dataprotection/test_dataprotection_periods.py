"""Statutory periods: one calendar month for a subject access request; birthdays and anniversaries for retention."""
from datetime import date

from journey.dataprotection.actions import sar_due_on
from journey.dataprotection.periods import add_years


def test_it_makes_a_request_due_one_calendar_month_after_receipt():
    assert sar_due_on(date(2025, 3, 15)) == date(2025, 4, 15)


def test_it_ends_the_month_on_its_last_day_when_the_day_does_not_exist():
    assert sar_due_on(date(2025, 1, 31)) == date(2025, 2, 28)
    assert sar_due_on(date(2024, 1, 31)) == date(2024, 2, 29)


def test_it_carries_a_december_request_into_january():
    assert sar_due_on(date(2025, 12, 10)) == date(2026, 1, 10)


def test_it_moves_a_29_february_anniversary_to_28_february():
    assert add_years(date(2004, 2, 29), 25) == date(2029, 2, 28)
