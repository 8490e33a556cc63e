"""Forms for case audits. Like every form here they check only what a form can (a real date, a number, a choice from
the list); the rules of the record are the actions', so each failure is named beside its field in one pass."""
from django import forms
from django.contrib.auth import get_user_model

from journey.accounts.models import Team
from journey.casework.codes import EpisodeKind
from journey.casework.forms import textarea
from journey.casework.rules import teams_managed_by
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField

from .audit_actions import SEED_MAX, Finding, theme_field
from .audit_models import SAMPLE_MAX, AuditFramework, AuditGrade, CaseAudit, SampleMethod, ThemeFinding
from .audit_rules import AGE_BAND_LABELS, AUDITING_ROLES, Criteria


class PersonChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.get_role_display().lower()})"


class GradeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def _whole_number(label: str, low: int, high: int, *, required: bool, help_text: str = "") -> forms.IntegerField:
    wrong = f"{label} must be a whole number from {low} to {high:,}"
    return forms.IntegerField(
        label=label, required=required, min_value=low, max_value=high, help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-10"}),
        error_messages={"required": f"Enter {label.lower()}", "invalid": wrong, "min_value": wrong, "max_value": wrong},
    )


class RoundForm(forms.Form):
    title = forms.CharField(label="Title of the round", max_length=150, help_text="For example, Quarterly audit: Team A",
                            error_messages={"required": "Enter the round's title", "max_length": "Title must be 150 characters or fewer"})
    framework = forms.ModelChoiceField(label="Audit framework", queryset=AuditFramework.objects.filter(in_use=True), empty_label=None,
                                       error_messages={"required": "Choose a framework in use", "invalid_choice": "Choose a framework in use"})
    method = forms.ChoiceField(label="How to draw the sample", choices=SampleMethod.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Choose how to draw the sample", "invalid_choice": "Choose how to draw the sample"})
    team = forms.ModelChoiceField(label="Team (criterion, optional)", queryset=Team.objects.none(), required=False, empty_label="Any team you manage",
                                  error_messages={"invalid_choice": "Choose a team you manage"})
    episode_kind = forms.ChoiceField(label="Open episode (criterion, optional)", choices=[("", "Any kind"), *EpisodeKind.choices], required=False,
                                     error_messages={"invalid_choice": "Choose a kind of episode from the list"})
    on_child_protection_plan = forms.BooleanField(label="Only children on a child protection plan (criterion)", required=False)
    age_band = forms.ChoiceField(label="Age (criterion, optional)", choices=[("", "Any age"), *AGE_BAND_LABELS.items()], required=False,
                                 error_messages={"invalid_choice": "Choose an age band from the list"})
    size = _whole_number("Number of children", 1, SAMPLE_MAX, required=True)
    seed = _whole_number("Seed", 0, SEED_MAX, required=False,
                         help_text="Optional: the same seed and criteria draw the same children. Leave empty and one is chosen for you")
    as_of = GovukDateField(label="Read the record as of", label_for_errors="Date the record is read as of", bound=PastEvent,
                           help_text="The sample is drawn from the children your teams held on this day")
    auditors = PersonChoices(label="Auditors", queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple,
                             error_messages={"required": "Choose at least one auditor", "invalid_choice": "Choose auditors from the list"})
    grant_starts_on = GovukDateField(label="First day of the auditors' access", label_for_errors="First day of access", bound=PlannedDate)
    grant_ends_on = GovukDateField(label="Last day of the auditors' access", label_for_errors="Last day of access", bound=PlannedDate,
                                   help_text="At most 90 days after the first day")

    def __init__(self, *args, maker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_managed_by(maker).order_by("name")
        self.fields["auditors"].queryset = (
            get_user_model().objects.filter(is_active=True, role__in=AUDITING_ROLES).order_by("first_name", "last_name", "pk")
        )

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        team = data.get("team")
        return Criteria(team.pk if team else None, data.get("episode_kind") or "", bool(data.get("on_child_protection_plan")), data.get("age_band") or "")


class GrantForm(forms.Form):
    grant_ends_on = GovukDateField(label="New last day of access", label_for_errors="Last day of access", bound=PlannedDate, required=False)


class AuditForm(forms.Form):
    audited_on = GovukDateField(label="Date of the audit", label_for_errors="Date of the audit", bound=PastEvent)
    overall = GradeChoice(label="Overall grade", queryset=AuditGrade.objects.none(), widget=forms.RadioSelect, empty_label=None,
                          error_messages={"required": "Choose the overall grade", "invalid_choice": "Choose an overall grade of this round's framework"})
    working_well = textarea("What is working well", (CaseAudit, "working_well"), rows=4, required=True, required_message="Enter what is working well")
    needs_to_change = textarea("What needs to change", (CaseAudit, "needs_to_change"), rows=4, required=True, required_message="Enter what needs to change")

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(framework.themes.all())
        grades = AuditGrade.objects.filter(framework=framework)
        self.fields["overall"].queryset = grades
        for theme in self.themes:
            name = theme.name.lower()
            self.fields[theme_field(theme, "grade")] = GradeChoice(
                label=f"Grade: {theme.name}", queryset=grades, widget=forms.RadioSelect, empty_label=None, required=False, help_text=theme.guidance,
                error_messages={"invalid_choice": f"Choose a grade of this round's framework for {name}"},
            )
            self.fields[theme_field(theme, "evidence")] = textarea(f"Evidence: {theme.name}", (ThemeFinding, "evidence"),
                                                                   "What in the record shows it", rows=3)
        order = ["audited_on", *(theme_field(t, part) for t in self.themes for part in ("grade", "evidence")), "overall", "working_well", "needs_to_change"]
        self.order_fields(order)

    def theme_rows(self):
        return [(theme, self[theme_field(theme, "grade")], self[theme_field(theme, "evidence")]) for theme in self.themes]

    def findings(self) -> list[Finding]:
        data = self.cleaned_data
        return [Finding(t, data.get(theme_field(t, "grade")), data.get(theme_field(t, "evidence")) or "") for t in self.themes]


class PractitionerViewForm(forms.Form):
    talked_through_on = GovukDateField(label="Date it was talked through with the practitioner", label_for_errors="Date it was talked through",
                                       bound=PastEvent)
    practitioner_view = textarea("The practitioner's view", (CaseAudit, "practitioner_view"), "What they think of the audit, in their words",
                                 rows=5, required=True, required_message="Enter the practitioner's view")
