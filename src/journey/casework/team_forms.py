"""Forms for the manager's pages: proposing a transfer to another team, and answering a transfer or a closure."""
from django import forms

from journey.accounts.models import Team, TeamKind
from journey.lib.forms import bounded

from .models import ClosureProposal, Transfer


class TeamChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, team: Team) -> str:
        manager = f" (manager: {team.manager.display_name})" if team.manager is not None else ""
        return f"{team.name}{manager}"


def receiving_teams(excluding: int | None):
    """Teams of the local authority that hold children's work, bar the episode's own (the action refuses a team
    nobody manages, naming it)."""
    return (
        Team.objects.filter(agency__is_local_authority=True)
        .exclude(kind__in=[TeamKind.SERVICE, TeamKind.FRONT_DOOR]).exclude(pk__in=[excluding] if excluding else [])
        .select_related("manager").order_by("name")
    )


class TransferForm(forms.Form):
    to_team = TeamChoiceField(
        label="Which team should take the episode?", queryset=Team.objects.none(), empty_label="Select a team",
        error_messages={"required": "Select the team to transfer the episode to", "invalid_choice": "Select the team from the list"},
    )
    reason = forms.CharField(
        label="Why should the episode move to that team?", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The receiving manager reads this before accepting or returning it",
        **bounded(Transfer, "reason", "Reason", required="Enter why the episode should move to that team"),
    )

    def __init__(self, *args, from_team_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = receiving_teams(from_team_id)  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    """Accept (or agree) a proposal, or return (send back) it with a reason: the reason is needed only to return."""

    decision = forms.ChoiceField(
        label="Your decision", widget=forms.RadioSelect, choices=[],
        error_messages={"required": "Select your decision", "invalid_choice": "Select your decision"},
    )
    return_reason = forms.CharField(
        label="If you are returning it, why?", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        **bounded(Transfer, "return_reason", "Reason for returning"),
    )

    def __init__(self, *args, accept: str, give_back: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("accept", accept), ("return", give_back)]  # type: ignore[attr-defined]
        self.fields["decision"].error_messages = {"required": f"Select {accept.lower()} or {give_back.lower()}",
                                                  "invalid_choice": f"Select {accept.lower()} or {give_back.lower()}"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not (cleaned.get("return_reason") or "").strip():
            self.add_error("return_reason", "Enter why you are returning it")
        return cleaned


def transfer_answer_form(data=None) -> AnswerForm:
    return AnswerForm(data, accept="Accept the transfer", give_back="Return it to the team that sent it")


class ClosureAnswerForm(AnswerForm):
    """Agreeing a closure needs the manager's reasons as sending it back does: each answer is a judgement to record."""

    agreed_reasons = forms.CharField(
        label="If you are agreeing it, your reasons", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What tells you the help has done its job or is no longer needed; this goes on the child's chronology",
        **bounded(ClosureProposal, "agreed_reasons", "Reasons for agreeing"),
    )
    field_order = ["decision", "agreed_reasons", "return_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "accept" and not (cleaned.get("agreed_reasons") or "").strip():
            self.add_error("agreed_reasons", "Enter your reasons for agreeing the closure")
        return cleaned


def closure_answer_form(data=None) -> ClosureAnswerForm:
    form = ClosureAnswerForm(data, accept="Agree the closure", give_back="Send it back")
    form.fields["return_reason"].label = "If you are sending it back, why?"
    return form
