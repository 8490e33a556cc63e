"""Forms for what a practitioner adds to a chronology. Field names match the actions' error keys."""
from datetime import time

from django import forms

from journey.lib.dates import PastEvent
from journey.lib.forms import GovukDateField, TimeField, bounded, combine

from .build import ChronologyFilter
from .models import SignificanceFlag, SignificantEvent
from .registry import kinds


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


class ChronologyFilterForm(forms.Form):
    """Which entries to show (or print), and in which order. A value that is not offered is ignored (the form is
    then invalid and everything is shown), never an error page: the filter arrives in links people share."""

    agency = forms.MultipleChoiceField(label="Agency", required=False, widget=forms.CheckboxSelectMultiple)
    kind = forms.MultipleChoiceField(label="Kind of entry", required=False, widget=forms.CheckboxSelectMultiple)
    significant = forms.BooleanField(label="Significant entries only", required=False)
    order = forms.ChoiceField(
        label="Order", required=False, widget=forms.RadioSelect(attrs={"inline": True}),
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
    )

    def __init__(self, *args, agencies: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a, a) for a in agencies]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [(k.code, k.label) for k in kinds()]  # type: ignore[attr-defined]

    def chosen(self) -> ChronologyFilter:
        if not self.is_valid():
            return ChronologyFilter()
        data = self.cleaned_data
        return ChronologyFilter(
            agencies=frozenset(data["agency"]), kinds=frozenset(data["kind"]),
            significant_only=data["significant"], oldest_first=data["order"] == "oldest",
        )

    def describe(self) -> str:
        """The filters in words, for the printed page and the audit log: what a reader of the paper must know."""
        chosen = self.chosen()
        labels = dict(self.fields["kind"].choices)  # type: ignore[attr-defined]
        parts = []
        if chosen.agencies:
            parts.append("agencies: " + ", ".join(sorted(chosen.agencies)))
        if chosen.kinds:
            parts.append("kinds: " + ", ".join(sorted(str(labels.get(k, k)) for k in chosen.kinds)))
        if chosen.significant_only:
            parts.append("significant entries only")
        return "; ".join(parts) or "every entry"
