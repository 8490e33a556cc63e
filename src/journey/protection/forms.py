"""Forms for the strategy discussion and the section 47 enquiry. They check only what a form can check (a real date,
a choice from the list); what must be given, and every rule of the record, is the action's, so that every missing
answer is named in one pass. Field names match the keys of the actions' ValidationErrors."""
from django import forms
from django.forms.utils import ErrorDict

from journey.accounts.models import Agency
from journey.casework.forms import YES_NO, short_text, textarea
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, RowsForm, TimeField, apply_errors, combine

from .actions import Participant, participant_field
from .codes import StrategyDecision
from .models import EnquiryByWhen, Section47Enquiry, StrategyDiscussion, StrategyParticipant


def place(form: forms.Form, error) -> None:
    """Put an action's errors on the form in page order (the order of its fields), so the summary reads down the page."""
    apply_errors(form, error)
    order = {name: place for place, name in enumerate(form.fields)}
    form._errors = ErrorDict(sorted(form.errors.items(), key=lambda item: order.get(item[0], -1)))  # type: ignore[attr-defined]


PARTICIPANT_PARTS = ("name", "role", "agency", "email", "apologies")


def answer(label: str, help_text: str = "") -> forms.TypedChoiceField:
    """A yes/no question as inline radios; left unanswered it is None, and the action names it."""
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda v: v == "yes", required=False, empty_value=None, help_text=help_text,
        widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"invalid_choice": f"Select yes or no: {label.lower()}"},
    )


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency: Agency) -> str:
        return f"{agency.name} ({agency.get_kind_display()})"


class DiscussionForm(RowsForm):
    """A strategy discussion on one page: when, who took part by agency (a few rows at a time; "Add another
    participant" posts back for one more, without JavaScript), what was shared, the decision and its reasons."""

    row_name = "participant"

    held_at = GovukDateField(label="Date of the discussion", label_for_errors="Date of the discussion", bound=PastEvent,
                             required=False, help_text="For example, 27 3 2025")
    held_time = TimeField(label="Time", required=False, help_text="Use the 24-hour clock, for example 14:30",
                          error_messages={"invalid": "Time must be a time like 14:30"})
    what_was_shared = textarea("What did each agency share?", (StrategyDiscussion, "what_was_shared"),
                               "What each agency knows of the child and family, by agency", rows=8)
    decision = forms.ChoiceField(
        label="What did the discussion decide?", choices=StrategyDecision.choices, widget=forms.RadioSelect, required=False,
        error_messages={"invalid_choice": "Select what the discussion decided"},
    )
    reasons = textarea("Reasons for the decision", (StrategyDiscussion, "reasons"), rows=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = self.posted_rows()
        agencies = Agency.objects.order_by("name")
        for number in range(1, self.rows + 1):
            self.fields[participant_field(number, "name")] = short_text("Name", (StrategyParticipant, "name"))
            self.fields[participant_field(number, "role")] = short_text("Role (optional)", (StrategyParticipant, "role"))
            self.fields[participant_field(number, "agency")] = AgencyChoiceField(
                label="Agency", queryset=agencies, required=False, empty_label="Select an agency",
                error_messages={"invalid_choice": f"Select the agency of participant {number} from the list"},
            )
            self.fields[participant_field(number, "email")] = forms.EmailField(
                label="Email address, if they use Journey (optional)", required=False, max_length=254,
                help_text="So that they see this discussion on their agency's page for the child",
                error_messages={"invalid": f"Enter the email address of participant {number} like name@example.org"},
            )
            self.fields[participant_field(number, "apologies")] = forms.BooleanField(label="Sent apologies (did not take part)", required=False)
        self.order_fields(["held_at", "held_time", *(participant_field(n, part) for n in range(1, self.rows + 1) for part in PARTICIPANT_PARTS)])

    def participant_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(n, [self[participant_field(n, part)] for part in PARTICIPANT_PARTS]) for n in range(1, self.rows + 1)]

    def held_at_value(self):
        day, at = self.cleaned_data.get("held_at"), self.cleaned_data.get("held_time")
        return combine(day, at) if day and at else None

    def participants(self) -> list[Participant]:
        """The rows with anything typed in them; empty rows are left out."""
        found = []
        for number in range(1, self.rows + 1):
            name, role, agency, email, apologies = (self.cleaned_data.get(participant_field(number, part)) for part in PARTICIPANT_PARTS)
            if name or role or agency or email or apologies:
                found.append(Participant(name=name or "", role=role or "", agency=agency, email=email or "", sent_apologies=bool(apologies),
                                         number=number))
        return found


class StartEnquiryForm(forms.Form):
    started_on = GovukDateField(label="Start date", label_for_errors="Start date", bound=PastEvent, required=False,
                                help_text="For example, 27 3 2025")
    due_on = GovukDateField(label="'By when' date", label_for_errors="'By when' date", bound=PlannedDate, required=False,
                            help_text="When the enquiry should be completed by, for this child")
    due_reason = textarea("Why is this date right for this child?", (EnquiryByWhen, "reason"), rows=3)


class ChangeEnquiryByWhenForm(forms.Form):
    prefix = "by_when"

    due_on = GovukDateField(label="New 'by when' date", label_for_errors="'By when' date", bound=PlannedDate, required=False,
                            help_text="For example, 27 3 2025")
    reason = textarea("Why is the date changing?", (EnquiryByWhen, "reason"), rows=3)


class CompleteEnquiryForm(forms.Form):
    prefix = "complete"

    findings = textarea("What did the enquiry find?", (Section47Enquiry, "findings"), rows=8)
    child_seen = answer("Was the child seen during the enquiry?")
    child_seen_alone = answer("Was the child seen alone?")
    concerns_substantiated = answer("Were the concerns substantiated?")
    continuing_risk = answer("Is the child judged to be at continuing risk of significant harm?")
    conference_needed = answer("Is an initial child protection conference needed?")
    outcome_reasons = textarea("Reasons for the outcome", (Section47Enquiry, "outcome_reasons"),
                               "Why you reached each answer above, and what happens next", rows=6)
    completed_on = GovukDateField(label="Completion date", label_for_errors="Completion date", bound=PastEvent, required=False,
                                  help_text="For example, 27 3 2025")

    def outcome(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields} | {
            "findings": self.cleaned_data.get("findings", ""), "outcome_reasons": self.cleaned_data.get("outcome_reasons", ""),
        }
