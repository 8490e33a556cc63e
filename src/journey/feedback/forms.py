"""The feedback forms: staff recording feedback they received, answering a compliment or complaint, and making a
family's link; and the one short form a family fills in through their link, worded for the child's age when it is
for the child. The forms check what a form can (a choice from the list, a real date); the rules are the actions'."""
from django import forms

from journey.casework.forms import textarea
from journey.lib.dates import PastEvent
from journey.lib.forms import GovukDateField, bounded

from . import about
from .models import Feedback, Kind, LinkFor, Outcome, Source, Theme
from .rules import AgeBand


def _radios(label: str, choices, message: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )


def _themes(choices, label: str, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple, help_text=help_text,
        error_messages={"invalid_choice": "Choose themes from the list"},
    )


class AboutForm(forms.Form):
    """What the feedback is about: one of the child's records, or something else in a few words."""

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["about"] = forms.ChoiceField(
            label="What is it about?", choices=[("", "Select what it is about"), *about.choices_for(child)],
            error_messages={"required": "Choose what the feedback is about", "invalid_choice": about.NOT_THIS_CHILD},
        )
        self.fields["about_other"] = forms.CharField(
            label="If something else, what? (optional)", required=False, help_text="In a few words, for example 'our first phone call'",
            **bounded(Feedback, "about_other", "What it is about"),
        )

    def subject(self):
        from .actions import Subject

        choice = self.cleaned_data.get("about") or ""
        try:
            kind, record = about.resolve(self.child, choice)
        except ValueError:
            return Subject("", None)
        return Subject(kind, record, self.cleaned_data.get("about_other") or "")


class FeedbackForm(AboutForm):
    field_order = ["source", "kind", "received_on", "about", "about_other", "said", "themes"]

    source = _radios("Who gave the feedback?", Source.choices, "Select who gave the feedback")
    kind = _radios("What kind of feedback is it?", Kind.choices, "Select whether it is feedback, a compliment or a complaint")
    received_on = GovukDateField(label="Date received", label_for_errors="Date received", bound=PastEvent, help_text="For example, 27 3 2026")
    said = textarea("What did they say?", (Feedback, "said"), "In their own words where you can", required=True,
                    required_message="Enter what they said")
    themes = _themes(Theme.choices, "Which themes does it touch? (optional)", "Select all that apply")


class ResponseForm(forms.Form):
    response = textarea("Response", (Feedback, "response"), "What was said or done in reply", required=True,
                        required_message="Enter the response")
    responded_on = GovukDateField(label="Date of the response", label_for_errors="Date of the response", bound=PastEvent,
                                  help_text="For example, 27 3 2026")

    def __init__(self, *args, feedback, **kwargs):
        super().__init__(*args, **kwargs)
        if feedback.kind == Kind.COMPLAINT:
            self.fields["outcome"] = forms.ChoiceField(
                label="Outcome (needed to close)", choices=Outcome.choices, required=False, widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose the outcome from the list"},
            )
            self.fields["close"] = forms.BooleanField(label="Close the complaint", required=False,
                                                      help_text="A complaint is closed with its response and outcome")


class LinkForm(AboutForm):
    field_order = ["for_whom", "about", "about_other"]

    for_whom = _radios("Who is the link for?", LinkFor.choices, "Select who the link is for",
                       "A child's form is worded for their age. The form shows no names.")


# The family's form, in words that fit who fills it in: (question, answers for kind), then the themes' labels.
KIND_WORDING = {
    AgeBand.UNDER_8: ("How did it feel?", {Kind.COMPLIMENT: "Happy", Kind.FEEDBACK: "OK", Kind.COMPLAINT: "Sad or cross"}),
    AgeBand.EIGHT_TO_12: ("How was it?", {Kind.COMPLIMENT: "Good", Kind.FEEDBACK: "OK, I want to tell you something",
                                          Kind.COMPLAINT: "Not good, I want to complain"}),
    AgeBand.THIRTEEN_AND_OVER: ("What would you like to tell us?", {
        Kind.COMPLIMENT: "Something that went well", Kind.FEEDBACK: "Some feedback", Kind.COMPLAINT: "A complaint"}),
    "adult": ("What would you like to tell us?", {
        Kind.COMPLIMENT: "A compliment: something that went well", Kind.FEEDBACK: "Feedback: something we should know",
        Kind.COMPLAINT: "A complaint: something went wrong"}),
}
THEME_WORDING = {
    AgeBand.UNDER_8: {Theme.LISTENED_TO: "They listened to me", Theme.RESPECT: "They were kind to me",
                      Theme.KEPT_INFORMED: "They told me what was happening", Theme.SUPPORT: "They helped me"},
    AgeBand.EIGHT_TO_12: {Theme.LISTENED_TO: "I was listened to", Theme.KEPT_INFORMED: "I knew what was going on",
                          Theme.RESPECT: "I was treated well", Theme.TIMELINESS: "Things happened on time",
                          Theme.PLAN_HELPED: "The plan helped me", Theme.SUPPORT: "I got the help I needed"},
    AgeBand.THIRTEEN_AND_OVER: {Theme.LISTENED_TO: "Being listened to", Theme.COMMUNICATION: "How people talked to me",
                                Theme.KEPT_INFORMED: "Being kept up to date", Theme.TIMELINESS: "Things happening on time",
                                Theme.RESPECT: "Being treated with respect", Theme.PLAN_HELPED: "The plan helped",
                                Theme.SUPPORT: "The help I got", Theme.CHANGE_OF_WORKER: "Changes of worker"},
    "adult": {Theme.LISTENED_TO: "Being listened to", Theme.COMMUNICATION: "Communication",
              Theme.KEPT_INFORMED: "Being kept informed", Theme.TIMELINESS: "Things happening on time",
              Theme.RESPECT: "Being treated with respect", Theme.PLAN_HELPED: "The plan helped",
              Theme.SUPPORT: "The help and support given", Theme.CHANGE_OF_WORKER: "Changes of worker"},
}
SAID_WORDING = {
    AgeBand.UNDER_8: ("Tell us more", "You can ask a grown-up to help you write"),
    AgeBand.EIGHT_TO_12: ("What do you want to tell us?", "Write as much or as little as you like"),
    AgeBand.THIRTEEN_AND_OVER: ("Tell us more", "What happened, and what would have made it better"),
    "adult": ("Tell us more", "What happened, and what would have made it better"),
}


def wording(for_whom: str, band: str) -> str:
    """The wording a family's form uses: the child's age band for a child's own link, else the adult wording."""
    return band if for_whom == LinkFor.CHILD else "adult"


class GiveForm(forms.Form):
    """The family's one short form: how it was (feedback, compliment or complaint), what it touched, in their words."""

    def __init__(self, *args, words: str, **kwargs):
        super().__init__(*args, **kwargs)
        question, answers = KIND_WORDING[words]
        self.fields["kind"] = _radios(question, [(kind, answers[kind]) for kind in (Kind.COMPLIMENT, Kind.FEEDBACK, Kind.COMPLAINT)],
                                      "Choose one answer")
        themes = THEME_WORDING[words]
        self.fields["themes"] = _themes(list(themes.items()), "What was it about? (optional)", "Choose any that fit")
        label, hint = SAID_WORDING[words]
        self.fields["said"] = forms.CharField(
            label=label, help_text=hint, widget=forms.Textarea(attrs={"rows": 5}),
            **bounded(Feedback, "said", label, required="Tell us something in the box"),
        )

