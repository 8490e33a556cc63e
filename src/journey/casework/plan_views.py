"""Plan pages: a child's plans, writing one with the family, reading each version, reviewing, ending and printing.

The child is fetched through ``get_child_for_staff`` (the read is logged) and the plan, its episode and a version only
within that child, so an id from another child's record answers like a missing one. Reading a plan is for anyone
who may open the record; writing, reviewing and ending it for those ``rules.plan_refusal`` allows, asked here and by
the action. "Check reading age" posts the form back with the figure and saves nothing, so it works without
JavaScript.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess
from journey.chronology.printing import PrintingUnavailable
from journey.lib.dates import today
from journey.people.models import Child

from . import plan_actions, queries, rules
from .models import FAMILY_FACING_TEXTS, Episode, Plan, PlanVersion
from .plan_forms import EndPlanForm, PlanForm, prefilled
from .printing import PrintedPlan, plan_pdf
from .readability import ADVICE, READING_AGE_TARGET, plan_reading_age

MOST_VERSIONS = 32767  # the largest number a version's field holds


def _plan_of(child: Child, plan_id: int) -> Plan:
    plan = child.plans.filter(pk=plan_id).select_related("episode", "author").first()
    if plan is None:
        raise NoAccess
    return plan


def _version_of(plan: Plan, number: int | None = None) -> PlanVersion:
    """A version of the plan with its steps, the latest if no number is given."""
    if number is not None and not 0 < number <= MOST_VERSIONS:
        raise NoAccess
    versions = plan.versions.select_related("written_by").prefetch_related("steps")
    found = versions.filter(number=number).first() if number is not None else versions.order_by("-number").first()
    if found is None:
        raise NoAccess
    return found


def _reading(texts: list[str]) -> dict:
    figure = plan_reading_age(texts)
    return {"reading_age": figure, "reading_target": READING_AGE_TARGET, "reading_advice": ADVICE,
            "reading_over": figure is not None and figure > READING_AGE_TARGET}


def _version_texts(version: PlanVersion) -> list[str]:
    return [getattr(version, name) for name in FAMILY_FACING_TEXTS] + [step.does_what for step in version.steps.all()]


@require_GET
def plans(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="plans")
    found = list(child.plans.select_related("author").prefetch_related(
        Prefetch("versions", queryset=PlanVersion.objects.order_by("-number").select_related("written_by")),
    ).order_by("-started_on", "-id"))
    return render(request, "casework/plan_list.html", {
        "child": child, "plans": found, "counts": queries.plan_counts(found), "can_write": rules.can_write_plan(request.user, child),
        "open_episodes": list(child.episodes.filter(ended_on__isnull=True).order_by("started_on")),
    })


def _form_page(request: HttpRequest, template_context: dict, form: PlanForm) -> HttpResponse:
    return render(request, "casework/plan_form.html", {**template_context, "form": form, "step_rows": form.step_rows()})


@require_http_methods(["GET", "POST"])
def new_plan(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="write a plan")
    episode: Episode | None = child.episodes.filter(pk=episode_id).first()
    if episode is None or not rules.can_write_plan(request.user, child):
        raise NoAccess
    context: dict = {"child": child, "episode": episode, "heading": "Write a plan with the family", "button": "Save plan"}
    if request.method == "GET":
        return _form_page(request, context, PlanForm(initial={"started_on": today()}))
    form = PlanForm(request.POST)
    if "check" in request.POST:
        form.hold()
        return _form_page(request, {**context, **_reading(form.family_texts()), "checked": True}, form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            plan = plan_actions.write_plan(episode, kind=data["kind"], started_on=data["started_on"], content=form.content(),
                                           steps=form.steps(), acting_user=request.user)
        except ValidationError as error:
            form.place(error)
        else:
            messages.success(request, f"{plan.get_kind_display()} written")
            return redirect("casework:plan", child.pk, plan.pk)
    return _form_page(request, context, form)


def _plan_page(request: HttpRequest, child: Child, plan: Plan, version: PlanVersion, *, end_form=None, status=200) -> HttpResponse:
    numbers = list(plan.versions.order_by("-number").values_list("number", "reviewed_on", "written_at"))
    latest = numbers[0][0] if numbers else None
    return render(request, "casework/plan.html", {
        "child": child, "plan": plan, "version": version, "is_latest": version.number == latest,
        "versions": [{"number": n, "agreed_on": reviewed_on or plan.started_on, "written_at": at} for n, reviewed_on, at in numbers],
        "can_write": rules.can_write_plan(request.user, child), "end_form": end_form or EndPlanForm(initial={"ended_on": today()}),
        **_reading(_version_texts(version)),
    }, status=status)


@require_GET
def plan(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    """The plan as it stands: its latest version, with the earlier ones listed, each readable."""
    child = get_child_for_staff(request, child_id, what="plan")
    found = _plan_of(child, plan_id)
    return _plan_page(request, child, found, _version_of(found))


@require_GET
def plan_version(request: HttpRequest, child_id: int, plan_id: int, number: int) -> HttpResponse:
    """One version as it was agreed: a review never changes the versions before it."""
    child = get_child_for_staff(request, child_id, what="plan version")
    found = _plan_of(child, plan_id)
    return _plan_page(request, child, found, _version_of(found, number))


@require_http_methods(["GET", "POST"])
def review_plan(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    """A review with the family writes the next version, starting from the last one's words and steps."""
    child = get_child_for_staff(request, child_id, what="review a plan")
    found = _plan_of(child, plan_id)
    if not rules.can_write_plan(request.user, child):
        raise NoAccess
    last = _version_of(found)
    context: dict = {"child": child, "episode": found.episode, "plan": found, "last": last, "review": True,
                     "heading": f"Review the {found.get_kind_display().lower()}", "button": "Save review"}
    if request.method == "GET":
        return _form_page(request, context, PlanForm(review=True, initial={**prefilled(last), "reviewed_on": today()}))
    form = PlanForm(request.POST, review=True)
    if "check" in request.POST:
        form.hold()
        return _form_page(request, {**context, **_reading(form.family_texts()), "checked": True}, form)
    if form.is_valid():
        try:
            version = plan_actions.review_plan(found, reviewed_on=form.cleaned_data["reviewed_on"], content=form.content(),
                                               steps=form.steps(), acting_user=request.user)
        except ValidationError as error:
            form.place(error)
        else:
            messages.success(request, f"Review saved as version {version.number}")
            return redirect("casework:plan", child.pk, found.pk)
    return _form_page(request, context, form)


