"""The partnership's board of recommendations to action, recording one, and its page, where its owner adds actions
and progress and closes it with its outcome (decision record 0021). No child's data appears on any of them."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import record_pk
from journey.access.rules import NoAccess
from journey.casework.team import page_of
from journey.protection.forms import place

from . import recommendation_actions as actions
from . import recommendation_rules as rules
from .recommendation_forms import ActionForm, BoardFilter, CloseForm, ProgressForm, RecommendationForm
from .recommendation_models import ProgressUpdate, Recommendation
from .review_models import ReviewFinding
from .review_rules import reviews_for


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    """Every recommendation with its status, owner, source and latest progress, filterable by status."""
    if not rules.can_see_board(request.user):
        raise NoAccess
    chosen = BoardFilter(request.GET)
    status = chosen.cleaned_data.get("status") if chosen.is_valid() else ""
    latest = ProgressUpdate.objects.filter(recommendation=OuterRef("pk")).order_by("-written_on", "-pk")
    rows = Recommendation.objects.select_related("owner", "finding").annotate(
        latest_on=Subquery(latest.values("written_on")[:1]), latest_text=Subquery(latest.values("text")[:1]),
    ).order_by("status", "-recorded_at", "-pk")
    if status:
        rows = rows.filter(status=status)
    page = page_of(rows, request.GET.get("page"))
    return render(request, "learning/recommendations/board.html", {
        "page": page, "filter": chosen, "status": status, "can_record": rules.can_record(request.user),
    })


@require_http_methods(["GET", "POST"])
def new_recommendation(request: HttpRequest) -> HttpResponse:
    if not rules.can_record(request.user):
        raise NoAccess
    findings = ReviewFinding.objects.filter(review__in=reviews_for(request.user)).order_by("review_id", "pk")
    initial = {}
    if (wanted := request.GET.get("finding", "")).isdigit() and findings.filter(pk=int(wanted)).exists():
        initial = {"finding": int(wanted), "source_kind": "review_finding"}
    form = RecommendationForm(request.POST or None, initial=initial, findings=findings)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = actions.record_recommendation(
                title=data["title"], source_kind=data["source_kind"], finding=data.get("finding"), source_detail=data["source_detail"],
                options_weighed=data["options_weighed"], owner=data.get("owner"), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Recommendation recorded: add its actions")
            return redirect("learning:recommendation", made.pk)
    return render(request, "learning/recommendations/new.html", {"form": form})


def _recommendation(user, recommendation_id) -> Recommendation:
    if not rules.can_see_board(user):
        raise NoAccess
    found = Recommendation.objects.filter(pk=record_pk(recommendation_id)).select_related("owner", "finding", "recorded_by", "closed_by").first()
    if found is None:
        raise NoAccess
    return found


def _page(request: HttpRequest, found: Recommendation, status: int = 200, **forms) -> HttpResponse:
    changes = rules.can_change(request.user, found)
    context = {"recommendation": found, "changes": changes, "actions": found.actions.select_related("owner"),
               "updates": found.updates.select_related("written_by")}
    if changes:
        context |= {"action_form": ActionForm(), "progress_form": ProgressForm(), "close_form": CloseForm()} | forms
    return render(request, "learning/recommendations/recommendation.html", context, status=status)


@require_GET
def recommendation(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    return _page(request, _recommendation(request.user, recommendation_id))


def _changing(request: HttpRequest, recommendation_id: int) -> Recommendation:
    found = _recommendation(request.user, recommendation_id)
    if rules.changing_refusal(request.user, found) is not None:
        raise NoAccess
    return found


@require_POST
def add_action(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    found = _changing(request, recommendation_id)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            actions.add_action(found, description=form.cleaned_data["description"], owner=form.cleaned_data.get("owner"),
                               by_when=form.cleaned_data.get("by_when"), acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Action added")
            return redirect("learning:recommendation", found.pk)
    return _page(request, found, status=400, action_form=form)


@require_POST
def add_progress(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    found = _changing(request, recommendation_id)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            actions.record_progress(found, written_on=form.cleaned_data.get("written_on"), text=form.cleaned_data["text"], acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Progress recorded")
            return redirect("learning:recommendation", found.pk)
    return _page(request, found, status=400, progress_form=form)


@require_POST
def close(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    found = _changing(request, recommendation_id)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            actions.close_recommendation(found, outcome=form.cleaned_data["outcome"], impact_evidence=form.cleaned_data["impact_evidence"],
                                         acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Recommendation closed")
            return redirect("learning:recommendation", found.pk)
    return _page(request, found, status=400, close_form=form)
