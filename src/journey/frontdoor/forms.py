"""The front door's forms: a contact as the referrer gives it, and the screener's decision.

A contact names one child and, optionally, a second; the second child's fields are ignored when all are empty, so
the form works without JavaScript and without a page per child.
"""
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.accounts.models import Agency, Team, TeamKind
from journey.codelists.forms import CodeChoiceField
from journey.lib.dates import DateOfBirth, PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, TimeField, bounded, combine
from journey.lib.identifiers import validate_nhs_number, validate_postcode

from .actions import NamedChild, unborn_refusal
from .codes import HowKnown, ScreeningOutcome, referral_source_for
from .models import Contact, ContactLinkChange, PartnerInformation, ScreeningDecision

PARENTS_AWARE = {"yes": True, "no": False, "unknown": None}
CHILD_PARTS = ("first_name", "last_name", "date_of_birth", "expected_delivery", "nhs_number", "address", "postcode")
DATE_PARTS = {"date_of_birth", "expected_delivery"}


def _text(
    label: str, max_length: int | None, *, required: bool = False, required_message: str = "", validators=(), **kwargs
) -> forms.CharField:
    """A text field whose length rule is worded the GOV.UK way and names the field. Identifiers pass no length:
    their own validator says what shape they must be, once."""
    name = label.removesuffix(" (optional)")
    messages = {"max_length": f"{name} must be {max_length} characters or fewer"}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(
        label=label, max_length=max_length, required=required, validators=list(validators), error_messages=messages, **kwargs
    )


def _naming(prefix: str, validator):
    """The shared validator, with its message naming which child it is about, so the error summary is clear."""
    if not prefix:
        return validator

    def check(value):
        try:
            validator(value)
        except ValidationError as error:
            raise ValidationError(f"{prefix}{error.messages[0]}", code=error.code) from None

    return check


def _child_fields(prefix: str, required: bool) -> dict[str, forms.Field]:
    """The fields that describe one named child. The second child's labels and messages say which child they are
    about, so that neither a screen reader nor the error summary leaves it ambiguous."""
    whose, named = ("the second child's", "Second child: ") if prefix else ("the child's", "")

    def label(text: str) -> str:
        if not prefix:
            return text
        first_word = text.split()[0]
        return f"Second child's {text if first_word.isupper() else text[0].lower() + text[1:]}"  # "NHS" stays upper case

    return {
        # Required, but checked in ``clean``: an unborn child may have no name yet.
        f"{prefix}first_name": _text(
            label("First name"), 100, help_text="Leave empty for an unborn child who has no name yet",
        ),
        f"{prefix}last_name": _text(label("Last name"), 100, required=required, required_message=f"Enter {whose} last name"),
        f"{prefix}date_of_birth": GovukDateField(
            label=label("Date of birth (optional)"), required=False, label_for_errors=label("Date of birth"), bound=DateOfBirth,
            help_text="For example, 27 3 2015. Leave empty if not known.",
        ),
        f"{prefix}expected_delivery": GovukDateField(
            label=label("Expected date of delivery, for an unborn child (optional)"), required=False,
            label_for_errors=label("Expected date of delivery"), bound=PlannedDate,
            help_text="If the baby is not born yet. For example, 14 6 2027",
        ),
        f"{prefix}nhs_number": _text(
            label("NHS number (optional)"), None, help_text="10 digits, like 943 476 5919",
            validators=[_naming(named, validate_nhs_number)],
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        ),
        f"{prefix}address": _text(label("Address (optional)"), 250, help_text="Street, then a comma, then the town"),
        f"{prefix}postcode": _text(label("Postcode (optional)"), None, validators=[_naming(named, validate_postcode)]),
    }


