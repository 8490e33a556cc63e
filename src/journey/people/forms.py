from django import forms
from django.core.exceptions import ValidationError

from journey.chronology.registry import kinds
from journey.lib.forms import GovukDateField
from journey.lib.identifiers import normalise_nhs_number, validate_nhs_number, validate_postcode


class FindChildForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=200, help_text="First and family name, or either. Nicknames and spellings are matched.")
    date_of_birth = GovukDateField(label="Date of birth", required=False, label_for_errors="Date of birth", help_text="For example, 27 3 2015")
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=20)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10, help_text="Current or past address")

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].strip()
        if value:
            validate_nhs_number(value)
        return normalise_nhs_number(value)

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if value:
            validate_postcode(value)
        return value

    def clean(self):
        data = super().clean()
        if self.is_bound and not self.errors and not any(data.get(f) for f in ("name", "date_of_birth", "nhs_number", "postcode")):
            raise ValidationError("Enter a name, date of birth, NHS number or postcode to search")
        return data

    def split_name(self) -> tuple[str, str]:
        parts = self.cleaned_data.get("name", "").split()
        if not parts:
            return "", ""
        if len(parts) == 1:
            return "", parts[0]
        return parts[0], parts[-1]


class ChronologyFilterForm(forms.Form):
    agency = forms.MultipleChoiceField(label="Agency", required=False, widget=forms.CheckboxSelectMultiple)
    kind = forms.MultipleChoiceField(label="Kind of entry", required=False, widget=forms.CheckboxSelectMultiple)
    significant = forms.BooleanField(label="Significant entries only", required=False)
    order = forms.ChoiceField(
        label="Order", required=False, widget=forms.RadioSelect(attrs={"inline": True}),
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
    )

    def __init__(self, *args, agencies: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a, a) for a in agencies]
        self.fields["kind"].choices = [(k.code, k.label) for k in kinds()]
