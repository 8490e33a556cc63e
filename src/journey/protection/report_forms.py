"""The partner's report form. It checks only what a form can (lengths, a yes or no); what must be given is the
action's (``report_actions.report_errors``), named field by field in one pass."""
from django import forms

from journey.casework.forms import textarea

from .forms import answer
from .models import ConferenceReport
from .report_actions import Report


class ConferenceReportForm(forms.Form):
    what_we_know = textarea("What does your agency know about the child and family?", (ConferenceReport, "what_we_know"),
                            "Your agency's involvement, what you have seen and heard, with dates", rows=8)
    worries = textarea("What is your agency worried about?", (ConferenceReport, "worries"), rows=6)
    going_well = textarea("What is going well for the child?", (ConferenceReport, "going_well"),
                          "Strengths and safety: what the family does well, who helps", rows=5)
    shared_with_family = answer("Have you shared this report with the family?",
                                "Reports are shared with parents before the conference, unless that would put the child at risk")

    def report(self) -> Report:
        data = self.cleaned_data
        return Report(what_we_know=data.get("what_we_know", ""), worries=data.get("worries", ""), going_well=data.get("going_well", ""),
                      shared_with_family=data.get("shared_with_family"))
