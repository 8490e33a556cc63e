"""Forms for systems case reviews. They check what a form can (a real date, a choice from the list, a length); every
rule of the review is its action's, so each failure is named in one pass and the page keeps what was typed."""
from django import forms
from django.contrib.auth import get_user_model

from journey.casework.forms import textarea
from journey.lib.dates import PastEvent
from journey.lib.forms import GovukDateField, bounded

from .review_models import CaseReview, ContributoryFactor, FactorCategory, PracticeEpisode, ReviewFinding, ReviewReason

FACTOR_HINTS = {
    FactorCategory.TOOLS: "Forms, guidance, assessment tools, IT systems",
    FactorCategory.WORKLOAD: "Caseloads, time, cover, turnover",
    FactorCategory.INTER_AGENCY: "How information passed, or did not, between agencies",
    FactorCategory.FAMILY_PROFESSIONAL: "How the family and professionals worked together",
    FactorCategory.MANAGEMENT: "Supervision, oversight, procedures, resources",
}


def factor_field(category: str) -> str:
    return f"factor_{category}"


class CommissionForm(forms.Form):
    child = forms.CharField(
        label="Record number of the child", max_length=19, required=False,
        help_text="Find it with find a child. Only a child whose record you may open.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric", "spellcheck": "false"}),
    )
    reason = forms.ChoiceField(
        label="Why is the review held?", choices=ReviewReason.choices, required=False, widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose why the review is held"},
    )
    terms_of_reference = forms.CharField(
        label="Terms of reference", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the review asks, and what is outside it", **bounded(CaseReview, "terms_of_reference", "Terms of reference"),
    )
    period_from = GovukDateField(label="Start of the period", label_for_errors="Start of the period", bound=PastEvent, required=False,
                                 help_text="For example, 1 9 2025")
    period_to = GovukDateField(label="End of the period", label_for_errors="End of the period", bound=PastEvent, required=False,
                               help_text="For example, 31 3 2026")

    def record_number(self) -> int | None:
        """The number typed, or None for anything that is not a record number (then the action names the field)."""
        value = (self.cleaned_data.get("child") or "").strip()
        return int(value) if value.isdigit() and 0 < int(value) < 2**63 else None


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name}, {obj.agency}" + (f" ({obj.job_title})" if obj.job_title else "")


class MemberForm(forms.Form):
    user = UserChoiceField(
        label="Add a reviewer to the team", queryset=get_user_model().objects.none(), required=False, empty_label="Select a person",
        help_text="The council's staff or a partner agency's reviewer", error_messages={"invalid_choice": "Choose a reviewer from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True).select_related("agency").order_by("first_name", "last_name", "pk")
        )


class EntriesField(forms.MultipleChoiceField):
    """The chosen entries' keys. Whether each is on the review's timeline is the action's rule (``mark_episode``), so
    that it is named in the same pass as every other failure."""

    def valid_value(self, value) -> bool:
        return isinstance(value, str) and len(value) <= 60


class EpisodeForm(forms.Form):
    entries = EntriesField(label="Entries on the timeline", required=False, widget=forms.CheckboxSelectMultiple,
                           error_messages={"invalid_choice": "Choose entries from this review's timeline"})
    title = forms.CharField(label="Title of the episode", required=False, **bounded(PracticeEpisode, "title", "Title of the episode"))
    what_happened = textarea("What happened", (PracticeEpisode, "what_happened"))
    why_it_made_sense = textarea("Why did it make sense to the people at the time?", (PracticeEpisode, "why_it_made_sense"),
                                 "Their view then, with what they knew and had to hand, not hindsight")

    def __init__(self, *args, timeline, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [
            (entry.key, f"{entry.occurred_at:%-d %B %Y}: {entry.title} ({entry.agency or 'no agency'})") for entry in timeline
        ]
        for category, label in FactorCategory.choices:
            self.fields[factor_field(category)] = forms.CharField(
                label=f"{label} (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=FACTOR_HINTS[FactorCategory(category)], **bounded(ContributoryFactor, "description", label),
            )

    def factors(self) -> list[tuple[str, str]]:
        """The contributory factors typed, one per category that has a description."""
        return [(category, text) for category, _ in FactorCategory.choices if (text := (self.cleaned_data.get(factor_field(category)) or "").strip())]

    def factor_fields(self) -> list[forms.BoundField]:
        return [self[factor_field(category)] for category, _ in FactorCategory.choices]


class FindingForm(forms.Form):
    title = forms.CharField(label="The finding", required=False, help_text="In a sentence, about the system",
                            **bounded(ReviewFinding, "title", "The finding"))
    pattern = textarea("The pattern in the system", (ReviewFinding, "pattern"),
                       "What in the system makes this likely to happen again, in other cases. Describe roles and parts of the system, never named people")
    episodes = forms.ModelMultipleChoiceField(label="Key practice episodes it draws on", queryset=PracticeEpisode.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple,
                                              error_messages={"invalid_choice": "Choose episodes of this review", "invalid_pk_value": "Choose episodes of this review"})
    evidence = textarea("Other evidence (optional)", (ReviewFinding, "evidence"), "Research, data or other cases that show the same pattern")

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["episodes"].queryset = review.episodes.all()
