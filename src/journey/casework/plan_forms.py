"""The plan form: writing a plan with the family, or reviewing it (the same boxes, prefilled from the last version).

Steps are a fixed number of blank rows ("Step 1" to "Step 6"), so the page needs no JavaScript; rows left empty are
not steps. The rules of the record (a 'by when' date after the plan started, a review after the last one) live in
``casework.plan_actions``; this form checks what a form can (a real date, a step's parts all given).
"""
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict

from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, apply_errors, bounded

from .codes import PlanKind
from .forms import textarea
from .models import PlanStep, PlanVersion
from .plan_actions import MOST_STEPS, PlanContent, Step, step_field

STEP_PARTS = ("who", "does_what", "by_when", "reason")


class PlanForm(forms.Form):
    """Writing a plan (``review=False``: its kind and start date) or a review (the date of the review meeting and
    what has changed). Field names match the keys of the actions' errors."""

    kind = forms.ChoiceField(
        label="What sort of plan is it?", choices=PlanKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of plan", "invalid_choice": "Select the kind of plan"},
    )
    started_on = GovukDateField(label="When did the plan start?", label_for_errors="Start date", bound=PastEvent,
                                help_text="The day it was agreed with the family. For example, 27 3 2025")
    reviewed_on = GovukDateField(label="When was the review meeting?", label_for_errors="Date of the review", bound=PastEvent,
                                 help_text="For example, 27 3 2025")
    review_note = textarea("What has changed since the last version?", (PlanVersion, "review_note"), rows=4,
                           required=True, required_message="Enter what has changed since the last version")
    worries = textarea("What are we worried about?", (PlanVersion, "worries"), "In plain words the family can read", rows=5,
                       required=True, required_message="Enter what we are worried about")
    what_needs_to_change = textarea("What needs to change?", (PlanVersion, "what_needs_to_change"), rows=5,
                                    required=True, required_message="Enter what needs to change")
    contingency = textarea("What will happen if things do not change?", (PlanVersion, "contingency"), rows=4,
                           required=True, required_message="Enter what will happen if things do not change")
    childs_comments = textarea("What does the child say about the plan? (optional)", (PlanVersion, "childs_comments"),
                               "In their own words", rows=3)
    familys_comments = textarea("What does the family say about the plan? (optional)", (PlanVersion, "familys_comments"),
                                "In their own words", rows=3)

    def __init__(self, *args, review: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.review = review
        for name in ("reviewed_on", "review_note") if not review else ("kind", "started_on"):
            del self.fields[name]
        for number in range(1, MOST_STEPS + 1):
            self.fields[step_field(number, "who")] = forms.CharField(
                label="Who", required=False, max_length=150, help_text="For example, Mum, or Health visitor",
                error_messages={"max_length": f"Who does step {number} must be 150 characters or fewer"},
            )
            self.fields[step_field(number, "does_what")] = textarea("Does what", (PlanStep, "does_what"), rows=2)
            self.fields[step_field(number, "by_when")] = GovukDateField(
                label="By when", label_for_errors=f"The 'by when' date of step {number}", bound=PlannedDate, required=False,
            )
            self.fields[step_field(number, "reason")] = forms.CharField(
                label="Why this date", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                **bounded(PlanStep, "reason", f"Why the date of step {number}"),
            )

    def step_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(number, [self[step_field(number, part)] for part in STEP_PARTS]) for number in range(1, MOST_STEPS + 1)]

    def _filled(self) -> list[int]:
        """The rows with anything typed in them: the steps, in order."""
        def typed(number: int) -> list[str]:
            date_parts = [f"{step_field(number, 'by_when')}_{part}" for part in range(3)]
            return [step_field(number, "who"), step_field(number, "does_what"), step_field(number, "reason"), *date_parts]

        return [n for n in range(1, MOST_STEPS + 1) if any(str(self.data.get(key, "")).strip() for key in typed(n))]

    def steps(self) -> list[Step]:
        data = self.cleaned_data
        return [Step(data[step_field(n, "who")], data[step_field(n, "does_what")], data[step_field(n, "by_when")],
                     data[step_field(n, "reason")]) for n in self._filled()]

    def content(self) -> PlanContent:
        data = self.cleaned_data
        return PlanContent(
            worries=data["worries"], what_needs_to_change=data["what_needs_to_change"], contingency=data["contingency"],
            childs_comments=data["childs_comments"], familys_comments=data["familys_comments"], review_note=data.get("review_note", ""),
        )

    def family_texts(self) -> list[str]:
        """What the family reads, as typed (checked or not): the reading age is worked out from it."""
        texts = [str(self.data.get(name, "")) for name in ("worries", "what_needs_to_change", "contingency")]
        return texts + [str(self.data.get(step_field(n, "does_what"), "")) for n in range(1, MOST_STEPS + 1)]

    def hold(self) -> None:
        """Show what was typed, unchecked: the page came back only to show the reading age, not to be saved."""
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def place(self, error: ValidationError) -> None:
        """Put the action's errors on the form, a step's beside the row it was typed in (the action numbers the
        steps it was given; rows left empty between them are not steps)."""
        rows = self._filled()
        if hasattr(error, "error_dict"):
            moved: dict[str, list] = {}
            for key, messages in error.error_dict.items():
                parts = key.split("_", 2)
                if key.startswith("step_") and len(parts) == 3 and parts[1].isdigit() and 0 < int(parts[1]) <= len(rows):
                    key = step_field(rows[int(parts[1]) - 1], parts[2])
                moved[key] = messages
            error = ValidationError(moved)
        apply_errors(self, error)

    def clean(self):
        cleaned = super().clean()
        for number in self._filled():
            for part, message in (("who", "Enter who does step {n}"), ("does_what", "Enter what they will do in step {n}"),
                                  ("by_when", "Enter the 'by when' date of step {n}"),
                                  ("reason", "Enter why the date of step {n} is right for this child")):
                name = step_field(number, part)
                if name not in self.errors and not cleaned.get(name):
                    self.add_error(name, message.format(n=number))
        if not self._filled():
            self.add_error(step_field(1, "who"), "Add at least one step: who does what, by when")
        return cleaned


class EndPlanForm(forms.Form):
    ended_on = GovukDateField(label="When did the plan end?", label_for_errors="End date", bound=PastEvent, help_text="For example, 27 3 2025")


def prefilled(version: PlanVersion) -> dict:
    """A review's starting point: the last version's words and steps, for the writer to change with the family."""
    initial = {name: getattr(version, name) for name in ("worries", "what_needs_to_change", "contingency")}
    for number, step in enumerate(version.steps.all(), start=1):
        initial |= {step_field(number, part): getattr(step, part) for part in STEP_PARTS}
    return initial
