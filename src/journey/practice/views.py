"""Supervision pages: the manager's list of the practitioners they supervise (when each, and each child they hold,
was last discussed), the "Record supervision" form for one practitioner, and a session's page.

A practitioner the user does not manage, or a session they may not read, answers exactly like a missing id
(``NoAccess``). The children shown on the list are logged as read (``record_list_read``).
"""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Max, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.rules import NoAccess, manages_a_team
from journey.audit.log import record_list_read
from journey.casework.models import Allocation
from journey.casework.team import page_of
from journey.lib.dates import today
from journey.people.models import Child
from journey.protection.forms import place

from . import actions, rules
from .forms import SupervisionForm
from .models import SupervisionDiscussion, SupervisionSession


def _practitioner(user, practitioner_id: int):
    found = get_user_model().objects.filter(pk=practitioner_id).select_related("team").first()
    if found is None or rules.recording_refusal(user, found) is not None:
        raise NoAccess
    return found


@require_GET
def supervision(request: HttpRequest) -> HttpResponse:
    """For each practitioner the manager supervises, when last supervised; for each child they hold, when last
    discussed in supervision. Four queries whatever the page's length: the page of practitioners (count and rows),
    their current allocations, and the last discussion of each of those children."""
    user = request.user
    if not manages_a_team(user):
        raise NoAccess
    practitioners = (
        rules.supervised_by(user).annotate(
            last_supervised=Max("supervisions__held_on"),
            last_session=Subquery(SupervisionSession.objects.filter(practitioner=OuterRef("pk")).order_by("-held_on", "-pk").values("pk")[:1]),
        )
        .select_related("team").order_by("last_name", "first_name", "pk")
    )
    page = page_of(practitioners, request.GET.get("page"))
    held = list(
        Allocation.objects.current().filter(worker__in=[p.pk for p in page], episode__child__in=Child.objects.visible_to(user))
        .select_related("episode__child__person")
        .order_by("episode__child__person__last_name", "episode__child__person__first_name", "pk")
    )
    child_ids = {allocation.episode.child_id for allocation in held}
    last_discussed = dict(
        SupervisionDiscussion.objects.filter(child_id__in=child_ids).order_by().values("child_id")
        .annotate(last=Max("session__held_on")).values_list("child_id", "last"),
    )
    children: dict[int, list] = {}
    for allocation in held:
        child = allocation.episode.child
        if all(c.pk != child.pk for c, _ in children.get(allocation.worker_id, [])):
            children.setdefault(allocation.worker_id, []).append((child, last_discussed.get(child.pk)))
    rows = [(p, children.get(p.pk, [])) for p in page]
    record_list_read(user, "supervision: children held by the practitioners supervised", [c.pk for _, held in rows for c, _ in held], request=request)
    return render(request, "practice/supervision.html", {"page": page, "rows": rows})


@require_http_methods(["GET", "POST"])
def new_supervision(request: HttpRequest, practitioner_id: int) -> HttpResponse:
    practitioner = _practitioner(request.user, practitioner_id)
    if request.method == "POST":
        form = SupervisionForm(request.POST, practitioner=practitioner, viewer=request.user)
    else:
        form = SupervisionForm(initial={"held_on": today()}, practitioner=practitioner, viewer=request.user)
    if request.method == "POST" and "add_child" in request.POST:
        form.hold()
    elif request.method == "POST" and form.is_valid():
        try:
            made = actions.record_supervision(
                practitioner=practitioner, held_on=form.cleaned_data.get("held_on"), discussions=form.discussions(), acting_user=request.user,
            )
        except ValidationError as error:
            place(form, error)
        else:
            messages.success(request, "Supervision recorded")
            return redirect("practice:session", made.pk)
    last = practitioner.supervisions.order_by("-held_on", "-pk").first()
    return render(request, "practice/supervision_form.html", {"practitioner": practitioner, "form": form, "last": last})


@require_GET
def session(request: HttpRequest, session_id: int) -> HttpResponse:
    found = (
        SupervisionSession.objects.filter(pk=session_id).select_related("practitioner__team", "supervisor")
        .prefetch_related("discussions__child__person", "discussions__decisions__responsible").first()
    )
    if found is None or rules.reading_refusal(request.user, found) is not None:
        raise NoAccess
    return render(request, "practice/session.html", {"session": found})
