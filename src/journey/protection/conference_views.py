"""Conference pages: record an initial conference from the enquiry that called it, a review conference from the
child's plan, read a conference, and the chair's own page of the conferences they chair.

The child is fetched through ``get_child_for_staff`` (the read is logged) and the enquiry, plan and conference only
within that child, so an id from another child's record answers like a missing one. Reading is for anyone who may
open the record (the chair among them); recording for those ``rules.conference_refusal`` lets through, asked here and by the action.
"""
from datetime import timedelta
from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess, require_staff
from journey.audit.log import record_list_read
from journey.casework.codes import PlanKind
from journey.casework.models import Plan
from journey.codelists import lookup
from journey.lib.dates import today
from journey.people.models import Child

from . import conference_actions as actions
from . import rules
from .codes import CATEGORY_LIST, ConferenceKind
from .conference_forms import ConferenceForm
from .forms import place
from .models import ChildProtectionConference, Section47Enquiry
from .report_actions import waiting_reports

RECENT_DAYS = 92


def _writer(request: HttpRequest, child: Child) -> None:
    if rules.conference_refusal(request.user, child) is not None:
        raise NoAccess


def _conference_of(child: Child, conference_id: int) -> ChildProtectionConference:
    found = (
        ChildProtectionConference.objects.filter(child=child, pk=conference_id)
        .select_related("enquiry", "plan", "chair", "recorded_by", "episode").prefetch_related("attendees__agency").first()
    )
    if found is None:
        raise NoAccess
    return found


def _form_page(request: HttpRequest, child: Child, kind: str, record, context: dict) -> HttpResponse:
    form = ConferenceForm(request.POST, kind=kind) if request.method == "POST" else ConferenceForm(kind=kind, initial={"held_on": today()})
    if request.method == "POST" and "add_attendee" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        try:
            conference = record(form)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Conference recorded")
            return redirect("protection:conference", child.pk, conference.pk)
    return render(request, "protection/conference_form.html", {"child": child, "form": form, **context})


@require_http_methods(["GET", "POST"])
def new_initial_conference(request: HttpRequest, child_id: int, enquiry_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record an initial child protection conference")
    enquiry = Section47Enquiry.objects.filter(child=child, pk=enquiry_id).first()
    if enquiry is None:
        raise NoAccess
    _writer(request, child)

    def record(form: ConferenceForm) -> ChildProtectionConference:
        return actions.record_initial_conference(
            enquiry, child=child, record=form.record(), attendees=form.attendees(), plan_content=form.plan_content(),
            first_step=form.first_step(), acting_user=request.user,
        )

    return _form_page(request, child, ConferenceKind.INITIAL, record, {
        "enquiry": enquiry, "title": "Record the initial conference", "reports": list(waiting_reports(enquiry=enquiry)),
    })


@require_http_methods(["GET", "POST"])
def new_review_conference(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a review child protection conference")
    plan = Plan.objects.filter(child=child, pk=plan_id, kind=PlanKind.CHILD_PROTECTION).first()
    if plan is None:
        raise NoAccess
    _writer(request, child)

    def record(form: ConferenceForm) -> ChildProtectionConference:
        return actions.record_review_conference(plan, child=child, record=form.record(), attendees=form.attendees(), acting_user=request.user)

    category = actions.current_category(plan)
    return _form_page(request, child, ConferenceKind.REVIEW, record, {
        "plan": plan, "title": "Record a review conference",
        "current_category": lookup.label(CATEGORY_LIST, category) if category else "",
        "last": plan.conferences.order_by("-held_on", "-pk").first(), "reports": list(waiting_reports(plan=plan)),
    })


@require_GET
def conference(request: HttpRequest, child_id: int, conference_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="child protection conference")
    found = _conference_of(child, conference_id)
    attendees = list(found.attendees.all())
    by_agency: dict[str, list] = {}
    for person in attendees:
        by_agency.setdefault(person.agency.name, []).append(person)
    history = list(found.plan.category_changes.select_related("conference").order_by("from_date", "pk")) if found.plan else []
    return render(request, "protection/conference.html", {
        "child": child, "conference": found, "by_agency": sorted(by_agency.items()),
        "category": lookup.label(CATEGORY_LIST, found.category) if found.category else "",
        "history": [(change, lookup.label(CATEGORY_LIST, change.category)) for change in history],
        "reports": list(found.reports.select_related("agency", "author")),
        "can_review": found.plan is not None and found.plan.is_open and rules.conference_refusal(request.user, child) is None,
    })


@require_GET
def my_conferences(request: HttpRequest) -> HttpResponse:
    """The chair's page: the plans whose conferences they chair, still open (the review they will chair next), and
    the conferences they chaired lately. Every child named goes to the audit log in one event."""
    user = request.user
    require_staff(user)
    visible = Child.objects.visible_to(user).values("pk")
    chaired = ChildProtectionConference.objects.filter(chair_id=user.pk, child__in=visible).select_related("child__person", "plan")
    open_plans: dict[int, ChildProtectionConference] = {}
    for found in chaired.filter(plan__isnull=False, plan__ended_on__isnull=True).order_by("-held_on", "-pk"):
        open_plans.setdefault(cast(int, found.plan_id), found)
    recent = list(chaired.filter(held_on__gte=today() - timedelta(days=RECENT_DAYS)).order_by("-held_on", "-starts_at", "-pk"))
    upcoming = sorted(open_plans.values(), key=lambda c: (c.held_on, c.pk))
    record_list_read(user, "conferences I chair", dict.fromkeys(c.child_id for c in [*upcoming, *recent]), request=request)
    return render(request, "protection/my_conferences.html", {"upcoming": upcoming, "recent": recent, "recent_days": RECENT_DAYS})
