"""Forms for what a practitioner adds to a chronology. Field names match the actions' error keys."""
from datetime import time

from django import forms

from journey.lib.dates import PastEvent
from journey.lib.forms import GovukDateField, TimeField, bounded, combine

from .models import SignificanceFlag, SignificantEvent


class SignificantEventForm(forms.Form):
    occurred_at = GovukDateField(label="Date of event", label_for_errors="Date of event", bound=PastEvent, help_text="For example, 27 3 2025")
    occurred_time = TimeField(
        label="Time (optional)", required=False, help_text="Use the 24-hour clock, for example 14:30",
        error_messages={"invalid": "Time must be a time like 14:30"},
    )
    description = forms.CharField(
        label="What happened, and why does it matter for the child?", widget=forms.Textarea(attrs={"rows": 6}),
        **bounded(SignificantEvent, "description", "What happened", required="Enter what happened"),
    )

    def occurred_at_value(self):
        """An event without a time sits at the start of its day, like every other dated entry on the chronology."""
        return combine(self.cleaned_data["occurred_at"], self.cleaned_data["occurred_time"] or time(0, 0))


class FlagEntryForm(forms.Form):
    reason = forms.CharField(
        label="Why is this significant?", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Say what it shows about the child's experience, so the next reader understands",
        **bounded(SignificanceFlag, "reason", "Why it is significant", required="Enter why this entry is significant"),
    )
