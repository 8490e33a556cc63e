"""Casework pages: the practitioner's children, visits, notes, calls and meetings, episodes and the single assessment.

Each view fetches the child through ``get_child_for_staff`` and anything beneath the child only within that child, so a
visit or episode id from another child's record answers "no access" like a child the user may not see.
Writes go through one action each; the action's messages land beside the fields they name.
"""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import get_child_for_staff
from journey.access.middleware import note_refusal
from journey.access.rules import NoAccess, manager_line
from journey.accounts.models import Role
from journey.audit.log import record_list_read
from journey.lib.forms import apply_errors
from journey.people.models import Child

from . import actions, landing, queries, rules
from .actions import ASSESSMENT_TEXT_FIELDS
from .caseload import caseload_page
from .codes import NoteKind
from .forms import (
    NOTE_PAGES,
    AssessmentForm,
    AuthoriseForm,
    ChangeByWhenForm,
    HouseholdVisitForm,
    NoteForm,
    OpenEpisodeForm,
    StartAssessmentForm,
    VisitForm,
)
from .models import Assessment, CaseNote, Episode, Visit


def _episode_of(child: Child, episode_id: int) -> Episode:
    episode = child.episodes.filter(pk=episode_id).first()
    if episode is None:
        raise NoAccess
    return episode


def _assessment_of(child: Child, assessment_id: int) -> Assessment:
    assessment = child.assessments.filter(pk=assessment_id).select_related("episode", "author", "authorised_by").first()
    if assessment is None:
        raise NoAccess
    return assessment


def _bind(form_class, request: HttpRequest, **kwargs) -> forms.Form:
    return form_class(request.POST, **kwargs) if request.method == "POST" else form_class(**kwargs)


def _held_by_those_managed(user) -> tuple[str, Q] | None:
    """What a manager's second list holds: a team manager's, the team's children; a head of service's, the children
    held by the teams of their service (the teams they manage, and those below them)."""
    if user.role == Role.TEAM_MANAGER and user.team_id is not None:
        return "team", Q(team_id=user.team_id)
    if user.role == Role.HEAD_OF_SERVICE:
        return "service", manager_line(user)
    return None


@require_GET
def my_children(request: HttpRequest) -> HttpResponse:
    """The caseload (and a manager's team or service list), a page of each at a time: every child named on the
    pages shown goes to the audit log in one event."""
    user = request.user
    if user.is_partner:
        return redirect("frontdoor:new-contact")
    managed = _held_by_those_managed(user)
    mine = caseload_page(user, Q(worker=user), request.GET.get("page"))
    theirs = caseload_page(user, managed[1], request.GET.get("held_page")) if managed else None
    shown_panels = landing.panels(request)
    shown = dict.fromkeys(row.child.pk for row in [*mine.object_list, *(theirs.object_list if theirs else [])])
    shown.update(dict.fromkeys(pk for panel in shown_panels for pk in panel.children))
    what = f"my children and my {managed[0]}'s children" if managed else "my children"
    record_list_read(user, what, shown, request=request)
    return render(request, "casework/my_children.html", {
        "mine": mine, "theirs": theirs, "held_by": managed[0] if managed else "", "panels": shown_panels,
        "held_by_name": user.team.name if managed and user.team_id else "",
    })


