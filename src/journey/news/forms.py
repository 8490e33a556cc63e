from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError

from journey.lib.dates import EARLIEST_EVENT_DATE

NEEDS_THE_NEWEST = "Mark all as read needs the time of the newest item shown: the list has been shown again, mark it read from there"


class MarkAllReadForm(forms.Form):
    """"Mark all as read", carrying when the newest item shown arrived. Nobody types it (the page fills in a hidden
    field), so a missing or forged one is answered at the top of the page, with the list shown again."""

    up_to = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    back = forms.ChoiceField(choices=[("news", "New for you"), ("my-children", "My children")], required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        try:
            value = datetime.fromisoformat(data.get("up_to") or "")
        except ValueError:
            value = None
        if value is None or value.tzinfo is None or value.year < EARLIEST_EVENT_DATE.year:
            raise ValidationError(NEEDS_THE_NEWEST)
        data["up_to"] = value
        return data
