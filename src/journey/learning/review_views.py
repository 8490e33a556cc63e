"""Systems case review pages: the user's reviews, commissioning one, a review's page (terms, team, episodes,
findings), its timeline, marking an episode and writing a finding (decision record 0021).

A review the user is not on answers exactly like a missing id (``NoAccess``); so do its timeline and work pages once
it is closed. Each page that shows the child's entries or name logs the read against the child (``record_read``).
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import record_pk
from journey.access.rules import NoAccess
from journey.audit.log import record_list_read, record_read
from journey.casework.team import page_of
from journey.chronology.models import ChronologyEntry
from journey.lib.forms import apply_errors
from journey.people.models import Child
from journey.protection.forms import place

from . import review_actions as actions
from . import review_rules as rules
from .review_forms import CommissionForm, EpisodeForm, FindingForm, MemberForm
from .review_models import CaseReview
from .review_timeline import timeline_of


def _review(user, review_id, refusal) -> CaseReview:
    found = CaseReview.objects.filter(pk=record_pk(review_id)).select_related("child__person", "commissioned_by").first()
    if found is None or refusal(user, found) is not None:
        raise NoAccess
    return found


@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    """The reviews the user commissioned or is on the team of."""
    page = page_of(rules.reviews_for(request.user).select_related("child__person", "commissioned_by"), request.GET.get("page"))
    record_list_read(request.user, "case reviews: the reviews the user is on", [review.child_id for review in page], request=request)
    return render(request, "learning/reviews/reviews.html", {"page": page, "can_commission": rules.can_commission(request.user)})


@require_http_methods(["GET", "POST"])
def new_review(request: HttpRequest) -> HttpResponse:
    if not rules.can_commission(request.user):
        raise NoAccess
    form = CommissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number = form.record_number()
        child = Child.objects.visible_to(request.user).filter(pk=number).first() if number else None
        try:
            made = actions.commission_review(
                child, reason=form.cleaned_data["reason"], terms_of_reference=form.cleaned_data["terms_of_reference"],
                period_from=form.cleaned_data.get("period_from"), period_to=form.cleaned_data.get("period_to"), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Case review commissioned: name its team")
            return redirect("learning:review", made.pk)
    return render(request, "learning/reviews/new.html", {"form": form})


def _entries_of(review: CaseReview) -> dict[str, ChronologyEntry]:
    keys = [entry.entry_key for episode in review.episodes.all() for entry in episode.entries.all()]
    return {entry.key: entry for entry in timeline_of(review).filter(key__in=keys)}


def _review_page(request: HttpRequest, review: CaseReview, member_form: MemberForm | None = None, status: int = 200) -> HttpResponse:
    record_read(request.user, review.child, "case review", request=request)
    review = CaseReview.objects.prefetch_related(
        "members__user__agency", "episodes__entries", "episodes__factors", "findings__drawn_on__episode", "findings__recommendations",
    ).select_related("child__person", "commissioned_by", "closed_by").get(pk=review.pk)
    leads = rules.leading_refusal(request.user, review) is None
    if review.is_open:
        entries = _entries_of(review)
        for episode in review.episodes.all():
            episode.shown = [entries.get(marked.entry_key) for marked in episode.entries.all()]  # type: ignore[attr-defined]
    return render(request, "learning/reviews/review.html", {
        "review": review, "leads": leads, "works": rules.working_refusal(request.user, review) is None,
        "member_form": member_form or (MemberForm() if leads else None),
    }, status=status)


@require_GET
def review(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_page(request, _review(request.user, review_id, rules.reading_refusal))


@require_POST
def add_member(request: HttpRequest, review_id: int) -> HttpResponse:
    found = _review(request.user, review_id, rules.leading_refusal)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            member = actions.add_member(found, form.cleaned_data.get("user"), acting_user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{member.user.display_name} joined the review team")
            return redirect("learning:review", found.pk)
    return _review_page(request, found, form, status=400)


@require_POST
def close_review(request: HttpRequest, review_id: int) -> HttpResponse:
    found = _review(request.user, review_id, rules.leading_refusal)
    try:
        actions.close_review(found, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Review closed: its findings stay, its timeline is no longer read")
    return redirect("learning:review", found.pk)


@require_GET
def timeline(request: HttpRequest, review_id: int) -> HttpResponse:
    """Every agency's entries on the child's chronology for the review's period, to mark episodes on."""
    found = _review(request.user, review_id, rules.working_refusal)
    page = page_of(timeline_of(found), request.GET.get("page"))
    record_read(request.user, found.child, "case review timeline", request=request)
    marked = set(found.episodes.values_list("entries__entry_key", flat=True))
    return render(request, "learning/reviews/timeline.html", {"review": found, "page": page, "marked": marked})


@require_http_methods(["GET", "POST"])
def new_episode(request: HttpRequest, review_id: int) -> HttpResponse:
    found = _review(request.user, review_id, rules.working_refusal)
    chosen = request.POST.getlist("entries") if request.method == "POST" else request.GET.getlist("entries")
    offered = timeline_of(found).filter(key__in=chosen[:200])
    record_read(request.user, found.child, "case review: marking a key practice episode", request=request)
    form = EpisodeForm(request.POST or None, initial={"entries": chosen}, timeline=offered)
    if request.method == "POST" and form.is_valid():
        try:
            actions.mark_episode(
                found, title=form.cleaned_data["title"], what_happened=form.cleaned_data["what_happened"],
                why_it_made_sense=form.cleaned_data["why_it_made_sense"], entry_keys=form.cleaned_data["entries"],
                factors=form.factors(), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Key practice episode marked")
            return redirect("learning:review", found.pk)
    return render(request, "learning/reviews/episode_form.html", {"review": found, "form": form})


@require_http_methods(["GET", "POST"])
def new_finding(request: HttpRequest, review_id: int) -> HttpResponse:
    found = _review(request.user, review_id, rules.working_refusal)
    form = FindingForm(request.POST or None, review=found)
    if request.method == "POST" and form.is_valid():
        try:
            actions.write_finding(
                found, title=form.cleaned_data["title"], pattern=form.cleaned_data["pattern"], evidence=form.cleaned_data["evidence"],
                episodes=list(form.cleaned_data["episodes"]), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Finding written")
            return redirect("learning:review", found.pk)
    return render(request, "learning/reviews/finding_form.html", {"review": found, "form": form})
