import re

from django import forms
from django.core.exceptions import ValidationError

from journey.codelists.forms import CodeChoiceField, CodeMultipleChoiceField
from journey.codelists.lookup import choices
from journey.lib.dates import DateOfBirth, PastEvent, PlannedDate, today
from journey.lib.forms import GovukDateField
from journey.lib.identifiers import normalise_nhs_number, normalise_upn, validate_nhs_number, validate_postcode, validate_upn

from .codes import Sex
from .matching import Given

# A name as people write it: letters of any alphabet, with spaces, hyphens and apostrophes between them.
NAME_SHAPE = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)*\.?")
SHORTEST_NAME_SEARCHED = 2  # one letter would list a tenth of the authority's children


def _search_name(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=100, help_text=help_text,
        error_messages={"max_length": f"{label} must be 100 characters or fewer"},
    )


class FindChildForm(forms.Form):
    """Any one detail, or any mix of them; each checked as the record checks it, with a message naming the field.

    Old links give the whole name in ``name`` ('Ruby Smith', or one word for a family name): it is read into the
    first and family name boxes, so bookmarks and other pages' links keep working."""

    first_name = _search_name("First name", "Or the name they are known by. Nicknames and other spellings are found too.")
    last_name = _search_name("Family name", "Earlier family names and other spellings are found too.")
    date_of_birth = GovukDateField(label="Date of birth", required=False, label_for_errors="Date of birth", bound=DateOfBirth, help_text="For example, 27 3 2015")
    postcode = forms.CharField(label="Postcode", required=False, max_length=10, help_text="Of where they live now or lived before")
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=20, help_text="10 digits, like 943 476 5919")
    upn = forms.CharField(label="Unique pupil number (UPN)", required=False, max_length=20, help_text="13 characters, like A123456789012")

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("name") and not (data.get("first_name") or data.get("last_name")):
            data = data.copy()
            words = data["name"].split()
            data["first_name"], data["last_name"] = (words[0], words[-1]) if len(words) > 1 else ("", words[0])
        super().__init__(data, *args, **kwargs)

    def _clean_name(self, field: str) -> str:
        value = " ".join(self.cleaned_data[field].split())
        label = self.fields[field].label
        if not value:
            return ""
        if not NAME_SHAPE.fullmatch(value):
            raise ValidationError(f"{label} must only include letters, spaces, hyphens and apostrophes", code="name_shape")
        if sum(ch.isalpha() for ch in value) < SHORTEST_NAME_SEARCHED:
            raise ValidationError(
                f"{label} must be at least {SHORTEST_NAME_SEARCHED} letters: one letter matches too many children to be useful",
                code="too_broad",
            )
        return value

    def clean_first_name(self) -> str:
        return self._clean_name("first_name")

    def clean_last_name(self) -> str:
        return self._clean_name("last_name")

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].strip()
        if value:
            validate_nhs_number(value)
        return normalise_nhs_number(value)

    def clean_upn(self) -> str:
        value = self.cleaned_data["upn"].strip()
        if value:
            validate_upn(value)
        return normalise_upn(value)

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if value:
            validate_postcode(value)
        return value

    def clean(self):
        data = super().clean()
        if self.is_bound and not self.errors and not any(data.get(f) for f in self.fields):
            raise ValidationError("Enter a first name, family name, date of birth, postcode, NHS number or UPN to search")
        return data

    def details_not_given(self) -> list[str]:
        """The details left empty, as a sentence names them, to suggest how to narrow a search."""
        names = {"first_name": "first name", "last_name": "family name", "date_of_birth": "date of birth", "postcode": "postcode",
                 "nhs_number": "NHS number", "upn": "UPN"}
        return [name for field, name in names.items() if not self.cleaned_data.get(field)]

    def given(self) -> Given:
        """What was searched for, once the form is valid."""
        data = self.cleaned_data
        return Given(
            first_name=data["first_name"], last_name=data["last_name"], date_of_birth=data["date_of_birth"],
            nhs_number=data["nhs_number"], postcode=data["postcode"], upn=data["upn"],
        )


def _text(label: str, max_length: int, *, required: bool = False, help_text: str = "", message: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text,
        error_messages={"required": message or f"Enter {label.lower()}", "max_length": f"{label} must be {max_length} characters or fewer"},
    )


def _upn_unknown_reasons() -> list[tuple[str, str]]:
    """The reasons valid today, after an empty choice: read when the form is shown, never when it is defined."""
    return [("", "No reason given"), *choices("cin.upn_unknown")]


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
    ethnicity = CodeChoiceField("cin.ethnicity", label="Ethnicity", error_messages={"invalid_choice": "Select the child's ethnicity from the list"})
    first_language = _text("First language (optional)", 60, help_text="For example, English, Polish or British Sign Language")
    needs_interpreter = forms.BooleanField(label="Needs an interpreter", required=False)
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=20, help_text="10 digits, like 943 476 5919", validators=[validate_nhs_number])
    upn = forms.CharField(label="Unique pupil number (UPN) (optional)", required=False, max_length=20, help_text="13 characters: a check letter, then 12 digits", validators=[validate_upn])
    disabilities = CodeMultipleChoiceField(
        "cin.disability", label="Disability (optional)", required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select each disability from the list"},
    )
    former_upn = forms.CharField(
        label="Former UPN (optional)", required=False, max_length=20, validators=[validate_upn],
        help_text="A UPN the child had before, if they had one",
    )
    upn_unknown_reason = forms.ChoiceField(
        label="If there is no UPN, why not? (optional)", required=False, choices=_upn_unknown_reasons,
        help_text="Only while the UPN is empty", error_messages={"invalid_choice": "Select why the UPN is unknown from the list"},
    )
    date_of_death = GovukDateField(
        label="Date of death (optional)", required=False, label_for_errors="Date of death", bound=PastEvent,
        help_text="Only if the child has died. For example, 27 3 2025",
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born > today():
            raise ValidationError("Date of birth must be today or in the past")
        return born

    def clean_nhs_number(self) -> str:
        return normalise_nhs_number(self.cleaned_data["nhs_number"])

    def clean_upn(self) -> str:
        return normalise_upn(self.cleaned_data["upn"])

    def clean_former_upn(self) -> str:
        return normalise_upn(self.cleaned_data["former_upn"])

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
        initial.update({name: getattr(child, name) for name in (
            "expected_date_of_birth", "upn", "disabilities", "former_upn", "upn_unknown_reason", "date_of_death",
        )})
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
