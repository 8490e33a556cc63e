"""Finding a child, and the child's journey page: who they are, who is involved, and their whole story."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff
from journey.access.rules import is_in_manager_line, require_staff
from journey.audit.log import record_list_read
from journey.casework import queries as casework
from journey.chronology.build import ChronologyFilter
from journey.chronology.forms import ChronologyFilterForm
from journey.chronology.read import Cursor, chronology_page, summary_of
from journey.frontdoor import queries as frontdoor
from journey.frontdoor.screening import Match, histories
from journey.lib.dates import today
from journey.lib.forms import apply_errors

from . import actions
from .forms import ChildDetailsForm, FindChildForm, MoveAddressForm
from .genogram import draw
from .matching import Given
from .models import Child
from .relations import family_of
from .search import SHOWN, search_children


@require_GET
def find_child(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    form = FindChildForm(request.GET or None)
    candidates, openable, more = None, set[int](), False
    if form.is_bound and form.is_valid():
        given = form.given()
        candidates, openable, more = _search_results(request.user, given)
        record_list_read(
            request.user, f"find a child: {given.describe()}; {len(candidates)} found", [match.child for match in candidates],
            request=request,
        )
    template = "people/_find_results.html" if request.htmx and candidates is not None else "people/find.html"  # type: ignore[attr-defined]
    context = {
        "form": form, "candidates": candidates, "openable": openable, "today": today(),
        "more": more, "shown": SHOWN, "narrow_with": form.details_not_given() if more else [],
    }
    return render(request, template, context)


def _search_results(user, given: Given) -> tuple[list[Match], set[int], bool]:
    """Children the user may find (identifying details and counts of history only), which of them the user may
    also open (finding a child never opens the record), and whether more matched than are shown."""
    found = search_children(given, Child.objects.matchable_by(user))
    ids = {candidate.child.pk for candidate in found.candidates}  # type: ignore[attr-defined]
    history = histories(ids)
    openable = set(Child.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    matches = [Match(candidate, history[candidate.child.pk]) for candidate in found.candidates]  # type: ignore[attr-defined]
    return matches, openable, found.more


@require_GET
def child_journey(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="journey page")
    summary = summary_of(child)
    filter_form = ChronologyFilterForm(request.GET or None, agencies=summary.agencies)
    chosen = filter_form.chosen()
    page = chronology_page(
        child, chosen, total=summary.total,
        after=Cursor.decode(request.GET.get("after")), before=Cursor.decode(request.GET.get("before")),
    )
    context = {
        "child": child,
        "person": child.person,
        "page": page,
        "entries": page.entries,
        "entry_total": summary.total,
        "flag_url": reverse("chronology:flag", args=[child.pk]),
        "filter_form": filter_form,
        "filtered": chosen != ChronologyFilter(),
    }
    if request.htmx and request.htmx.target == "chronology":  # type: ignore[attr-defined]
        return render(request, "people/_chronology.html", context)
    episodes = casework.open_episodes(child)
    context.update(
        today=today(),
        addresses=list(child.person.addresses.all()),
        family=family_of(child.person, viewer=request.user),
        genogram=draw(child, viewer=request.user, on=today()),
        allocations=casework.held_now(episodes),
        agencies_involved=frontdoor.agencies_raising_concerns(child),
        episodes=episodes,
        assessment=casework.latest_assessment(child),
        plan=casework.latest_plan(child),
        seen=casework.seen(child),
        can_allocate=is_in_manager_line(request.user, child),
    )
    return render(request, "people/child.html", context)


@require_http_methods(["GET", "POST"])
def edit_details(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="change details")
    if request.method == "POST":
        form = ChildDetailsForm(request.POST)
        if form.is_valid():
            try:
                actions.update_child_details(child, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"{child.person.full_name}'s details are updated")
                return redirect("people:child", child.pk)
    else:
        form = ChildDetailsForm(initial=ChildDetailsForm.initial_for(child))
    return render(request, "people/edit_details.html", {"child": child, "form": form})


@require_http_methods(["GET", "POST"])
def move_address(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a new address")
    form = MoveAddressForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.move_address(child.person, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "New address recorded; the previous one is kept in the address history")
            return redirect("people:child", child.pk)
    return render(request, "people/move_address.html", {"child": child, "form": form})