@require_POST
def end_plan(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="end a plan")
    found = _plan_of(child, plan_id)
    if not rules.can_write_plan(request.user, child):
        raise NoAccess
    form = EndPlanForm(request.POST)
    if form.is_valid():
        try:
            plan_actions.end_plan(found, ended_on=form.cleaned_data["ended_on"], acting_user=request.user)
        except ValidationError as error:
            form.add_error("ended_on" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, f"{found.get_kind_display()} ended")
            return redirect("casework:plan", child.pk, found.pk)
    return _plan_page(request, child, found, _version_of(found), end_form=form)


@require_GET
def print_plan(request: HttpRequest, child_id: int, plan_id: int) -> HttpResponse:
    """The plan's latest version on paper for the family, in large type. Printing is a read of the record."""
    child = get_child_for_staff(request, child_id, what="print a plan for the family (PDF)")
    found = _plan_of(child, plan_id)
    version = _version_of(found)
    printed_at = timezone.localtime()
    printed = PrintedPlan(
        first_name=child.person.known_as or child.person.first_name, plan=found, version=version, steps=list(version.steps.all()),
        agreed_on=version.reviewed_on or found.started_on, printed_at=printed_at,
    )
    try:
        pdf = plan_pdf(printed)
    except PrintingUnavailable:
        return render(request, "casework/plan_print_unavailable.html", {"child": child, "plan": found}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-{child.pk}-{found.pk}-v{version.number}-{printed_at:%Y-%m-%d}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
