"""The conference form: one page for an initial or review conference, with attendee rows posting back for one more
("Add another attendee", without JavaScript) and, for an initial conference, the plan's first version should the
conference decide one. Like the discussion form it checks only what a form can (a real date, a choice from the
list); every rule of the record is the action's, so every missing answer is named in one pass."""
from django import forms

from journey.accounts.models import Role, User
from journey.casework.forms import textarea
from journey.casework.models import PlanStep, PlanVersion
from journey.casework.plan_actions import PlanContent, Step, step_field
from journey.codelists.forms import CodeChoiceField
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, RowsForm, TimeField, bounded

from .codes import CATEGORY_LIST, DECISIONS_OF, ChildHeard, ConferenceKind
from .conference_actions import Attendee, Conference, attendee_field
from .forms import AgencyChoiceField
from .models import ChildProtectionConference, ConferenceAttendee

ATTENDEE_PARTS = ("name", "role", "agency", "email", "apologies", "report")
PLAN_PARTS = ("worries", "what_needs_to_change", "contingency")
STEP_PARTS = ("who", "does_what", "by_when", "reason")


class ChairChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.display_name


class ConferenceForm(RowsForm):
    row_name = "attendee"

    held_on = GovukDateField(label="Date of the conference", label_for_errors="Date of the conference", bound=PastEvent,
                             required=False, help_text="For example, 27 3 2025")
    starts_at = TimeField(label="Time it began", required=False, help_text="Use the 24-hour clock, for example 14:30",
                          error_messages={"invalid": "Time must be a time like 14:30"})
    chair = ChairChoiceField(
        label="Who chaired the conference?", queryset=User.objects.none(), required=False, empty_label="Select the chair",
        help_text="A child protection chair independent of the case's line management",
        error_messages={"invalid_choice": "Select the chair from the list"},
    )
    child_heard = forms.ChoiceField(
        label="How did the conference hear the child's views?", choices=ChildHeard.choices, widget=forms.RadioSelect, required=False,
        error_messages={"invalid_choice": "Select how the conference heard the child's views"},
    )
    childs_views = textarea("The child's views", (ChildProtectionConference, "childs_views"), "In their own words where you can", rows=4)
    parents_views = textarea("The parents' views (optional)", (ChildProtectionConference, "parents_views"), rows=4)
    decision = forms.ChoiceField(label="What did the conference decide?", choices=(), widget=forms.RadioSelect, required=False,
                                 error_messages={"invalid_choice": "Select what the conference decided"})
    category = CodeChoiceField(
        CATEGORY_LIST, label="Category of abuse or neglect", required=False, widget=forms.RadioSelect,
        help_text="When the child has a plan after the conference: the one category that best describes the main concern",
        error_messages={"invalid_choice": "Select the category of abuse or neglect from the list"},
    )
    reasons = textarea("Reasons for the decision", (ChildProtectionConference, "reasons"), rows=6)
    minutes = textarea("Minutes (optional)", (ChildProtectionConference, "minutes"), "The minutes, or a summary of them", rows=8)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        chair = self.fields["chair"]
        assert isinstance(chair, forms.ModelChoiceField)
        chair.queryset = User.objects.filter(role=Role.CP_CHAIR, is_active=True).order_by("first_name", "last_name")
        decision = self.fields["decision"]
        assert isinstance(decision, forms.ChoiceField)
        decision.choices = [(value.value, value.label) for value in DECISIONS_OF[ConferenceKind(kind)]]
        self.rows = self.posted_rows()
        self._add_attendee_rows()
        if kind == ConferenceKind.INITIAL:
            self._add_plan_fields()
        order = ["held_on", "starts_at", "chair", *(attendee_field(n, part) for n in range(1, self.rows + 1) for part in ATTENDEE_PARTS)]
        self.order_fields(order)

    def _add_attendee_rows(self) -> None:
        from journey.accounts.models import Agency

        agencies = Agency.objects.order_by("name")
        for number in range(1, self.rows + 1):
            self.fields[attendee_field(number, "name")] = forms.CharField(
                label="Name", required=False, **bounded(ConferenceAttendee, "name", "Name"),
            )
            self.fields[attendee_field(number, "role")] = forms.CharField(
                label="Role (optional)", required=False, **bounded(ConferenceAttendee, "role", "Role"),
            )
            self.fields[attendee_field(number, "agency")] = AgencyChoiceField(
                label="Agency", queryset=agencies, required=False, empty_label="Select an agency",
                error_messages={"invalid_choice": f"Select the agency of attendee {number} from the list"},
            )
            self.fields[attendee_field(number, "email")] = forms.EmailField(
                label="Email address, if they use Journey (optional)", required=False, max_length=254,
                help_text="So that they see the conference's outcome on their agency's page for the child",
                error_messages={"invalid": f"Enter the email address of attendee {number} like name@example.org"},
            )
            self.fields[attendee_field(number, "apologies")] = forms.BooleanField(label="Sent apologies (did not come)", required=False)
            self.fields[attendee_field(number, "report")] = forms.BooleanField(label="Their agency's report was submitted", required=False)

    def _add_plan_fields(self) -> None:
        """The plan's first version, written at the conference with the family, should it decide a plan."""
        self.fields["worries"] = textarea("What are we worried about?", (PlanVersion, "worries"), "In plain words the family can read", rows=4)
        self.fields["what_needs_to_change"] = textarea("What needs to change?", (PlanVersion, "what_needs_to_change"), rows=4)
        self.fields["contingency"] = textarea("What will happen if things do not change?", (PlanVersion, "contingency"), rows=3)
        self.fields[step_field(1, "who")] = forms.CharField(
            label="Who", required=False, max_length=150, help_text="For example, Mum, or Health visitor",
            error_messages={"max_length": "Who does step 1 must be 150 characters or fewer"},
        )
        self.fields[step_field(1, "does_what")] = textarea("Does what", (PlanStep, "does_what"), rows=2)
        self.fields[step_field(1, "by_when")] = GovukDateField(
            label="By when", label_for_errors="The 'by when' date of step 1", bound=PlannedDate, required=False,
        )
        self.fields[step_field(1, "reason")] = forms.CharField(
            label="Why this date", required=False, widget=forms.Textarea(attrs={"rows": 2}),
            **bounded(PlanStep, "reason", "Why the date of step 1"),
        )

    @property
    def is_initial(self) -> bool:
        return self.kind == ConferenceKind.INITIAL

    def attendee_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(n, [self[attendee_field(n, part)] for part in ATTENDEE_PARTS]) for n in range(1, self.rows + 1)]

    def plan_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in PLAN_PARTS] if self.is_initial else []

    def step_fields(self) -> list[forms.BoundField]:
        return [self[step_field(1, part)] for part in STEP_PARTS] if self.is_initial else []

    def record(self) -> Conference:
        data = self.cleaned_data
        return Conference(
            held_on=data.get("held_on"), starts_at=data.get("starts_at"), chair=data.get("chair"), child_heard=data.get("child_heard") or "",
            childs_views=data.get("childs_views", ""), parents_views=data.get("parents_views", ""), decision=data.get("decision") or "",
            category=data.get("category") or "", reasons=data.get("reasons", ""), minutes=data.get("minutes", ""),
        )

    def attendees(self) -> list[Attendee]:
        """The rows with anything typed in them; empty rows are left out."""
        found = []
        for number in range(1, self.rows + 1):
            name, role, agency, email, apologies, report = (self.cleaned_data.get(attendee_field(number, part)) for part in ATTENDEE_PARTS)
            if name or role or agency or email or apologies or report:
                found.append(Attendee(name=name or "", role=role or "", agency=agency, email=email or "", sent_apologies=bool(apologies),
                                      report_submitted=bool(report), number=number))
        return found

    def plan_content(self) -> PlanContent:
        data = self.cleaned_data
        return PlanContent(*(data.get(name, "") for name in PLAN_PARTS))

    def first_step(self) -> Step | None:
        data = self.cleaned_data
        who, does_what, by_when, reason = (data.get(step_field(1, part)) for part in STEP_PARTS)
        return Step(who or "", does_what or "", by_when, reason or "") if who or does_what or by_when or reason else None
