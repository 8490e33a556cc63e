"""Core group meeting pages: record a meeting of the child's child protection plan, and read one.

The child is fetched through ``get_child_for_staff`` (the read is logged) and the plan and the meeting only within
that child, so an id from another child's record answers like a missing one. Reading is for anyone who may open the
record (the conference chair among them); recording for those ``rules.writing_refusal`` lets through, asked here and
by the action.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess
from journey.casework.codes import PlanKind
from journey.casework.models import Plan
from journey.lib.dates import today
from journey.people.models import Child

from . import core_group_actions as actions
from . import rules
from .core_group_forms import CoreGroupForm
from .forms import place
from .models import CoreGroupMeeting


def _meeting_of(child: Child, meeting_id: int) -> CoreGroupMeeting:
    found = (
        CoreGroupMeeting.objects.filter(child=child, pk=meeting_id)
        .select_related("plan", "recorded_by").prefetch_related("members__agency").first()
    )
    if found is None:
        raise NoAccess
    return found


@require_http_methods(["GET", "POST"])
def new_core_group_meeting(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a core group meeting")
    plan = Plan.objects.filter(child=child, pk=plan_id, kind=PlanKind.CHILD_PROTECTION).first()
    if plan is None:
        raise NoAccess
    if rules.writing_refusal(request.user, child) is not None:
        raise NoAccess
    form = CoreGroupForm(request.POST) if request.method == "POST" else CoreGroupForm(initial={"held_on": today()})
    if request.method == "POST" and "add_member" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        try:
            meeting = actions.record_core_group_meeting(plan, child=child, record=form.record(), members=form.members(), acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Core group meeting recorded")
            return redirect("protection:core-group", child.pk, meeting.pk)
    last = plan.core_group_meetings.order_by("-held_on", "-starts_at", "-pk").first()
    return render(request, "protection/core_group_form.html", {"child": child, "plan": plan, "form": form, "last": last})


@require_GET
def core_group_meeting(request: HttpRequest, child_id: int, meeting_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="core group meeting")
    found = _meeting_of(child, meeting_id)
    by_agency: dict[str, list] = {}
    for person in found.members.all():
        by_agency.setdefault(person.agency.name, []).append(person)
    return render(request, "protection/core_group.html", {
        "child": child, "meeting": found, "by_agency": sorted(by_agency.items()),
        "can_record": found.plan.is_open and rules.writing_refusal(request.user, child) is None,
    })
