"""Feedback pages: a child's feedback, recording it, answering a compliment or complaint, making a family's link,
a manager's summary of their teams' feedback by theme, and the family's one public form.

A child the user may not open, or feedback of another child, answers exactly like a missing id (``NoAccess``);
pages that record ask the same rule as the actions. The public form is the one page here open without signing in:
it shows no name and nothing of the record, and is rate-limited (``limits``).
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff, record_pk
from journey.access.rules import NoAccess
from journey.audit.log import client_ip
from journey.lib.dates import today
from journey.protection.forms import place

from . import actions, limits, rules, summary
from .forms import FeedbackForm, GiveForm, LinkForm, ResponseForm, wording
from .models import Feedback, FeedbackLink


def _recording_child(request: HttpRequest, child_id: int, what: str):
    child = get_child_for_staff(request, child_id, what=what)
    if not rules.can_record(request.user, child):
        raise NoAccess
    return child


def _feedback_of(child, feedback_id) -> Feedback:
    found = (
        Feedback.objects.filter(pk=record_pk(feedback_id), child=child)
        .select_related("recorded_by", "responded_by", "visit", "plan", "conference", "episode", "team").prefetch_related("themes").first()
    )
    if found is None:
        raise NoAccess
    return found


@require_GET
def child_feedback(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="feedback")
    found = Feedback.objects.filter(child=child).select_related("recorded_by").prefetch_related("themes")
    return render(request, "feedback/child_feedback.html", {
        "child": child, "feedback": found, "can_record": rules.can_record(request.user, child),
    })


@require_http_methods(["GET", "POST"])
def new_feedback(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _recording_child(request, child_id, "record feedback")
    form = FeedbackForm(request.POST if request.method == "POST" else None, child=child, initial={"received_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            made = actions.record_feedback(
                child, subject=form.subject(), source=form.cleaned_data["source"], kind=form.cleaned_data["kind"],
                received_on=form.cleaned_data["received_on"], said=form.cleaned_data["said"], themes=form.cleaned_data["themes"],
                acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, f"{made.get_kind_display()} recorded")
            return redirect("feedback:feedback", child.pk, made.pk)
    return render(request, "feedback/feedback_form.html", {"child": child, "form": form})


@require_GET
def feedback(request: HttpRequest, child_id: int, feedback_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="feedback")
    found = _feedback_of(child, feedback_id)
    return render(request, "feedback/feedback.html", {
        "child": child, "item": found, "can_respond": rules.can_respond(request.user, found),
    })


@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, child_id: int, feedback_id: int) -> HttpResponse:
    child = _recording_child(request, child_id, "answer feedback")
    found = _feedback_of(child, feedback_id)
    refusal = rules.response_refusal(request.user, found)
    form = ResponseForm(
        request.POST if request.method == "POST" else None, feedback=found,
        initial={"response": found.response, "responded_on": found.responded_on or today(), "outcome": found.outcome},
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            actions.respond_to_feedback(
                found, response=form.cleaned_data["response"], responded_on=form.cleaned_data["responded_on"],
                outcome=form.cleaned_data.get("outcome") or "", close=bool(form.cleaned_data.get("close")), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
            found.refresh_from_db()
        else:
            messages.success(request, "Complaint closed" if found.closed_on else "Response recorded")
            return redirect("feedback:feedback", child.pk, found.pk)
    return render(request, "feedback/respond.html", {"child": child, "item": found, "form": form, "refusal": refusal})


@require_http_methods(["GET", "POST"])
def new_link(request: HttpRequest, child_id: int) -> HttpResponse:
    """Make a family's link; the page that answers the POST is the only place its address is ever shown."""
    child = _recording_child(request, child_id, "make a feedback link")
    form = LinkForm(request.POST if request.method == "POST" else None, child=child)
    if request.method == "POST" and form.is_valid():
        try:
            link, token = actions.create_feedback_link(child, subject=form.subject(), for_whom=form.cleaned_data["for_whom"], acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            address = request.build_absolute_uri(reverse("feedback:give", args=[token]))
            return render(request, "feedback/link_made.html", {"child": child, "link": link, "address": address})
    return render(request, "feedback/link_form.html", {"child": child, "form": form})


@require_GET
def team_summary(request: HttpRequest) -> HttpResponse:
    if not rules.can_see_summary(request.user):
        raise NoAccess
    result = summary.for_manager(request.user, request.GET, request=request)
    return render(request, "feedback/summary.html", {"result": result, "periods": summary.PERIODS.items()})


# The token is in the address: send no page address onward (only the origin, which the form's CSRF check needs;
# "no-referrer" makes the browser post "Origin: null", which Django rightly refuses).
PUBLIC_HEADERS = {"Referrer-Policy": "strict-origin", "X-Robots-Tag": "noindex, nofollow"}


def _public(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, f"feedback/public/{template}", context, status=status)
    for name, value in PUBLIC_HEADERS.items():
        response[name] = value
    return response


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def give(request: HttpRequest, token: str) -> HttpResponse:
    """The family's form, opened by the token in their link: no sign-in, no names, used once, expiring."""
    address = client_ip(request)
    if limits.limited(address):
        return _public(request, "limited.html", {}, status=429)
    link = FeedbackLink.objects.filter(token_hash=actions.token_hash(token)).select_related("child__person").first() if len(token) <= 100 else None
    limits.count_try(address, bad_token=link is None)
    if link is None:
        return _public(request, "unknown.html", {}, status=404)
    if (state := actions.link_state(link)) is not None:
        return _public(request, f"{state}.html", {}, status=410)
    words = wording(link.for_whom, rules.age_band(link.child.date_of_birth, today()))
    form = GiveForm(request.POST if request.method == "POST" else None, words=words)
    if request.method == "POST" and form.is_valid():
        try:
            actions.give_feedback_through_link(link.pk, kind=form.cleaned_data["kind"], themes=form.cleaned_data["themes"], said=form.cleaned_data["said"])
        except actions.LinkRefused as refused:
            return _public(request, f"{refused.reason}.html", {}, status=410)
        except ValidationError as error:
            place(form, error)
        else:
            return _public(request, "thanks.html", {"words": words})
    return _public(request, "give.html", {"form": form, "words": words, "about": link.get_about_display().lower(), "for_child": words != "adult"})