class ContactForm(forms.Form):
    """A contact. Staff choose the agency and may say when it was received; a partner's agency is their own."""

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), label="Agency the contact came from", empty_label="Choose an agency",
        error_messages={"required": "Select the agency the contact came from", "invalid_choice": "Select the agency the contact came from"},
    )
    received_on = GovukDateField(
        label="Date received (optional)", required=False, label_for_errors="Date received", bound=PastEvent,
        help_text="Leave empty if it came in just now. For example, 27 3 2025",
    )
    received_time = TimeField(
        label="Time received (optional)", required=False, help_text="For example, 14:30",
        error_messages={"invalid": "Time received must be a time like 14:30"},
    )
    referrer_name = _text("Referrer's name (optional)", 150, help_text="Leave empty if the contact is anonymous")
    referrer_role = _text("Their role (optional)", 150, help_text="For example, designated safeguarding lead")
    referrer_phone = _text("Their phone number (optional)", 40, widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    parents_aware = forms.ChoiceField(
        label="Do the parents or carers know about this contact?", required=False, widget=forms.RadioSelect(attrs={"inline": True}),
        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Not known")],
        error_messages={"invalid_choice": "Select yes, no or not known for whether the parents know"},
    )
    concern = forms.CharField(
        label="What is the concern?", widget=forms.Textarea(attrs={"rows": 8}),
        help_text="In the referrer's own words: what happened, what they saw or heard, and what worries them.",
        **bounded(Contact, "concern", "The concern", required="Enter the concern"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields.update(_child_fields("", required=True))
        self.fields.update(_child_fields("second_", required=False))
        # The page's order (who, which children, then the concern), so the error summary reads in the same order.
        self.order_fields([name for name in self.fields if name not in {"parents_aware", "concern"}])
        if user.is_partner:
            for name in ("agency", "received_on", "received_time"):
                del self.fields[name]
            # A partner usually raises the concern themselves: their name and role start filled in, still changeable.
            self.fields["referrer_name"].initial = user.get_full_name()
            self.fields["referrer_role"].initial = user.job_title

    def clean(self) -> dict:
        data = super().clean()
        second = any(self.data.get(self.add_prefix(n), "").strip() for n in self._second_child_inputs())
        if second and not data.get("second_last_name") and "second_last_name" not in self.errors:  # type: ignore[union-attr]
            self.add_error("second_last_name", "Enter the second child's last name, or leave all the second child's details empty")
        received_on = data.get("received_on") or timezone.localdate()  # type: ignore[union-attr]
        for prefix in ("", "second_") if second else ("",):
            if any(f"{prefix}{part}" in self.errors for part in ("first_name", "date_of_birth", "expected_delivery")):
                continue
            for part, message in unborn_refusal(self._named(prefix), received_on).items():
                if prefix and part == "first_name":
                    message = "Enter the second child's first name, or their expected date of delivery if not born yet"
                elif part == "first_name":
                    message = "Enter the child's first name, or their expected date of delivery if not born yet"
                self.add_error(f"{prefix}{part}", message)
        if "received_on" in self.fields:
            on, at = data.get("received_on"), data.get("received_time")  # type: ignore[union-attr]
            if at and not on and "received_on" not in self.errors:
                self.add_error("received_on", "Enter the date received as well as the time")
            elif on and not at and "received_time" not in self.errors:
                self.add_error("received_time", "Enter the time received as well as the date")
            elif on and at and combine(on, at) > timezone.now():
                self.add_error("received_time", "Time received must be now or in the past")
        return data  # type: ignore[return-value]

    def _second_child_inputs(self) -> list[str]:
        """The raw input names of the second child's fields (the date has three)."""
        names = []
        for part in CHILD_PARTS:
            if part in DATE_PARTS:
                names += [f"second_{part}_{i}" for i in range(3)]
            else:
                names.append(f"second_{part}")
        return names

    def received_at(self) -> datetime | None:
        """When the contact came in; None means now."""
        on, at = self.cleaned_data.get("received_on"), self.cleaned_data.get("received_time")
        return combine(on, at) if on and at else None

    def named_children(self) -> list[NamedChild]:
        children = [self._named("")]
        if self.cleaned_data.get("second_last_name"):
            children.append(self._named("second_"))
        return children

    def _named(self, prefix: str) -> NamedChild:
        data = self.cleaned_data
        return NamedChild(
            first_name=data.get(f"{prefix}first_name", ""), last_name=data.get(f"{prefix}last_name", ""),
            date_of_birth=data.get(f"{prefix}date_of_birth"), expected_delivery=data.get(f"{prefix}expected_delivery"),
            nhs_number=data.get(f"{prefix}nhs_number", ""),
            address=data.get(f"{prefix}address", ""), postcode=data.get(f"{prefix}postcode", ""),
        )

    def action_kwargs(self) -> dict:
        """What ``record_contact`` needs, from a valid form."""
        data = self.cleaned_data
        return {
            "agency": self.user.agency if self.user.is_partner else data["agency"],
            "concern": data["concern"], "children": self.named_children(), "received_at": self.received_at(),
            "referrer_name": data["referrer_name"], "referrer_role": data["referrer_role"],
            "referrer_phone": data["referrer_phone"], "parents_aware": PARENTS_AWARE.get(data["parents_aware"]),
        }


class ScreeningForm(forms.Form):
    """The screener's decision on a contact and the reasons for it."""

    outcome = forms.ChoiceField(
        label="What happens next?", choices=ScreeningOutcome.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what happens next", "invalid_choice": "Select what happens next"},
    )
    rationale = forms.CharField(
        label="Reasons for the decision", widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Your analysis of the information: what you weighed, and why this is the right next step for this child.",
        **bounded(ScreeningDecision, "rationale", "The reasons for the decision", required="Enter the reasons for the decision"),
    )
    team = forms.ModelChoiceField(
        label="Which team does the work go to?", required=False, queryset=Team.objects.none(), empty_label="Choose a team",
        help_text="For early help, a referral or a strategy discussion, when the child has no episode open to continue. The team's manager allocates a worker.",
        error_messages={"invalid_choice": "Select a team from the list"},
    )

    referral_source = CodeChoiceField(
        "cin.referral_source", label="Who made the referral?", required=False,
        help_text="For a referral or a strategy discussion: as the children in need census records it. Chosen from the "
        "contact's agency; change it if you know better, for example a health visitor or a neighbour.",
        error_messages={"invalid_choice": "Select who made the referral from the list"},
    )

    def __init__(self, *args, contact: Contact | None = None, **kwargs):
        """``contact`` pre-selects the referral source its agency points to, when the form is first shown."""
        if contact is not None and not args and "data" not in kwargs:
            kwargs.setdefault("initial", {"referral_source": referral_source_for(contact.agency.kind)})
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            kind__in=[TeamKind.EARLY_HELP, TeamKind.ASSESSMENT, TeamKind.CHILD_IN_NEED, TeamKind.UNIT], agency__is_local_authority=True
        ).order_by("name")


class LinkForm(forms.Form):
    """Which child on record a named child is. Only the id's shape is checked here (a malformed id answers like a
    forbidden one); whether the user may see that child is decided by ``get_child_for``."""

    child_id = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    replacing_reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), **bounded(ContactLinkChange, "reason", "The reason"),
        label="Why is this the right record instead?",
        help_text="Needed only to move a child already linked to another record; the earlier link is kept.",
    )


