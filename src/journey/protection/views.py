"""Strategy discussion and section 47 enquiry pages: record a discussion (or a further one), read it, start the
enquiry it decided, read the enquiry, move its 'by when' date and complete it.

The child is fetched through ``get_child_for_staff`` (the read is logged) and the episode, discussion and enquiry only
within that child, so an id from another child's record answers like a missing one. Reading is for anyone who may
open the record; writing for those ``rules.can_write`` allows, asked here and by the action.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess
from journey.casework.models import Episode
from journey.lib.dates import today
from journey.people.models import Child

from . import actions, rules
from .forms import ChangeEnquiryByWhenForm, CompleteEnquiryForm, DiscussionForm, StartEnquiryForm, place
from .models import Section47Enquiry, StrategyDiscussion
from .report_actions import waiting_reports


def _writer(request: HttpRequest, child: Child) -> None:
    if not rules.can_write(request.user, child):
        raise NoAccess


def _discussion_of(child: Child, discussion_id: int) -> StrategyDiscussion:
    found = (
        StrategyDiscussion.objects.filter(child=child, pk=discussion_id)
        .select_related("episode", "recorded_by", "previous").prefetch_related("participants__agency").first()
    )
    if found is None:
        raise NoAccess
    return found


def _enquiry_of(child: Child, enquiry_id: int) -> Section47Enquiry:
    found = (
        Section47Enquiry.objects.filter(child=child, pk=enquiry_id)
        .select_related("episode", "strategy_discussion", "recorded_by", "completed_by").first()
    )
    if found is None:
        raise NoAccess
    return found


def _discussion_form(request: HttpRequest, child: Child, episode: Episode, previous: StrategyDiscussion | None) -> HttpResponse:
    form = DiscussionForm(request.POST) if request.method == "POST" else DiscussionForm()
    if request.method == "POST" and "add_participant" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discussion = actions.record_strategy_discussion(
                episode, held_at=form.held_at_value(), what_was_shared=data["what_was_shared"], decision=data["decision"],
                reasons=data["reasons"], participants=form.participants(), previous=previous, acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Strategy discussion recorded")
            return redirect("protection:discussion", child.pk, discussion.pk)
    return render(request, "protection/discussion_form.html", {"child": child, "episode": episode, "previous": previous, "form": form})


@require_http_methods(["GET", "POST"])
def new_discussion(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a strategy discussion")
    episode = child.episodes.filter(pk=episode_id).first()
    if episode is None:
        raise NoAccess
    _writer(request, child)
    return _discussion_form(request, child, episode, None)


@require_http_methods(["GET", "POST"])
def further_discussion(request: HttpRequest, child_id: int, discussion_id: int) -> HttpResponse:
    """A further strategy discussion, following the earlier one in its episode."""
    child = get_child_for_staff(request, child_id, what="record a further strategy discussion")
    previous = _discussion_of(child, discussion_id)
    _writer(request, child)
    return _discussion_form(request, child, previous.episode, previous)


@require_GET
def discussion(request: HttpRequest, child_id: int, discussion_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="strategy discussion")
    found = _discussion_of(child, discussion_id)
    return render(request, "protection/discussion.html", {
        "child": child, "discussion": found, "participants": list(found.participants.all()), "missing": found.missing_agencies(),
        "enquiry": Section47Enquiry.objects.filter(strategy_discussion=found).first(),
        "further": list(found.further.order_by("held_at")), "can_write": rules.can_write(request.user, child),
    })


@require_http_methods(["GET", "POST"])
def start_enquiry(request: HttpRequest, child_id: int, discussion_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="start a section 47 enquiry")
    found = _discussion_of(child, discussion_id)
    _writer(request, child)
    form = StartEnquiryForm(request.POST) if request.method == "POST" else StartEnquiryForm(initial={"started_on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            enquiry = actions.start_section_47(found, started_on=data["started_on"], due_on=data["due_on"], due_reason=data["due_reason"],
                                               acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Section 47 enquiry started")
            return redirect("protection:enquiry", child.pk, enquiry.pk)
    return render(request, "protection/enquiry_start.html", {"child": child, "discussion": found, "form": form})


def _enquiry_page(request: HttpRequest, child: Child, enquiry: Section47Enquiry, *, complete_form=None, by_when_form=None) -> HttpResponse:
    open_ = not enquiry.is_complete
    writer = rules.can_write(request.user, child)
    conference = enquiry.conferences.first()
    return render(request, "protection/enquiry.html", {
        "child": child, "enquiry": enquiry, "history": list(enquiry.by_when_dates.select_related("set_by")),
        "can_write": writer and open_, "conference": conference,
        "can_record_conference": writer and conference is None and enquiry.is_complete and bool(enquiry.conference_needed),
        "complete_form": complete_form or CompleteEnquiryForm(initial={"completed_on": today()}),
        "by_when_form": by_when_form or ChangeEnquiryByWhenForm(),
        "reports": list(waiting_reports(enquiry=enquiry)) if conference is None and enquiry.is_complete else [],
    })


@require_GET
def enquiry(request: HttpRequest, child_id: int, enquiry_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="section 47 enquiry")
    return _enquiry_page(request, child, _enquiry_of(child, enquiry_id))


@require_POST
def complete_enquiry(request: HttpRequest, child_id: int, enquiry_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="complete a section 47 enquiry")
    found = _enquiry_of(child, enquiry_id)
    _writer(request, child)
    form = CompleteEnquiryForm(request.POST)
    if form.is_valid():
        try:
            actions.complete_section_47(found, acting_user=request.user, **form.outcome())
        except ValidationError as error:
            place(form, error)
            found.refresh_from_db()
        else:
            messages.success(request, "Section 47 enquiry completed")
            return redirect("protection:enquiry", child.pk, found.pk)
    return _enquiry_page(request, child, found, complete_form=form)


@require_POST
def change_by_when(request: HttpRequest, child_id: int, enquiry_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="change a section 47 enquiry's 'by when' date")
    found = _enquiry_of(child, enquiry_id)
    _writer(request, child)
    form = ChangeEnquiryByWhenForm(request.POST)
    if form.is_valid():
        try:
            actions.change_enquiry_by_when(found, due_on=form.cleaned_data["due_on"], reason=form.cleaned_data["reason"], acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "'By when' date changed")
            return redirect("protection:enquiry", child.pk, found.pk)
    return _enquiry_page(request, child, found, by_when_form=form)
