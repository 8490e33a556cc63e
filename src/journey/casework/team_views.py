"""The manager's pages: the team's queue (work waiting for allocation, transfers and closures waiting for an
answer), the head of service's view of their teams, allocating from the teams managed with each worker's caseload,
and the pages that propose and answer a transfer or a closure.

Pages about one child fetch the child through ``get_child_for_staff`` and the transfer or proposal only within that
child, so an id from another child's record answers "no access" like a child the user may not see. Who may answer is
the rule the action asks (``casework.rules``); a user it refuses gets the same "no access" page.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess, manages_a_team, require_staff
from journey.audit.log import record_list_read
from journey.lib.dates import today
from journey.lib.forms import apply_errors
from journey.people.models import Child

from . import actions, rules, steps, team
from .codes import Decision
from .forms import AllocateForm, CloseEpisodeForm
from .models import ClosureProposal, Episode, Transfer
from .team_forms import AnswerForm, TransferForm, closure_answer_form, transfer_answer_form


@require_GET
def team_queue(request: HttpRequest) -> HttpResponse:
    """The manager's landing page: work received by their teams and not yet allocated, oldest first with how long it
    has waited; transfers waiting for their answer; closures waiting to be agreed; transfers they sent. A member of
    a team reads their own team's queue, without the buttons. Every child named goes to the audit log in one event."""
    user = request.user
    require_staff(user)
    teams = team.queue_teams(user)
    managing = rules.teams_managed_by(user).exists()
    waiting = team.page_of(team.waiting(user, teams), request.GET.get("page"))
    incoming = team.page_of(team.transfers_in(user, teams), request.GET.get("transfers_page"))
    closures = team.page_of(team.closures_waiting(user), request.GET.get("closures_page")) if managing else None
    outgoing = team.page_of(team.transfers_out(user, teams), request.GET.get("sent_page")) if managing else None
    shown = [
        *(episode.child_id for episode in waiting.object_list), *(transfer.child_id for transfer in incoming.object_list),
        *(proposal.child_id for proposal in (closures.object_list if closures else [])),
        *(transfer.child_id for transfer in (outgoing.object_list if outgoing else [])),
    ]
    record_list_read(user, "the team's queue", list(dict.fromkeys(shown)), request=request)
    return render(request, "casework/team_queue.html", {
        "teams": list(teams.order_by("name")), "managing": managing, "waiting": waiting, "incoming": incoming,
        "closures": closures, "outgoing": outgoing,
        "can_see_service": manages_a_team(user),
    })


@require_GET
def without_by_when(request: HttpRequest) -> HttpResponse:
    """The children held by the teams a manager manages whose work has no "by when" ahead (``steps.undated_work``),
    a page at a time, the longest open episode first. Managers only; the children shown go to the audit log."""
    user = request.user
    require_staff(user)
    teams = rules.teams_managed_by(user)
    if not teams.exists():
        raise NoAccess
    page = team.page_of(steps.undated_work(user, teams), request.GET.get("page"))
    rows = [(episode, steps.lacking(episode)) for episode in page.object_list]
    record_list_read(user, "work without a 'by when'", list(dict.fromkeys(episode.child_id for episode in page.object_list)), request=request)
    return render(request, "casework/without_by_when.html", {"teams": list(teams.order_by("name")), "page": page, "rows": rows})


@require_GET
def service(request: HttpRequest) -> HttpResponse:
    """The head of service's landing page: each team of their service with its practitioners' caseloads, the work
    waiting and how long the oldest has waited, and the transfers waiting for it. Counts and staff only: the
    children themselves are on 'My children' (the service's list), through the access rules."""
    user = request.user
    require_staff(user)
    if not manages_a_team(user):
        raise NoAccess
    return render(request, "casework/service.html", {"figures": team.service_figures(user)})


def _episode_of(child: Child, episode_id: int) -> Episode:
    episode = child.episodes.filter(pk=episode_id).select_related("team").first()
    if episode is None:
        raise NoAccess
    return episode