class PartnerInformationForm(forms.Form):
    """What a partner adds about a child their agency raised a concern about, in the order the page asks it."""

    what_happened = forms.CharField(
        label="What happened?", widget=forms.Textarea(attrs={"rows": 8}),
        help_text="In your own words: what you saw or heard, what was said, and what worries you.",
        **bounded(PartnerInformation, "what_happened", "What happened", required="Enter what happened"),
    )
    happened_on = GovukDateField(
        label="When did it happen?", label_for_errors="The date it happened", bound=PastEvent,
        help_text="For example, 27 3 2025. If you are not sure of the day, give your best estimate and say so above.",
    )
    how_known = forms.ChoiceField(
        label="How do you know?", choices=HowKnown.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select how you know", "invalid_choice": "Select how you know"},
    )
    family_knows = forms.ChoiceField(
        label="Does the family know you are telling us?", widget=forms.RadioSelect(attrs={"inline": True}),
        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Not known")],
        error_messages={
            "required": "Select yes, no or not known for whether the family knows",
            "invalid_choice": "Select yes, no or not known for whether the family knows",
        },
    )

    def action_kwargs(self) -> dict:
        """What ``add_partner_information`` needs, from a valid form."""
        data = self.cleaned_data
        return {
            "what_happened": data["what_happened"], "happened_on": data["happened_on"], "how_known": data["how_known"],
            "family_knows": PARENTS_AWARE[data["family_knows"]],
        }
