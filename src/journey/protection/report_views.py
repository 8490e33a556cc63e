"""A partner's report for a child protection conference: written on the partner's own page (reached from the
child's shared page) and read by the partner who wrote it and by local authority staff who may open the record.

The child is fetched through the access rules for whoever asks (the read is logged), and a report only within that
child, so another child's report id answers like a missing one; a partner reads only the reports they wrote."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for
from journey.access.rules import NoAccess

from .forms import place
from .models import ConferenceReport
from .report_actions import conference_awaited, submit_conference_report
from .report_forms import ConferenceReportForm


def _require_partner(request: HttpRequest) -> None:
    if not (request.user.is_authenticated and request.user.is_partner):
        raise NoAccess


@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest, child_id: int) -> HttpResponse:
    _require_partner(request)
    child = get_child_for(request.user, child_id, what="send a conference report", request=request)
    awaited = conference_awaited(child)
    form = ConferenceReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and awaited is not None and form.is_valid():
        try:
            sent = submit_conference_report(child, form.report(), acting_user=request.user)
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Report sent to the conference")
            return redirect("protection:report", child.pk, sent.pk)
    return render(request, "protection/report_form.html", {"child": child, "form": form, "awaited": awaited})


@require_GET
def report(request: HttpRequest, child_id: int, report_id: int) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        raise NoAccess
    child = get_child_for(user, child_id, what="conference report", request=request)
    found = ConferenceReport.objects.filter(child=child, pk=report_id).select_related("agency", "author", "conference").first()
    if found is None or (user.is_partner and found.author_id != user.pk):
        raise NoAccess
    return render(request, "protection/report.html", {"child": child, "report": found})
