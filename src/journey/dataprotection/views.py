"""The data protection officer's pages, and recording information shared from a child's record.

The officer's pages answer anyone else with the 'no access' page. The officer's scope is every record, so each of
their lists (open requests, the person search, the retention report, the sharing log) writes one audit event per
view naming the children and people it showed. Recording a share is casework: any local authority user who may
open the child's record may record one; partners may not.
"""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import MAX_ID, get_child_for_staff, record_pk
from journey.access.rules import NoAccess
from journey.audit.log import record_list_read
from journey.lib.dates import today
from journey.lib.forms import apply_errors
from journey.people.models import Person

from . import actions
from .forms import FindPersonForm, InformationShareForm, RetentionFilterForm, SarResponseForm, SubjectAccessRequestForm
from .models import InformationShare, SubjectAccessRequest
from .retention import due_for_review, records_per_rule
from .rules import children_in_scope, require_officer
from .search import find_people

PAGE_SIZE = 50


def _sar(request: HttpRequest, sar_id: int) -> SubjectAccessRequest:
    require_officer(request.user)
    sar = SubjectAccessRequest.objects.select_related("person", "recorded_by", "exported_by").filter(pk=min(sar_id, MAX_ID)).first()
    if sar is None:
        raise NoAccess
    return sar


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    require_officer(request.user)
    open_requests = list(
        SubjectAccessRequest.objects.filter(responded_on__isnull=True)
        .select_related("person__child_record").order_by("due_on", "id")
    )
    _record_people_shown(request, "data protection: open subject access requests", [sar.person for sar in open_requests])
    return render(request, "dataprotection/start.html", {"open_requests": open_requests, "today": today()})


def _record_people_shown(request: HttpRequest, what: str, people: list[Person]) -> None:
    """People lists name adults as well as children: both go to the log, the children's ids as children (the ids
    a child's 'who has looked' is asked by), everyone's as people."""
    children = dict.fromkeys(person.child_record.pk for person in people if hasattr(person, "child_record"))
    record_list_read(request.user, what, children, request=request, people=dict.fromkeys(person.pk for person in people))


def _chosen_person(request: HttpRequest) -> Person | None:
    raw = request.GET.get("person")
    if raw is None:
        return None
    visible = Person.objects.filter(Q(child_record__isnull=True) | Q(child_record__in=children_in_scope(request.user)))
    person = visible.filter(pk=record_pk(raw)).first()
    if person is None:
        raise NoAccess
    return person


@require_http_methods(["GET", "POST"])
def new_sar(request: HttpRequest) -> HttpResponse:
    require_officer(request.user)
    person = _chosen_person(request)
    if person is None:
        if request.method == "POST":
            return redirect("dataprotection:new-sar")
        find_form = FindPersonForm(request.GET or None)
        people = None
        if find_form.is_bound and find_form.is_valid():
            people = list(find_people(
                name=find_form.cleaned_data["name"].strip(), date_of_birth=find_form.cleaned_data["date_of_birth"], user=request.user,
            ))
            _record_people_shown(request, "data protection: find a person", people)
        return render(request, "dataprotection/sar_find.html", {"form": find_form, "people": people})
    form = SubjectAccessRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sar = actions.record_subject_access_request(
                person, acting_user=request.user, requested_by_name=data["requested_by_name"], received_on=data["received_on"], notes=data["notes"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Request recorded: the response is due by {sar.due_on:%-d %B %Y}")
            return redirect("dataprotection:sar", sar.pk)
    return render(request, "dataprotection/sar_new.html", {"form": form, "person": person})


@never_cache
@require_GET
def sar_export(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id)
    export = actions.export_subject_access(sar, acting_user=request.user, request=request)
    return render(request, "dataprotection/sar_export.html", {
        "sar": sar, "export": export, "response_form": SarResponseForm(), "today": today(),
    })


def _request_details(sar: SubjectAccessRequest) -> dict:
    return {
        "id": sar.pk, "requested_by": sar.requested_by_name, "received_on": sar.received_on.isoformat(),
        "due_on": sar.due_on.isoformat(), "responded_on": sar.responded_on.isoformat() if sar.responded_on else None,
    }


@never_cache
@require_GET
def sar_export_json(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id)
    export = actions.export_subject_access(sar, acting_user=request.user, request=request)
    response = JsonResponse(export.as_json(_request_details(sar)), json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="subject-access-request-{sar.pk}.json"'
    return response


@require_POST
def sar_response(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id)
    form = SarResponseForm(request.POST)
    if form.is_valid():
        try:
            actions.record_sar_response(sar, acting_user=request.user, responded_on=form.cleaned_data["responded_on"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Response recorded: the request is closed")
            return redirect("dataprotection:start")
    export = actions.export_subject_access(sar, acting_user=request.user, request=request)
    return render(request, "dataprotection/sar_export.html", {"sar": sar, "export": export, "response_form": form, "today": today()})


@require_GET
def retention_report(request: HttpRequest) -> HttpResponse:
    require_officer(request.user)
    form = RetentionFilterForm(request.GET or None)
    within, rule_code = 0, ""
    if form.is_bound and form.is_valid():
        within = form.cleaned_data["within_days"] or 0
        rule_code = form.cleaned_data["rule"]
    children = children_in_scope(request.user)
    cutoff = today() + timedelta(days=within)
    due = due_for_review(children, cutoff=cutoff, rule_code=rule_code) if not form.errors else []
    due_per_rule: dict[str, int] = {}
    for record in due:
        due_per_rule[record.review.rule.code] = due_per_rule.get(record.review.rule.code, 0) + 1  # type: ignore[union-attr]
    counts = [(count, due_per_rule.get(count.rule.code, 0)) for count in records_per_rule(children)]
    page = Paginator(due, PAGE_SIZE).get_page(request.GET.get("page"))
    record_list_read(
        request.user, "data protection: retention report", dict.fromkeys(record.child_id for record in page.object_list),
        request=request,
    )
    return render(request, "dataprotection/retention.html", {
        "form": form, "page": page, "due_total": len(due), "counts": counts, "cutoff": cutoff, "within": within,
        "today": today(),
    })


@require_GET
def sharing_log(request: HttpRequest) -> HttpResponse:
    require_officer(request.user)
    shares = InformationShare.objects.filter(child__in=children_in_scope(request.user)).select_related(
        "child__person", "shared_with_agency", "recorded_by"
    )
    page = Paginator(shares, PAGE_SIZE).get_page(request.GET.get("page"))
    record_list_read(
        request.user, "data protection: sharing log", dict.fromkeys(share.child_id for share in page.object_list),
        request=request, information_shares=[share.pk for share in page.object_list],
    )
    return render(request, "dataprotection/sharing_log.html", {"page": page})


@require_GET
def child_shares(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="information shared")
    shares = child.information_shares.select_related("shared_with_agency", "recorded_by")
    return render(request, "dataprotection/child_shares.html", {"child": child, "shares": shares})


@require_http_methods(["GET", "POST"])
def new_share(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record information shared")
    form = InformationShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_information_share(
                child, acting_user=request.user, shared_with_agency=data["shared_with_agency"], lawful_basis=data["lawful_basis"],
                what_was_shared=data["what_was_shared"], reason=data["reason"], shared_on=data["shared_on"],
                shared_with_person=data["shared_with_person"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Information share recorded; it is on the child's chronology")
            return redirect("dataprotection:child-shares", child.pk)
    return render(request, "dataprotection/share_form.html", {"child": child, "form": form})
