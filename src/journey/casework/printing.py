"""A plan on paper for the family: a PDF made with WeasyPrint from an HTML template, as the chronology is printed.

Large type and plain words; the child is named by their first name only (the family knows who the plan is about,
and a page left on a table names nobody else). Every page carries the security marking, the day it was printed and
the version's date, so a page that strays from the rest still says what it is and how old it is.
"""
from dataclasses import dataclass
from datetime import date, datetime

from django.template.loader import render_to_string

from journey.chronology.printing import PrintingUnavailable

from .models import Plan, PlanStep, PlanVersion


@dataclass(frozen=True)
class PrintedPlan:
    first_name: str
    plan: Plan
    version: PlanVersion
    steps: list[PlanStep]
    agreed_on: date
    printed_at: datetime


def plan_pdf(printed: PrintedPlan) -> bytes:
    try:
        from weasyprint import HTML  # imported here: the rest of Journey runs without Pango
    except OSError as error:
        raise PrintingUnavailable(str(error)) from error
    return HTML(string=render_to_string("casework/plan_print.html", {"printed": printed})).write_pdf()
