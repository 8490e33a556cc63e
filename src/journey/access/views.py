"""Access pages: break-glass, the grants a child's manager gives and withdraws, and the page a partner agency sees."""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.audit.log import record_list_read
from journey.lib.forms import apply_errors

from . import actions
from .fetch import get_child_for_staff, get_child_to_break_glass
from .forms import BreakGlassForm, GrantForm
from .middleware import note_refusal
from .models import BreakGlass, ExplicitAccess
from .rules import NoAccess, can_break_glass, can_manage_grants, can_review_break_glass, involvement

REVIEW_PERIODS = {"7": "Last 7 days", "28": "Last 28 days", "90": "Last 90 days"}


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, child_id: int) -> HttpResponse:
    """The same form is on the no-access page. The reason is checked before the child is looked up, and a child
    that does not exist answers with the no-access page, so nothing here tells whether a record exists."""
    if not can_break_glass(request.user):
        raise NoAccess
    form = BreakGlassForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        child = get_child_to_break_glass(request.user, child_id)
        if involvement(request.user, child) is not None:
            return redirect("people:child", child.pk)
        try:
            use = actions.break_glass(child, acting_user=request.user, reason=form.cleaned_data["reason"], request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Emergency access until {use.expires_at:%H:%M} on {use.expires_at:%-d %B %Y}")
            return redirect("people:child", child.pk)
    context = {"form": form, "child_id": child_id, "break_glass_hours": actions.break_glass_hours()}
    return render(request, "access/break_glass.html", context)


def _child_to_manage(request: HttpRequest, child_id: int):
    child = get_child_for_staff(request, child_id, what="access to the record")
    if not can_manage_grants(request.user, child):
        raise NoAccess
    return child


def _render_grants(request: HttpRequest, child, form: Form, revoke_form: Form | None = None) -> HttpResponse:
    grants = ExplicitAccess.objects.filter(child=child).select_related("user", "team", "granted_by", "revoked_by")
    context = {"child": child, "form": form, "revoke_form": revoke_form, "grants": list(grants)}
    return render(request, "access/grants.html", context)


@require_http_methods(["GET", "POST"])
def grants(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _child_to_manage(request, child_id)
    form = GrantForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            grant = actions.grant_access(child, acting_user=request.user, **form.action_kwargs())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{grant.grantee} can now see {child.name}'s record")
            return redirect("access:grants", child.pk)
    return _render_grants(request, child, form)


@require_POST
def revoke(request: HttpRequest, child_id: int, grant_id: int) -> HttpResponse:
    child = _child_to_manage(request, child_id)
    grant = ExplicitAccess.objects.filter(child=child, pk=grant_id).select_related("user", "team").first()
    if grant is None:
        raise NoAccess
    try:
        actions.revoke_access(grant, acting_user=request.user)
    except ValidationError as error:
        revoke_form = Form({})
        revoke_form.full_clean()
        apply_errors(revoke_form, error)
        return _render_grants(request, child, GrantForm(), revoke_form)
    messages.success(request, f"Access for {grant.grantee} is withdrawn")
    return redirect("access:grants", child.pk)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's answer to a form without a valid CSRF token, as a GOV.UK page; logged as a refusal like any other
    403, since a forged cross-site request is an attempt to act as someone."""
    note_refusal(request)
    return render(request, "access/csrf_failure.html", status=403)


@require_GET
def break_glass_uses(request: HttpRequest) -> HttpResponse:
    """The Caldicott guardian's review of emergency openings, newest first: the daily report's rows for a longer
    period, so a pattern (one user, one child, one reason) shows. The children named are logged as shown."""
    if not can_review_break_glass(request.user):
        raise NoAccess
    days = request.GET.get("days", "28")
    if days not in REVIEW_PERIODS:
        days = "28"
    now = timezone.now()
    uses = list(BreakGlass.objects.between(now - timedelta(days=int(days)), now))[::-1]
    record_list_read(request.user, "break-glass uses", [use.child for use in uses], request=request)
    context = {
        "uses": uses, "days": days, "periods": REVIEW_PERIODS, "period_label": REVIEW_PERIODS[days],
        "people": len({use.user_id for use in uses}),
    }
    return render(request, "access/break_glass_uses.html", context)
