"""Form pieces for the GOV.UK Design System: the day/month/year date input and a helper to carry an action's
field errors back onto the form, so that every rule's message lands beside the field it names."""
from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import ErrorDict
from django.utils import timezone

from .dates import DateBound, PlannedDate
from .text import too_long_message


class DateInputWidget(forms.MultiWidget):
    template_name = "govuk/widgets/date_input.html"
    is_govuk_date = True

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]



class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error messages ('must include a month', 'must be a real date').

    ``bound`` is the kind of date it is (``DateOfBirth``, ``PastEvent``, ``PlannedDate`` from ``journey.lib.dates``):
    the same rule as the model field's, worded with ``label_for_errors``. Without one, a date must still lie within
    the planned-date bounds, so no form takes a year-1 date."""

    widget = DateInputWidget

    def __init__(self, *, label_for_errors: str = "Date", bound: type[DateBound] = PlannedDate, **kwargs):
        self.label_for_errors = label_for_errors
        self.bound = bound(label_for_errors)
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def clean(self, value):
        parts = [str(p).strip() if p is not None else "" for p in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter {self.label_for_errors.lower()}", code="required")
            return None
        missing = [name for name, part in zip(("day", "month", "year"), parts, strict=False) if not part]
        if missing:
            raise ValidationError(f"{self.label_for_errors} must include a {' and a '.join(missing)}", code="incomplete")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1000:  # a two-digit year ('20') is a slip, not the year 20
                raise ValueError
            value = date(year, month, day)
        except (ValueError, OverflowError):  # OverflowError: a part too long for date(), e.g. 30 digits
            raise ValidationError(f"{self.label_for_errors} must be a real date", code="invalid") from None
        self.bound(value)
        return value

    def compress(self, data_list):
        return data_list


class TimeField(forms.TimeField):
    widget = forms.TimeInput(attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "numeric"})

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%H:%M", "%H.%M", "%H%M"])
        kwargs.setdefault("error_messages", {"invalid": "Enter a time like 14:30", "required": "Enter the time"})
        super().__init__(**kwargs)


def max_length_of(model: type[models.Model], field: str) -> int:
    """A text field's bound, read from the model field so that form and model never disagree."""
    return model._meta.get_field(field).max_length  # type: ignore[return-value, union-attr]


def bounded(model: type[models.Model], field: str, label: str, **messages: str) -> dict:
    """``max_length`` and its message (with any other ``messages``, e.g. ``required=...``) for a form field that
    holds ``model.field``: pass as ``**bounded(...)``."""
    limit = max_length_of(model, field)
    return {"max_length": limit, "error_messages": {**messages, "max_length": too_long_message(label, limit)}}


def combine(day: date, at: time | None) -> datetime:
    return timezone.make_aware(datetime.combine(day, at or time(12, 0)))


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Put an action's ValidationError onto the form: field errors beside their fields, others at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class RowsForm(forms.Form):
    """A form with rows that repeat (people at a meeting, children discussed in supervision): as many rows as the page
    posted back, one more after its "Add another" button (``add_<row_name>``), without JavaScript. The page keeps the
    count in a hidden ``<row_name>_rows`` field; ``hold`` shows what was typed, unchecked, when the page came back
    only to add a row."""

    row_name = ""  # "participant": the page posts participant_rows, and add_participant for one more
    first_rows = 4
    max_rows = 40
    rows = 0  # set by the form's __init__ from ``posted_rows``, before it makes each row's fields

    def posted_rows(self) -> int:
        """How many rows to show: as many as were posted (one more after "Add another"), from 1 to ``max_rows``."""
        try:
            posted = int(self.data.get(f"{self.row_name}_rows", self.first_rows))
        except (TypeError, ValueError):
            posted = self.first_rows
        wanted = posted + 1 if f"add_{self.row_name}" in self.data else posted
        return max(1, min(wanted, self.max_rows))

    @property
    def can_add_row(self) -> bool:
        return self.rows < self.max_rows

    def hold(self) -> None:
        self._errors = ErrorDict()
        self.cleaned_data = {}
