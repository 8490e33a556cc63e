"""Forms for recommendations to action: recording one, adding an action or progress, closing it with its outcome."""
from django import forms

from journey.casework.forms import textarea
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, bounded

from . import recommendation_rules as rules
from .recommendation_models import ProgressUpdate, Recommendation, RecommendationAction, RecommendationStatus, SourceKind
from .review_forms import UserChoiceField
from .review_models import ReviewFinding


class FindingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} (case review {obj.review_id})"


def _owner(label: str, help_text: str = "") -> UserChoiceField:
    return UserChoiceField(label=label, queryset=rules.staff().select_related("agency"), required=False, empty_label="Select a person",
                           help_text=help_text, error_messages={"invalid_choice": f"Choose {label.lower()} from the list"})


class RecommendationForm(forms.Form):
    title = forms.CharField(label="Recommendation", required=False, help_text="What should change, in a sentence",
                            **bounded(Recommendation, "title", "Recommendation"))
    source_kind = forms.ChoiceField(label="Where does it come from?", choices=SourceKind.choices, required=False, widget=forms.RadioSelect,
                                    error_messages={"invalid_choice": "Choose where the recommendation came from"})
    finding = FindingChoiceField(label="Review finding (for a recommendation from a review)", queryset=ReviewFinding.objects.none(),
                                 required=False, empty_label="Select a finding",
                                 error_messages={"invalid_choice": "Choose the review finding it answers, from a review you are on"})
    source_detail = forms.CharField(label="Which audit, inspection or experience (optional)", required=False,
                                    **bounded(Recommendation, "source_detail", "Which audit, inspection or experience"))
    options_weighed = textarea("Options weighed", (Recommendation, "options_weighed"), "The options considered, and why this one")
    owner = _owner("Owner", "Who answers for it to the partnership")

    def __init__(self, *args, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = findings


class ActionForm(forms.Form):
    description = forms.CharField(label="Action", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  **bounded(RecommendationAction, "description", "Action"))
    owner = _owner("Action owner")
    by_when = GovukDateField(label="By when", label_for_errors="By when", bound=PlannedDate, required=False, help_text="For example, 31 3 2027")


class ProgressForm(forms.Form):
    written_on = GovukDateField(label="Date of the update", label_for_errors="Date of the update", bound=PastEvent, required=False,
                                help_text="For example, 27 3 2026")
    text = textarea("Progress", (ProgressUpdate, "text"), "What has happened since the last update", rows=3)


class CloseForm(forms.Form):
    outcome = textarea("Outcome", (Recommendation, "outcome"), "What changed. A recommendation cannot close without an outcome", rows=4)
    impact_evidence = textarea("Evidence of impact (optional)", (Recommendation, "impact_evidence"),
                               "What shows the change made a difference: audit results, feedback, figures from the record", rows=4)


class BoardFilter(forms.Form):
    status = forms.ChoiceField(label="Status", choices=[("", "All"), *RecommendationStatus.choices], required=False)
