"""A social work unit's pages: its caseload (its members and their roles; for each child it holds, the lead worker
and who did what last; its meetings), recording its weekly meeting, and reading one.

A unit the user is neither a member nor a manager of, a team that is not a unit, and a meeting of such a unit all
answer exactly like a missing id (``NoAccess``). The children shown are logged as read (``record_list_read``).
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import record_pk
from journey.access.rules import NoAccess
from journey.accounts.models import Team
from journey.audit.log import record_list_read
from journey.casework.team import page_of
from journey.lib.dates import today
from journey.people.models import Child
from journey.protection.forms import place

from . import unit_actions, unit_queries, unit_rules
from .models import UnitMeeting
from .unit_forms import UnitMeetingForm


def _unit(user, unit_id: int) -> Team:
    found = Team.objects.filter(pk=record_pk(unit_id)).select_related("manager").first()
    if found is None or unit_rules.unit_refusal(user, found) is not None:
        raise NoAccess
    return found


@require_GET
def unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The unit's caseload, a page of children at a time, and its meetings, a page at a time."""
    found = _unit(request.user, unit_id)
    page, rows = unit_queries.caseload_page(request.user, found, request.GET.get("page"))
    meetings = page_of(unit_queries.meetings_of(found), request.GET.get("meetings_page"))
    record_list_read(request.user, "the unit's children", [row.child.pk for row in rows], request=request)
    return render(request, "practice/unit.html", {
        "unit": found, "members": list(unit_rules.members_of(found)), "page": page, "rows": rows, "meetings": meetings,
    })


@require_http_methods(["GET", "POST"])
def new_unit_meeting(request: HttpRequest, unit_id: int) -> HttpResponse:
    found = _unit(request.user, unit_id)
    if request.method == "POST":
        form = UnitMeetingForm(request.POST, unit=found, viewer=request.user)
    else:
        form = UnitMeetingForm(initial={"held_on": today()}, unit=found, viewer=request.user)
    if request.method == "POST" and "add_entry" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        try:
            made = unit_actions.record_unit_meeting(
                found, held_on=form.cleaned_data.get("held_on"), attendees=form.attendees(), entries=form.entries(), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Unit meeting recorded")
            return redirect("practice:unit-meeting", made.pk)
    offered = form.fields[unit_actions.entry_field(1)].queryset  # type: ignore[attr-defined]
    record_list_read(request.user, "the unit's children, to discuss at its meeting", list(offered.values_list("pk", flat=True)), request=request)
    return render(request, "practice/unit_meeting_form.html", {"unit": found, "form": form})


@require_GET
def unit_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """One meeting, for the unit and its managers; of its entries, those about children the reader may open now (a
    child who has since left the unit is on their own chronology, for those who may open them)."""
    found = UnitMeeting.objects.filter(pk=record_pk(meeting_id)).select_related("unit", "recorded_by").first()
    if found is None or unit_rules.meeting_refusal(request.user, found) is not None:
        raise NoAccess
    entries = list(
        found.entries.filter(child__in=Child.objects.visible_to(request.user).values("pk"))
        .select_related("child__person", "responsible").order_by("pk")
    )
    attended = [row.member for row in found.attendance.select_related("member").order_by("pk")]
    record_list_read(request.user, "a unit meeting", [entry.child_id for entry in entries], request=request)
    return render(request, "practice/unit_meeting.html", {"meeting": found, "entries": entries, "attended": attended})
