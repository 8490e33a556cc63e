"""Case audit pages: the list of one's rounds and audits, making a round, a round's page (its sample, as far as the
reader may open each child), changing its grant, recording a child's audit, the audit's page with the practitioner's
view, and findings by theme over time.

A round, sample or audit the user may not reach answers exactly like a missing id (``NoAccess``). Each child shown is
logged as read (``record_list_read``), and each audit opened as a read of its child's record (``record_read``).
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for, record_pk
from journey.access.rules import NoAccess, require_staff
from journey.audit.log import record_list_read, record_read
from journey.lib.dates import today
from journey.lib.forms import apply_errors
from journey.people.models import Child

from . import audit_actions as actions
from . import audit_queries as queries
from . import audit_rules as rules
from .audit_forms import AuditForm, GrantForm, PractitionerViewForm, RoundForm
from .audit_models import CaseAudit, CaseAuditRound, SampledChild


def _round(user, round_id) -> CaseAuditRound:
    found = CaseAuditRound.objects.filter(pk=record_pk(round_id)).select_related("framework", "made_by").first()
    if found is None or not rules.reads_round(user, found):
        raise NoAccess
    return found


def _audit(user, audit_id) -> CaseAudit:
    found = (
        CaseAudit.objects.filter(rules.readers_of(user), pk=record_pk(audit_id))
        .select_related("child__person", "sample__round__framework", "sample__practitioner", "auditor", "overall", "view_recorded_by")
        .prefetch_related("findings__theme", "findings__grade").first()
    )
    if found is None:
        raise NoAccess
    return found


@require_GET
def audits(request: HttpRequest) -> HttpResponse:
    """The rounds the user made, the rounds they audit while access lasts, and the audits of their own work."""
    user = request.user
    require_staff(user)
    made = CaseAuditRound.objects.filter(made_by_id=user.pk).select_related("framework")
    auditing = CaseAuditRound.objects.granting().filter(auditors=user).select_related("framework", "made_by")
    of_my_work = list(
        CaseAudit.objects.filter(rules.readers_of(user), sample__practitioner_id=user.pk)
        .select_related("child__person", "overall", "sample__round").order_by("-audited_on", "-pk")[:100]
    )
    record_list_read(user, "case audits of my work", [audit.child for audit in of_my_work], request=request)
    return render(request, "learning/audits/index.html", {
        "made": made, "auditing": auditing, "of_my_work": of_my_work, "can_make": rules.can_make_round(user),
    })


@require_http_methods(["GET", "POST"])
def new_round(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not rules.can_make_round(user):
        raise NoAccess
    if request.method == "POST":
        form = RoundForm(request.POST, maker=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                made = actions.make_round(
                    title=data["title"], framework=data["framework"], method=data["method"], seed=data.get("seed"), criteria=form.criteria(),
                    as_of=data["as_of"], size=data["size"], auditors=list(data["auditors"]), grant_starts_on=data["grant_starts_on"],
                    grant_ends_on=data["grant_ends_on"], acting_user=user,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Audit round made: {made.sample.count()} children sampled")
                return redirect("learning:audit-round", made.pk)
    else:
        form = RoundForm(initial={"as_of": today(), "grant_starts_on": today(), "size": 10, "method": "random"}, maker=user)
    return render(request, "learning/audits/round_form.html", {"form": form})


@require_GET
def round_page(request: HttpRequest, round_id: int) -> HttpResponse:
    """The round: how it was drawn, its auditors and grant, and each sampled child the reader may open, with its audit."""
    user = request.user
    found = _round(user, round_id)
    visible = Child.objects.visible_to(user).values("pk")
    sample = list(found.sample.filter(child__in=visible).select_related("child__person", "practitioner", "audit__overall"))
    hidden = found.sample.exclude(child__in=visible).count()
    record_list_read(user, f"case audit round {found.pk}: its sample", [s.child for s in sample], request=request)
    return render(request, "learning/audits/round.html", {
        "round": found, "sample": sample, "hidden": hidden, "auditors": found.auditors.order_by("first_name", "last_name"),
        "criteria": rules.describe(found.criteria), "is_maker": found.made_by_id == user.pk,
        "may_audit": rules.audit_refusal(user, found) is None,
    })


@require_http_methods(["GET", "POST"])
def round_grant(request: HttpRequest, round_id: int) -> HttpResponse:
    """Extend the auditors' access, or end it now: the round's maker only."""
    user = request.user
    found = _round(user, round_id)
    if found.made_by_id != user.pk:
        raise NoAccess
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if "end" in request.POST:
                actions.end_grant(found, acting_user=user)
                messages.success(request, "The auditors' access has ended")
            else:
                actions.extend_grant(found, ends_on=form.cleaned_data.get("grant_ends_on"), acting_user=user)
                messages.success(request, "The auditors' access is extended")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("learning:audit-round", found.pk)
    return render(request, "learning/audits/grant.html", {"round": found, "form": form})


@require_http_methods(["GET", "POST"])
def new_audit(request: HttpRequest, sample_id: int) -> HttpResponse:
    """Record the audit of one sampled child: an auditor named on the round, while its grant lasts."""
    user = request.user
    sample = SampledChild.objects.filter(pk=record_pk(sample_id)).select_related("round__framework", "practitioner").first()
    if sample is None or rules.audit_refusal(user, sample.round) is not None:
        raise NoAccess
    child = get_child_for(user, sample.child_id, what="case audit", request=request)
    existing = CaseAudit.objects.filter(sample=sample).values_list("pk", flat=True).first()
    if existing is not None:
        return redirect("learning:case-audit", existing)
    framework = sample.round.framework
    if request.method == "POST":
        form = AuditForm(request.POST, framework=framework)
        if form.is_valid():
            data = form.cleaned_data
            try:
                made = actions.record_audit(
                    sample, audited_on=data["audited_on"], overall=data["overall"], working_well=data["working_well"],
                    needs_to_change=data["needs_to_change"], findings=form.findings(), acting_user=user,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Case audit recorded")
                return redirect("learning:case-audit", made.pk)
    else:
        form = AuditForm(initial={"audited_on": today()}, framework=framework)
    return render(request, "learning/audits/audit_form.html", {"form": form, "sample": sample, "child": child})


@require_GET
def audit_page(request: HttpRequest, audit_id: int) -> HttpResponse:
    user = request.user
    found = _audit(user, audit_id)
    record_read(user, found.child, "case audit", request=request)
    return render(request, "learning/audits/audit.html", {
        "audit": found, "may_add_view": rules.view_refusal(user, found) is None,
    })


@require_http_methods(["GET", "POST"])
def practitioner_view(request: HttpRequest, audit_id: int) -> HttpResponse:
    """Record that the audit was talked through with the practitioner, and their view of it."""
    user = request.user
    found = _audit(user, audit_id)
    if found.talked_through_on is not None:
        return redirect("learning:case-audit", found.pk)
    if rules.view_refusal(user, found) is not None:
        raise NoAccess
    record_read(user, found.child, "case audit: the practitioner's view", request=request)
    form = PractitionerViewForm(request.POST or None, initial={"talked_through_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_practitioner_view(found, talked_through_on=form.cleaned_data["talked_through_on"],
                                             view=form.cleaned_data["practitioner_view"], acting_user=user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "The practitioner's view is recorded")
            return redirect("learning:case-audit", found.pk)
    return render(request, "learning/audits/view_form.html", {"audit": found, "form": form})


def _int(value, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


@require_GET
def themes(request: HttpRequest) -> HttpResponse:
    """Findings by theme and grade per quarter, each figure a link to the audits behind it; with ``year``,
    ``quarter``, ``theme`` and ``grade`` in the address, those audits."""
    user = request.user
    require_staff(user)
    quarters, grades = queries.findings_by_quarter(user)
    asked = [_int(request.GET.get(key), low, high) for key, low, high in
             (("year", 1900, 9999), ("quarter", 1, 4), ("theme", 0, 2**63 - 1), ("grade", 1, 2**63 - 1))]
    behind = None
    if all(value is not None for value in asked):
        year, quarter, theme, grade = (int(value) for value in asked)  # type: ignore[arg-type]
        behind = list(queries.audits_behind(user, year=year, quarter=quarter, theme=theme, grade=grade)[:200])
    record_list_read(user, "case audit findings by theme", [audit.child for audit in behind or []], request=request)
    tables = [(quarter, quarter.table(grades)) for quarter in quarters]
    return render(request, "learning/audits/themes.html", {"tables": tables, "grades": grades, "behind": behind, "asked": asked, "overall": queries.OVERALL})
