"""Date rules shared by every model, form, API schema and importer.

Every date or time a person or a partner system can type is held within bounds, checked by the validators here
(the model fields' own validators, which the forms and the API call too):

- a date of birth lies between ``EARLIEST_DATE_OF_BIRTH`` and today;
- an event (a contact received, a visit, a share, an episode starting) lies between ``EARLIEST_EVENT_DATE`` and
  today, or for a time, now plus ``EVENT_TIME_TOLERANCE``;
- a planned date (a "by when", an expected birth, the last day of a grant) lies between ``EARLIEST_EVENT_DATE``
  and ``PLANNED_YEARS_AHEAD`` years from today.

Why a lower bound at all: a year-1 date is a valid Python date, but shown in local time (London kept local mean
time, 75 seconds behind Greenwich, until 1847) or moved across a time zone it falls before year 1 and every page
that shows it fails. No one and nothing on a child's record is older than 1900, so 1900 keeps well clear of that
edge and still admits a great-grandparent's date of birth.
"""
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible

EARLIEST_DATE_OF_BIRTH = date(1900, 1, 1)
EARLIEST_EVENT_DATE = date(1900, 1, 1)
# A partner system's clock may run a little ahead of ours; a time further ahead than this is a mistake.
EVENT_TIME_TOLERANCE = timedelta(minutes=5)
# Plans, expected births and grants look ahead, but not this far: beyond it a date is a typing slip.
PLANNED_YEARS_AHEAD = 10


def today() -> date:
    return timezone.localdate()


def validate_not_in_future(value: date) -> None:
    """Kept for the migrations that name it; the model fields now use the bounded validators below."""
    if value and value > today():
        raise ValidationError("Date must be today or in the past", code="future_date")


def age_in_years(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def latest_planned_date() -> date:
    """Today, ``PLANNED_YEARS_AHEAD`` years on (28 February when today is 29 February and that year has none)."""
    now = today()
    try:
        return now.replace(year=now.year + PLANNED_YEARS_AHEAD)
    except ValueError:
        return now.replace(year=now.year + PLANNED_YEARS_AHEAD, day=28)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _earliest_instant(day: date) -> datetime:
    """Midnight UTC at the start of ``day``. Compared, never converted: comparing two aware times cannot overflow,
    whereas moving a year-1 time into another zone can."""
    return datetime.combine(day, time.min, tzinfo=UTC)


@deconstructible
class DateBound:
    """A validator for one field's dates, whose messages name the field (``label``) and the bound it broke."""

    code = "date_bound"

    def __init__(self, label: str) -> None:
        self.label = label

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.label == other.label  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self.label))

    def __call__(self, value: date | datetime | None) -> None:
        if value is None:
            return
        earliest = self.earliest()
        if isinstance(value, datetime):
            if timezone.is_naive(value):
                value = timezone.make_aware(value)
            too_early = value < _earliest_instant(earliest)
        else:
            too_early = value < earliest
        if too_early:
            raise ValidationError(f"{self.label} must be {_long(earliest)} or later", code="too_early")
        self.check_latest(value)

    def earliest(self) -> date:
        return EARLIEST_EVENT_DATE

    def check_latest(self, value: date | datetime) -> None:
        raise NotImplementedError


@deconstructible
class DateOfBirth(DateBound):
    """A date of birth: from ``EARLIEST_DATE_OF_BIRTH`` to today."""

    def __init__(self, label: str = "Date of birth") -> None:
        super().__init__(label)

    def earliest(self) -> date:
        return EARLIEST_DATE_OF_BIRTH

    def check_latest(self, value: date | datetime) -> None:
        if value > (timezone.now() if isinstance(value, datetime) else today()):
            raise ValidationError(f"{self.label} must be today or in the past", code="future_date")


@deconstructible
class PastEvent(DateBound):
    """When something happened: from ``EARLIEST_EVENT_DATE`` to today, or for a time to now plus the tolerance."""

    def check_latest(self, value: date | datetime) -> None:
        if isinstance(value, datetime):
            if value > timezone.now() + EVENT_TIME_TOLERANCE:
                raise ValidationError(f"{self.label} must be now or in the past", code="future_time")
        elif value > today():
            raise ValidationError(f"{self.label} must be today or in the past", code="future_date")


@deconstructible
class PlannedDate(DateBound):
    """A date that may lie ahead: from ``EARLIEST_EVENT_DATE`` to ``PLANNED_YEARS_AHEAD`` years from today."""

    def check_latest(self, value: date | datetime) -> None:
        latest = latest_planned_date()
        if isinstance(value, datetime):
            too_late = value >= _earliest_instant(latest + timedelta(days=1))
        else:
            too_late = value > latest
        if too_late:
            raise ValidationError(
                f"{self.label} must be within {PLANNED_YEARS_AHEAD} years of today", code="too_far_ahead"
            )