@require_http_methods(["GET", "POST"])
def allocate(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    """The team manager (or a manager above) chooses the lead practitioner from the teams they manage, seeing each
    one's caseload; the previous worker hands on that day. Moving the work to another team is a transfer."""
    child = get_child_for_staff(request, child_id, what="allocate an episode")
    episode = _episode_of(child, episode_id)
    if not rules.can_allocate(request.user, episode):
        raise NoAccess
    practitioners = team.practitioners_of(rules.teams_managed_by(request.user))
    form = AllocateForm(request.POST if request.method == "POST" else None, initial={"started_on": today()}, practitioners=practitioners)
    if request.method == "POST" and form.is_valid():
        worker = form.cleaned_data["worker"]
        try:
            actions.allocate(episode, worker=worker, team=worker.team, started_on=form.cleaned_data["started_on"], acting_user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{episode.get_kind_display()} episode allocated to {worker.display_name}")
            return redirect("people:child", child.pk)
    context = {
        "child": child, "episode": episode, "form": form, "current": episode.current_allocation(),
        "can_transfer": rules.can_transfer(request.user, episode),
        "pending_transfer": episode.transfers.pending().select_related("to_team").first(),
    }
    return render(request, "casework/episode_allocate.html", context)


@require_http_methods(["GET", "POST"])
def close_episode(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    """A manager of the child closes the episode; anyone else working with it proposes the closure for a manager to
    agree. Both ask the rule their action asks (``rules.closure_refusal``, ``rules.closure_proposal_refusal``)."""
    child = get_child_for_staff(request, child_id, what="close an episode")
    episode = _episode_of(child, episode_id)
    if not episode.is_open:
        return render(request, "casework/episode_close.html", {"child": child, "episode": episode, "form": CloseEpisodeForm(kind=episode.kind)})
    closes = rules.can_close(request.user, episode)
    if not closes and not rules.can_propose_closure(request.user, episode) and not episode.closure_proposals.pending().exists():
        raise NoAccess
    form = CloseEpisodeForm(request.POST if request.method == "POST" else None, kind=episode.kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        close = actions.close_episode if closes else actions.propose_closure
        try:
            close(episode, ended_on=data["ended_on"], reason=data["reason"], note=data["note"], acting_user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            kind = episode.get_kind_display()
            messages.success(request, f"{kind} episode closed" if closes else f"Closure of the {kind.lower()} episode proposed: a manager will agree it or send it back")
            return redirect("people:child", child.pk)
    pending = episode.closure_proposals.pending().select_related("proposed_by").first()
    returned = episode.closure_proposals.filter(decision=Decision.RETURNED).select_related("decided_by").first()
    return render(request, "casework/episode_close.html", {
        "child": child, "episode": episode, "form": form, "closes": closes, "pending": pending, "returned": returned,
    })


def _transfer_of(child: Child, transfer_id: int) -> Transfer:
    found = (
        Transfer.objects.filter(child=child, pk=transfer_id)
        .select_related("episode", "from_team", "to_team__manager", "proposed_by", "decided_by").first()
    )
    if found is None:
        raise NoAccess
    return found


def _proposal_of(child: Child, proposal_id: int) -> ClosureProposal:
    found = ClosureProposal.objects.filter(child=child, pk=proposal_id).select_related("episode", "proposed_by", "decided_by").first()
    if found is None:
        raise NoAccess
    return found


@require_http_methods(["GET", "POST"])
def propose_transfer(request: HttpRequest, child_id: int, episode_id: int) -> HttpResponse:
    """A manager of the team holding the episode asks another team to take it, with the reason."""
    child = get_child_for_staff(request, child_id, what="transfer an episode")
    episode = _episode_of(child, episode_id)
    if not rules.manages(request.user, rules.episode_team_id(episode)):
        raise NoAccess
    pending = episode.transfers.pending().select_related("to_team").first()
    form = TransferForm(request.POST if request.method == "POST" else None, from_team_id=rules.episode_team_id(episode))
    if request.method == "POST" and form.is_valid():
        try:
            transfer = actions.propose_transfer(
                episode, to_team=form.cleaned_data["to_team"], reason=form.cleaned_data["reason"], acting_user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Transfer proposed: {transfer.to_team.name} will accept or return it")
            return redirect("casework:transfer", child.pk, transfer.pk)
    return render(request, "casework/transfer_form.html", {"child": child, "episode": episode, "form": form, "pending": pending})


def _transfer_page(request: HttpRequest, child: Child, transfer: Transfer, form: AnswerForm | None = None) -> HttpResponse:
    can_decide = rules.can_decide_transfer(request.user, transfer)
    return render(request, "casework/transfer.html", {
        "child": child, "transfer": transfer, "can_decide": can_decide, "form": form or transfer_answer_form(),
    })


@require_GET
def transfer(request: HttpRequest, child_id: int, transfer_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="transfer between teams")
    return _transfer_page(request, child, _transfer_of(child, transfer_id))


@require_POST
def decide_transfer(request: HttpRequest, child_id: int, transfer_id: int) -> HttpResponse:
    """The receiving manager accepts the transfer (the episode joins their queue) or returns it with the reason."""
    child = get_child_for_staff(request, child_id, what="answer a transfer")
    found = _transfer_of(child, transfer_id)
    if not rules.manages(request.user, found.to_team_id):
        raise NoAccess
    form = transfer_answer_form(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                actions.accept_transfer(found, acting_user=request.user)
                messages.success(request, f"Transfer accepted: allocate a worker in {found.to_team.name}")
            else:
                actions.return_transfer(found, reason=form.cleaned_data["return_reason"], acting_user=request.user)
                messages.success(request, f"Transfer returned to {found.from_team.name}")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("casework:team")
    found.refresh_from_db()
    return _transfer_page(request, child, found, form)


def _closure_page(request: HttpRequest, child: Child, proposal: ClosureProposal, form: AnswerForm | None = None) -> HttpResponse:
    can_decide = rules.can_decide_closure(request.user, proposal)
    return render(request, "casework/closure.html", {
        "child": child, "proposal": proposal, "can_decide": can_decide, "form": form or closure_answer_form(),
    })


@require_GET
def closure(request: HttpRequest, child_id: int, proposal_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="closure proposed")
    return _closure_page(request, child, _proposal_of(child, proposal_id))


@require_POST
def decide_closure(request: HttpRequest, child_id: int, proposal_id: int) -> HttpResponse:
    """A manager of the child agrees the closure (the episode closes) or sends it back with the reason."""
    child = get_child_for_staff(request, child_id, what="answer a closure")
    found = _proposal_of(child, proposal_id)
    if not rules.is_in_manager_line(request.user, child):
        raise NoAccess
    form = closure_answer_form(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                actions.agree_closure(found, reasons=form.cleaned_data["agreed_reasons"], acting_user=request.user)
                messages.success(request, f"Closure agreed: the {found.episode.get_kind_display().lower()} episode is closed")
            else:
                actions.send_back_closure(found, reason=form.cleaned_data["return_reason"], acting_user=request.user)
                messages.success(request, "Closure sent back")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("people:child", child.pk)
    found.refresh_from_db()
    return _closure_page(request, child, found, form)
