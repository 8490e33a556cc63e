"""Forms for the child's family and household. Each field's bound is the model's own; each message names the field.

Choices of people and households are given by the view from ``people.relations`` (only those the user may be told
of, within this child's family); any other id posted is refused by the field as "not one of the choices"."""
from django import forms

from journey.lib.dates import DateOfBirth, PastEvent
from journey.lib.forms import GovukDateField, bounded

from .codes import RelationshipKind, Sex
from .models import Household, Person

OLDEST_AGE = 120


def _date(label: str, *, required: bool = False, help_text: str = "For example, 27 3 2025") -> GovukDateField:
    return GovukDateField(label=label if required else f"{label} (optional)", required=required, label_for_errors=label,
                          bound=PastEvent, help_text=help_text)


def _choose(label: str, message: str, choices: list[tuple[str, str]] | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices or [], widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _kind_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="How are they related to the child?", choices=[("", "Select a relationship"), *RelationshipKind.choices],
        help_text="Read it as: this person is the child's …",
        error_messages={"required": "Select how they are related to the child", "invalid_choice": "Select how they are related to the child"},
    )


class _RelationshipFields(forms.Form):
    """What every new relationship asks: how they are related, parental responsibility, since when, and whether
    they live with the child (and since when)."""

    kind = _kind_field()
    has_parental_responsibility = forms.BooleanField(label="They have parental responsibility for the child", required=False)
    started_on = _date("When the relationship began", help_text="For example, 27 3 2025. Leave empty for a parent or a relationship since birth.")
    lives_with_child = forms.BooleanField(label="They live with the child now", required=False)
    joined_on = _date("When they came to live with the child", help_text="For example, 27 3 2025. Leave empty if not known.")

    def clean(self):
        data = super().clean()
        if data.get("joined_on") and not data.get("lives_with_child"):
            self.add_error("joined_on", "Leave 'when they came to live with the child' empty, or tick that they live with the child now")
        return data


class AddFamilyMemberForm(_RelationshipFields):
    first_name = forms.CharField(label="First name", **bounded(Person, "first_name", "First name", required="Enter their first name"))
    last_name = forms.CharField(label="Last name", **bounded(Person, "last_name", "Last name", required="Enter their last name"))
    date_of_birth = GovukDateField(label="Date of birth (optional)", required=False, label_for_errors="Date of birth", bound=DateOfBirth,
                                   help_text="For example, 27 3 1990")
    approximate_age = forms.IntegerField(
        label="Or their approximate age in years (optional)", required=False, min_value=0, max_value=OLDEST_AGE,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}), help_text="If the date of birth is not known",
        error_messages={
            "invalid": "Approximate age must be a whole number of years, like 34",
            "min_value": "Approximate age must be 0 or more",
            "max_value": f"Approximate age must be {OLDEST_AGE} or less",
        },
    )
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect(attrs={"inline": True}),
                            error_messages={"required": "Select their sex, or 'Not known'", "invalid_choice": "Select their sex, or 'Not known'"})

    field_order = ["first_name", "last_name", "date_of_birth", "approximate_age", "sex", "kind", "has_parental_responsibility",
                   "started_on", "lives_with_child", "joined_on"]

    def clean_first_name(self) -> str:
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self) -> str:
        return self.cleaned_data["last_name"].strip()

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth") and data.get("approximate_age") is not None:
            self.add_error("approximate_age", "Leave the approximate age empty when the date of birth is known")
        return data


class LinkFamilyMemberForm(_RelationshipFields):
    field_order = ["person", "kind", "has_parental_responsibility", "started_on", "lives_with_child", "joined_on"]

    def __init__(self, *args, people: list[Person], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        self.fields["person"] = _choose("Who is it?", "Select a person from the list", [
            (pk, f"{person.full_name}{f', born {person.date_of_birth:%-d %B %Y}' if person.date_of_birth else ''}")
            for pk, person in self.people.items()
        ])
        self.order_fields(self.field_order)

    def chosen(self) -> Person:
        return self.people[self.cleaned_data["person"]]


class EndRelationshipForm(forms.Form):
    ended_on = _date("When the relationship ended", required=True)


class JoinHouseholdForm(forms.Form):
    joined_on = _date("When they came to live with the child", help_text="For example, 27 3 2025. Leave empty if not known.")

    def __init__(self, *args, people: list[tuple[Person, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person, _label in people}
        self.fields["person"] = _choose("Who has come to live with the child?", "Select a person from the list",
                                        [(str(person.pk), f"{person.full_name} ({label.lower()})") for person, label in people])
        self.order_fields(["person", "joined_on"])

    def chosen(self) -> Person:
        return self.people[self.cleaned_data["person"]]


class LeaveHouseholdForm(forms.Form):
    left_on = _date("When they left", required=True)


NEW_HOUSEHOLD = "new"


class MoveHouseholdForm(forms.Form):
    moved_on = _date("When the child moved", required=True)
    new_household_name = forms.CharField(
        label="Name of the new household", required=False, help_text="For example, 'Jones foster home, Park Lane'",
        **bounded(Household, "name", "Name of the new household"),
    )

    def __init__(self, *args, households: list[Household], **kwargs):
        super().__init__(*args, **kwargs)
        self.households = {str(household.pk): household for household in households}
        self.fields["household"] = _choose("Where did the child move to?", "Select where the child moved to", [
            *((pk, household.name) for pk, household in self.households.items()), (NEW_HOUSEHOLD, "Somewhere not yet on the record"),
        ])
        self.order_fields(["household", "new_household_name", "moved_on"])

    def clean_new_household_name(self) -> str:
        return self.cleaned_data["new_household_name"].strip()

    def clean(self):
        data = super().clean()
        if data.get("household") == NEW_HOUSEHOLD and not data.get("new_household_name"):
            self.add_error("new_household_name", "Enter the name of the new household")
        elif data.get("household") not in (None, NEW_HOUSEHOLD) and data.get("new_household_name"):
            self.add_error("new_household_name", "Leave the name of a new household empty when you choose one from the list")
        return data

    def target(self) -> Household | None:
        return self.households.get(self.cleaned_data["household"])


