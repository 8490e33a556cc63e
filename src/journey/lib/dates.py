"""Date rules shared by every form and importer."""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone


def today() -> date:
    return timezone.localdate()


def validate_not_in_future(value: date) -> None:
    if value and value > today():
        raise ValidationError("Date must be today or in the past", code="future_date")


def age_in_years(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
