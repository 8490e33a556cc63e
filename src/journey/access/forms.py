"""Forms for break-glass and explicit grants. Field names match the actions' error keys."""
from django import forms

from journey.accounts.models import Team, TeamKind, User
from journey.lib.forms import GovukDateField, bounded

from .actions import reason_error
from .models import BreakGlass, ExplicitAccess


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to open this record now?", widget=forms.Textarea(attrs={"rows": 4}), required=False,
        **bounded(BreakGlass, "reason", "The reason for emergency access"),
        help_text="Describe the emergency. Your name, the reason and the time are shown to the child's managers "
        "and reported to the Caldicott guardian.",
    )

    def clean_reason(self) -> str:
        """Checked here as well as in the action so that a missing child and a real one answer alike."""
        reason = self.cleaned_data["reason"]
        if error := reason_error(reason, "the reason for emergency access"):
            raise forms.ValidationError(error)
        return reason


class GrantForm(forms.Form):
    username = forms.CharField(
        label="Username of the person (or choose a team below)", required=False, max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    team = forms.ModelChoiceField(
        label="Team (or enter a username above)", required=False, empty_label="No team",
        queryset=Team.objects.exclude(kind=TeamKind.SERVICE).order_by("name"),
        error_messages={"invalid_choice": "Choose a team from the list"},
    )
    reason = forms.CharField(
        label="Why do they need to see this record?", widget=forms.Textarea(attrs={"rows": 4}),
        **bounded(ExplicitAccess, "reason", "Why they need access", required="Enter why they need access"),
    )
    expires_on = GovukDateField(
        label="Last day of access (optional)", label_for_errors="Last day of access", required=False,
        help_text="For example, 27 3 2026. Leave empty to give access until you withdraw it.",
    )

    def clean_username(self) -> User | None:
        username = self.cleaned_data["username"].strip()
        if not username:
            return None
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError("No active user has that username")
        return user

    def action_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"user": data["username"], "team": data["team"], "reason": data["reason"], "expires_on": data["expires_on"]}
