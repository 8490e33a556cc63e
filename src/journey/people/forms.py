from django import forms
from django.core.exceptions import ValidationError

from journey.chronology.registry import kinds
from journey.lib.dates import DateOfBirth, PastEvent, PlannedDate, today
from journey.lib.forms import GovukDateField
from journey.lib.identifiers import normalise_nhs_number, normalise_upn, validate_nhs_number, validate_postcode, validate_upn

from .codes import Disability, Ethnicity, Sex


class FindChildForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=200, help_text="First and family name, or either. Nicknames and spellings are matched.")
    date_of_birth = GovukDateField(label="Date of birth", required=False, label_for_errors="Date of birth", bound=DateOfBirth, help_text="For example, 27 3 2015")
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
        self.fields["agency"].choices = [(a, a) for a in agencies]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [(k.code, k.label) for k in kinds()]  # type: ignore[attr-defined]


def _text(label: str, max_length: int, *, required: bool = False, help_text: str = "", message: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text,
        error_messages={"required": message or f"Enter {label.lower()}", "max_length": f"{label} must be {max_length} characters or fewer"},
    )


class ChildDetailsForm(forms.Form):
    """Who the child is. Every field says what is wrong in words that name it."""

    first_name = _text("First name", 100, required=True, message="Enter the child's first name")
    middle_names = _text("Middle names (optional)", 150)
    last_name = _text("Last name", 100, required=True, message="Enter the child's last name")
    known_as = _text("Known as (optional)", 100, help_text="The name the child uses day to day, if different")
    former_names = _text("Former family names (optional)", 300, help_text="Separate them with commas, so searches find them")
    date_of_birth = GovukDateField(label="Date of birth", required=False, label_for_errors="Date of birth", bound=DateOfBirth, help_text="For example, 27 3 2015. Leave empty for an unborn child.")
    expected_date_of_birth = GovukDateField(label="Expected date of birth (unborn child only)", required=False, label_for_errors="Expected date of birth", bound=PlannedDate)
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"required": "Select the child's sex, or 'Not known'"})
    gender = _text("Gender (optional)", 60, help_text="In the child's own words, if they have shared it")
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=Ethnicity.choices, error_messages={"invalid_choice": "Select the child's ethnicity from the list"})
    first_language = _text("First language (optional)", 60, help_text="For example, English, Polish or British Sign Language")
    needs_interpreter = forms.BooleanField(label="Needs an interpreter", required=False)
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=20, help_text="10 digits, like 943 476 5919", validators=[validate_nhs_number])
    upn = forms.CharField(label="Unique pupil number (UPN) (optional)", required=False, max_length=20, help_text="13 characters: a check letter, then 12 digits", validators=[validate_upn])
    disabilities = forms.MultipleChoiceField(label="Disability (optional)", required=False, choices=Disability.choices, widget=forms.CheckboxSelectMultiple)

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born > today():
            raise ValidationError("Date of birth must be today or in the past")
        return born

    def clean_nhs_number(self) -> str:
        return normalise_nhs_number(self.cleaned_data["nhs_number"])

    def clean_upn(self) -> str:
        return normalise_upn(self.cleaned_data["upn"])

    def clean(self):
        data = super().clean()
        expected = data.get("expected_date_of_birth")
        if expected and data.get("date_of_birth"):
            self.add_error("expected_date_of_birth", "Leave the expected date of birth empty once the date of birth is known")
        elif expected and expected < today():
            self.add_error("expected_date_of_birth", "Expected date of birth must be today or in the future; once born, enter the date of birth")
        return data

    @classmethod
    def initial_for(cls, child) -> dict:
        person = child.person
        initial = {name: getattr(person, name) for name in cls.base_fields if hasattr(person, name)}
        initial.update(expected_date_of_birth=child.expected_date_of_birth, upn=child.upn, disabilities=child.disabilities)
        return initial


class MoveAddressForm(forms.Form):
    line_1 = _text("Building and street", 200, required=True, message="Enter the building and street")
    line_2 = _text("Second line of address (optional)", 200)
    town = _text("Town or city", 100, required=True, message="Enter the town or city")
    postcode = forms.CharField(label="Postcode", max_length=10, validators=[validate_postcode], error_messages={"required": "Enter the postcode"})
    moved_in_on = GovukDateField(label="When did they move in? (optional)", required=False, label_for_errors="Date moved in", bound=PastEvent, help_text="For example, 27 3 2025. Leave empty if not known.")

    def clean_moved_in_on(self):
        moved = self.cleaned_data.get("moved_in_on")
        if moved and moved > today():
            raise ValidationError("Date moved in must be today or in the past")
        return moved
