"""Forms for the data protection pages. They check what a form can check; the rules live in ``actions``.
Field names match the actions' error keys, so ``apply_errors`` puts each message beside its field."""
from django import forms

from journey.accounts.models import Agency
from journey.lib.dates import DateOfBirth, PastEvent, today
from journey.lib.forms import GovukDateField, bounded

from .codes import LawfulBasis
from .models import InformationShare, SubjectAccessRequest
from .retention_rules import RULES


class FindPersonForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, required=False, help_text="First and family name, or the family name alone",
        error_messages={"max_length": "Name must be 200 characters or fewer"},
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False, label_for_errors="Date of birth", bound=DateOfBirth, help_text="For example, 27 3 2015")

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("name", "").strip() and not data.get("date_of_birth"):
            raise forms.ValidationError("Enter a name or a date of birth to search")
        return data


class SubjectAccessRequestForm(forms.Form):
    requested_by_name = forms.CharField(
        label="Who made the request?", max_length=200,
        help_text="The person themselves, or who is acting for them and how, for example 'Jo Smith, mother'",
        error_messages={"required": "Enter who made the request", "max_length": "Who made the request must be 200 characters or fewer"},
    )
    received_on = GovukDateField(label="Date received", label_for_errors="Date received", bound=PastEvent, help_text="For example, 27 3 2025")
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        **bounded(SubjectAccessRequest, "notes", "Notes"),
        help_text="For example, how the requester's identity was checked",
    )


class SarResponseForm(forms.Form):
    responded_on = GovukDateField(label="Date the response was sent", label_for_errors="Date sent", bound=PastEvent, help_text="For example, 27 3 2025")


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency: Agency) -> str:
        return agency.name


class InformationShareForm(forms.Form):
    shared_with_agency = AgencyChoiceField(
        label="Which organisation was it shared with?", queryset=Agency.objects.order_by("name"), empty_label="Select an organisation",
        error_messages={"required": "Select the organisation the information was shared with",
                        "invalid_choice": "Select the organisation from the list"},
    )
    shared_with_person = forms.CharField(
        label="Who received it (optional)", max_length=200, required=False, help_text="Their name and role, for example 'DS Khan, CID'",
        error_messages={"max_length": "Who received it must be 200 characters or fewer"},
    )
    shared_on = GovukDateField(label="Date shared", label_for_errors="Date shared", bound=PastEvent, help_text="For example, 27 3 2025")
    what_was_shared = forms.CharField(
        label="What information was shared?", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Enough detail that someone could later tell exactly what left the council",
        **bounded(InformationShare, "what_was_shared", "What was shared", required="Enter what information was shared"),
    )
    lawful_basis = forms.ChoiceField(
        label="Lawful basis for sharing", choices=LawfulBasis.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the lawful basis for sharing", "invalid_choice": "Select the lawful basis for sharing"},
    )
    reason = forms.CharField(
        label="Why was it necessary to share it?", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why sharing was necessary and proportionate for this child",
        **bounded(InformationShare, "reason", "Why it was necessary", required="Enter why it was necessary to share the information"),
    )

    def clean_shared_on(self):
        """Checked here as well as in the action, so that every mistake on the page is named at once."""
        shared_on = self.cleaned_data["shared_on"]
        if shared_on and shared_on > today():
            raise forms.ValidationError("Date shared must be today or in the past")
        return shared_on


class RetentionFilterForm(forms.Form):
    within_days = forms.IntegerField(
        label="Due within how many days?", min_value=0, max_value=3650, required=False,
        help_text="0 shows records whose review date has passed or is today",
        error_messages={"invalid": "Days must be a whole number, like 30", "min_value": "Days must be 0 or more",
                        "max_value": "Days must be 3650 or fewer"},
    )
    rule = forms.ChoiceField(
        label="Kind of record", required=False, choices=[("", "All kinds of record"), *((r.code, r.record_kind) for r in RULES)],
        error_messages={"invalid_choice": "Select a kind of record from the list"},
    )
