"""Forms for casework pages. They check what a form can check (a real date, a choice made); the rules that
belong to the record (not in the future, one open episode of a kind) live in ``casework.actions``.

Field names match the keys of the actions' ValidationErrors, so ``apply_errors`` puts each message beside its field.
"""
from django import forms
from django.utils import timezone

from journey.accounts.models import Role, User
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, TimeField, bounded, combine

from .actions import ASSESSMENT_TEXT_FIELDS
from .codes import AssessmentDecision, ClosureReason, EpisodeKind
from .models import Assessment, ByWhen, Episode, Visit

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, required_message: str, help_text: str = "") -> forms.TypedChoiceField:
    """A yes/no question as GOV.UK inline radios; an unanswered question is an error, never a silent 'no'."""
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda v: v == "yes", help_text=help_text,
        widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"required": required_message, "invalid_choice": required_message},
    )


def textarea(
    label: str, holds: tuple, help_text: str = "", rows: int = 5, required: bool = False, required_message: str = "",
) -> forms.CharField:
    """A box of free text for the model field ``holds`` (model, field name), with that field's length bound."""
    messages = {"required": required_message} if required_message else {}
    return forms.CharField(
        label=label, help_text=help_text, required=required, widget=forms.Textarea(attrs={"rows": rows}),
        **bounded(*holds, label.removesuffix(" (optional)"), **messages),  # type: ignore[arg-type, call-arg]
    )


class VisitForm(forms.Form):
    visited_at = GovukDateField(label="Date of visit", label_for_errors="Date of visit", bound=PastEvent, help_text="For example, 27 3 2025")
    visited_time = TimeField(
        label="Time of visit", help_text="Use the 24-hour clock, for example 14:30",
        error_messages={"required": "Enter the time of visit", "invalid": "Time of visit must be a time like 14:30"},
    )
    place = forms.CharField(
        label="Where did the visit take place?", max_length=150, required=False, help_text="For example, home or school",
        error_messages={"max_length": "Place must be 150 characters or fewer"},
    )
    who_was_present = textarea("Who was present?", (Visit, "who_was_present"), "Names and how they know the child", rows=3)
    child_seen = yes_no("Was the child seen?", "Select yes if the child was seen")
    child_seen_alone = yes_no("Was the child seen alone?", "Select yes if the child was seen alone")
    childs_words = textarea(
        "What did the child say?", (Visit, "childs_words"), "Their wishes and feelings, in their own words as far as you can", rows=6,
    )
    observations = textarea("What did you see and hear?", (Visit, "observations"), rows=6)
    next_steps = textarea("What happens next?", (Visit, "next_steps"), "What will be done, by whom, and by when", rows=4)

    def visited_at_value(self):
        """The date and time together, in local time."""
        return combine(self.cleaned_data["visited_at"], self.cleaned_data["visited_time"])

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("visited_at"), cleaned.get("visited_time")
        if day and at and day == timezone.localdate() and self.visited_at_value() > timezone.now():
            self.add_error("visited_time", "Time of visit must be in the past")
        return cleaned


class PractitionerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        label = f"{user.display_name}, {user.job_title}" if user.job_title else user.display_name
        return f"{label} ({user.team})" if user.team_id else label


def lead_practitioners():
    """Active local authority staff with a team: an allocation always names the team that holds the work."""
    return (
        User.objects.filter(is_active=True, agency__is_local_authority=True, team__isnull=False)
        .exclude(role=Role.PARTNER).select_related("team").order_by("first_name", "last_name", "username")
    )


class OpenEpisodeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What sort of help?", choices=EpisodeKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of episode", "invalid_choice": "Select the kind of episode"},
    )
    started_on = GovukDateField(label="Start date", label_for_errors="Start date", bound=PastEvent, help_text="For example, 27 3 2025")
    worker = PractitionerChoiceField(
        label="Lead practitioner", queryset=User.objects.none(), empty_label="Select a practitioner",
        error_messages={"required": "Select the lead practitioner", "invalid_choice": "Select the lead practitioner from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = lead_practitioners()


class AllocateForm(forms.Form):
    worker = PractitionerChoiceField(
        label="Lead practitioner", queryset=User.objects.none(), empty_label="Select a practitioner",
        error_messages={"required": "Select the lead practitioner", "invalid_choice": "Select the lead practitioner from the list"},
    )
    started_on = GovukDateField(label="From", label_for_errors="Allocation date", bound=PastEvent, help_text="For example, 27 3 2025")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = lead_practitioners()


class CloseEpisodeForm(forms.Form):
    ended_on = GovukDateField(label="End date", label_for_errors="End date", bound=PastEvent, help_text="For example, 27 3 2025")
    reason = forms.ChoiceField(
        label="Why is the episode ending?", choices=ClosureReason.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the reason the episode is closing", "invalid_choice": "Select the reason the episode is closing"},
    )
    note = textarea("Anything more about why it is ending (optional)", (Episode, "closure_note"), rows=4)


class StartAssessmentForm(forms.Form):
    started_on = GovukDateField(label="Start date", label_for_errors="Start date", bound=PastEvent, help_text="For example, 27 3 2025")
    due_on = GovukDateField(
        label="By when should the assessment be done?", label_for_errors="'By when' date", bound=PlannedDate,
        help_text="Agree this with your manager for this child. There is no national timescale",
    )
    due_reason = textarea(
        "Why is this date right for this child?", (ByWhen, "reason"), "For example, what the child needs to happen, and how soon",
        rows=4, required=True, required_message="Enter why this 'by when' date is right for this child",
    )


class AssessmentForm(forms.Form):
    """The single assessment. Strengths come before worries in every domain: assessments build on what goes well."""

    developmental_needs_strengths = textarea("What is going well (strengths)", (Assessment, "developmental_needs_strengths"))
    developmental_needs_worries = textarea("What we are worried about", (Assessment, "developmental_needs_worries"))
    parenting_capacity_strengths = textarea("What is going well (strengths)", (Assessment, "parenting_capacity_strengths"))
    parenting_capacity_worries = textarea("What we are worried about", (Assessment, "parenting_capacity_worries"))
    family_environment_strengths = textarea("What is going well (strengths)", (Assessment, "family_environment_strengths"))
    family_environment_worries = textarea("What we are worried about", (Assessment, "family_environment_worries"))
    childs_views = textarea("The child's views", (Assessment, "childs_views"), "What the child has said, in their own words", rows=6)
    analysis = textarea("Analysis", (Assessment, "analysis"), "What does this mean for the child? Why might you be wrong?", rows=8)
    decision = forms.ChoiceField(
        label="Decision", choices=AssessmentDecision.choices, widget=forms.RadioSelect, required=False,
        help_text="Needed to complete the assessment", error_messages={"invalid_choice": "Select a decision from the list"},
    )

    DOMAINS = (
        ("The child's developmental needs", "developmental_needs"),
        ("Parenting capacity", "parenting_capacity"),
        ("Family and environmental factors", "family_environment"),
    )

    def domains(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(title, self[f"{key}_strengths"], self[f"{key}_worries"]) for title, key in self.DOMAINS]

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ASSESSMENT_TEXT_FIELDS}


class ChangeByWhenForm(forms.Form):
    prefix = "by_when"

    due_on = GovukDateField(label="New 'by when' date", label_for_errors="'By when' date", bound=PlannedDate, help_text="For example, 27 3 2025")
    reason = textarea(
        "Why is the date changing?", (ByWhen, "reason"), rows=3, required=True, required_message="Enter why the 'by when' date is changing",
    )