@require_http_methods(["GET", "POST"])
def new_visit(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a visit")
    form = _bind(VisitForm, request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_visit(
                child, acting_user=request.user, visited_at=form.visited_at_value(), child_seen=data["child_seen"],
                child_seen_alone=data["child_seen_alone"], place=data["place"], who_was_present=data["who_was_present"],
                childs_words=data["childs_words"], observations=data["observations"], next_steps=data["next_steps"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Visit recorded")
            return redirect("people:child", child.pk)
    return render(request, "casework/visit_form.html", {"child": child, "form": form})


@require_http_methods(["GET", "POST"])
def new_household_visit(request: HttpRequest, child_id: int) -> HttpResponse:
    """One visit to the child's household, for the child and the other children living there whom the user may open."""
    child = get_child_for_staff(request, child_id, what="record a visit to the household")
    others = list(queries.household_children(child, request.user))
    record_list_read(request.user, "children living with the child, offered on a visit to the household", others, request=request)
    form = _bind(HouseholdVisitForm, request, child=child, others=others)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_household_visit(
                child, acting_user=request.user, visited_at=form.visited_at_value(), children=form.children_seen(),
                place=data["place"], who_was_present=data["who_was_present"], observations=data["observations"],
                next_steps=data["next_steps"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            *others_seen, last = [visited.person.first_name for visited in form.visited()]
            messages.success(request, f"Visit recorded for {', '.join(others_seen)} and {last}" if others_seen else f"Visit recorded for {last}")
            return redirect("people:child", child.pk)
    return render(request, "casework/household_visit_form.html", {"child": child, "form": form, "others": others})


@require_GET
def visit(request: HttpRequest, child_id: int, visit_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="visit")
    found: Visit | None = child.visits.filter(pk=visit_id).select_related("recorded_by").first()
    if found is None:
        raise NoAccess
    return render(request, "casework/visit.html", {"child": child, "visit": found, "also_visited": _also_visited(request, found)})


def _also_visited(request: HttpRequest, found: Visit) -> list[Visit]:
    """The other children's visits recorded with this one, of children the user may open (a restricted sibling is
    never named to those who may not open her); their names go to the audit log as a list read."""
    if found.household_visit_id is None:
        return []
    visible = Child.objects.visible_to(request.user).values("pk")
    others = list(
        Visit.objects.filter(household_visit_id=found.household_visit_id, child_id__in=visible).exclude(pk=found.pk)
        .select_related("child__person").order_by("child__person__date_of_birth", "pk")
    )
    record_list_read(request.user, "children seen on the same visit", [other.child_id for other in others], request=request)
    return others


NOTE_ROUTES: dict[str, str] = {
    NoteKind.NOTE: "casework:new-note", NoteKind.PHONE_CALL: "casework:new-phone-call", NoteKind.EMAIL: "casework:new-email",
    NoteKind.LETTER: "casework:new-letter", NoteKind.MEETING: "casework:new-meeting",
}


@require_GET
def choose_note(request: HttpRequest, child_id: int) -> HttpResponse:
    """What to record: a case note, call, email, letter or meeting, each a short page of its own."""
    child = get_child_for_staff(request, child_id, what="choose what to record")
    choices = [(NOTE_ROUTES[kind], NOTE_PAGES[kind]["heading"]) for kind in NoteKind.values]
    return render(request, "casework/note_choose.html", {"child": child, "choices": choices})


@require_http_methods(["GET", "POST"])
def new_note(request: HttpRequest, child_id: int, kind: str) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what=f"new {NoteKind(kind).label.lower()}")
    form = _bind(NoteForm, request, kind=kind)
    if request.method == "POST" and "add_attendee" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.write_case_note(
                child, acting_user=request.user, kind=kind, occurred_at=form.occurred_at_value(), text=data["text"],
                subject=data.get("subject", ""), direction=data.get("direction", ""), with_whom=data.get("with_whom", ""),
                attendees=form.attendees(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{NoteKind(kind).label} recorded")
            return redirect("people:child", child.pk)
    return render(request, "casework/note_form.html", {"child": child, "form": form, "page": NOTE_PAGES[kind], "kind": kind})


@require_GET
def note(request: HttpRequest, child_id: int, note_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="case note")
    found: CaseNote | None = child.case_notes.filter(pk=note_id).select_related("author__agency").prefetch_related("attendees").first()
    if found is None:
        raise NoAccess
    return render(request, "casework/note.html", {"child": child, "note": found})


@require_http_methods(["GET", "POST"])
def open_episode(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="start an episode")
    form = _bind(OpenEpisodeForm, request, initial={"worker": request.user.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        worker = data["worker"]
        try:
            episode = actions.open_episode(
                child, data["kind"], started_on=data["started_on"], acting_user=request.user, worker=worker, team=worker.team,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{episode.get_kind_display()} episode started")
            return redirect("people:child", child.pk)
    return render(request, "casework/episode_open.html", {"child": child, "form": form})


@require_http_methods(["GET", "POST"])
def new_assessment(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="start an assessment")
    episode = _episode_of(child, episode_id)
    form = _bind(StartAssessmentForm, request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = actions.start_assessment(
                episode, acting_user=request.user, started_on=data["started_on"], due_on=data["due_on"], due_reason=data["due_reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Assessment started")
            return redirect("casework:assessment", child.pk, assessment.pk)
    return render(request, "casework/assessment_start.html", {"child": child, "episode": episode, "form": form})


class PageErrors(forms.Form):
    """Carries errors that belong to the whole assessment (authorising it, changing a completed one) to the page."""

    @classmethod
    def of(cls, request: HttpRequest, *messages_: str) -> "PageErrors":
        holder = cls(request.POST)
        holder.is_valid()
        for message in messages_:
            holder.add_error(None, message)
        return holder


def _assessment_page(
    request, child, assessment, *, form=None, by_when_form=None, authorise_form=None, page_errors=None, status=200,
) -> HttpResponse:
    if form is None and not assessment.is_complete:
        form = AssessmentForm(initial={
            name: getattr(assessment, name) for name in (*ASSESSMENT_TEXT_FIELDS, "decision", "primary_need", "factors")
        })
    if by_when_form is None and not assessment.is_complete:
        by_when_form = ChangeByWhenForm()
    history = list(assessment.by_when_dates.select_related("set_by"))
    can_authorise = rules.can_authorise(request.user, assessment)
    if authorise_form is None and can_authorise:
        authorise_form = AuthoriseForm()
    return render(request, "casework/assessment.html", {
        "child": child, "assessment": assessment, "form": form, "by_when_form": by_when_form, "authorise_form": authorise_form,
        "page_errors": page_errors, "current_by_when": history[0] if history else None, "history": history,
        "can_authorise": can_authorise, "written": [
            (title, getattr(assessment, f"{key}_strengths"), getattr(assessment, f"{key}_worries")) for title, key in AssessmentForm.DOMAINS
        ],
    }, status=status)


@require_http_methods(["GET", "POST"])
def assessment(request: HttpRequest, child_id: int, assessment_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="assessment")
    found = _assessment_of(child, assessment_id)
    if request.method == "GET":
        return _assessment_page(request, child, found)
    if found.is_complete:
        return _assessment_page(request, child, found, page_errors=PageErrors.of(request, "This assessment is complete and can no longer be changed"))
    form = AssessmentForm(request.POST)
    choice = request.POST.get("action")
    if form.is_valid():
        if choice not in {"save", "complete"}:
            form.add_error(None, "Choose 'Save draft' or 'Complete assessment'")
        else:
            try:
                actions.save_assessment(
                    found, acting_user=request.user, complete=choice == "complete", decision=form.cleaned_data["decision"],
                    primary_need=form.cleaned_data["primary_need"], factors=form.cleaned_data["factors"], **form.texts(),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Assessment completed" if choice == "complete" else "Draft saved")
                return redirect("casework:assessment", child.pk, found.pk)
    found.refresh_from_db()
    return _assessment_page(request, child, found, form=form)


@require_POST
def change_by_when(request: HttpRequest, child_id: int, assessment_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="change an assessment's 'by when' date")
    found = _assessment_of(child, assessment_id)
    form = ChangeByWhenForm(request.POST)
    if form.is_valid():
        try:
            actions.change_by_when(found, due_on=form.cleaned_data["due_on"], reason=form.cleaned_data["reason"], acting_user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "'By when' date changed")
            return redirect("casework:assessment", child.pk, found.pk)
    return _assessment_page(request, child, found, by_when_form=form)


@require_POST
def authorise_assessment(request: HttpRequest, child_id: int, assessment_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="authorise an assessment")
    found = _assessment_of(child, assessment_id)
    if refusal := rules.authorisation_refusal(request.user, found):
        note_refusal(request)  # a 403 like any other: the audit log keeps who tried
        return _assessment_page(request, child, found, page_errors=PageErrors.of(request, refusal), status=403)
    form = AuthoriseForm(request.POST)
    if not form.is_valid():
        return _assessment_page(request, child, found, authorise_form=form)
    try:
        actions.authorise_assessment(found, reasons=form.cleaned_data["authorisation_reasons"], acting_user=request.user)
    except ValidationError as error:
        found.refresh_from_db()
        if hasattr(error, "error_dict"):
            apply_errors(form, error)
            return _assessment_page(request, child, found, authorise_form=form)
        return _assessment_page(request, child, found, authorise_form=form, page_errors=PageErrors.of(request, *error.messages))
    messages.success(request, "Assessment authorised")
    return redirect("casework:assessment", child.pk, found.pk)
