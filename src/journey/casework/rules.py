"""Who may do what to a piece of casework: asked by the action, which refuses, and by the page, which decides
whether to offer the button and answers 403. One function per rule, so the two cannot disagree."""
from django.db.models import Q, QuerySet

from journey.access.involvement import STAFF, reasons_for
from journey.access.rules import ALLOCATED_WORKER, MANAGER_LINE, TEAM_MEMBER, can_record_work, is_in_manager_line, manager_line
from journey.accounts.models import Role, Team, TeamKind

from .models import Assessment, ClosureProposal, Episode, Transfer

AUTHORISING_ROLES = frozenset({Role.TEAM_MANAGER})


def authorisation_refusal(user, assessment: Assessment) -> str | None:
    """Why ``user`` may not authorise ``assessment`` now, or None if they may: a team manager, not its author,
    authorises a completed assessment once."""
    if user.role not in AUTHORISING_ROLES or not is_in_manager_line(user, assessment.child):
        return "Only a manager of the team holding this child can authorise an assessment"
    if not assessment.is_complete:
        return "Only a completed assessment can be authorised"
    if assessment.authorised_on is not None:
        return "This assessment is already authorised"
    if user.pk == assessment.author_id:
        return "An assessment is authorised by a manager, not by its author"
    return None


def can_authorise(user, assessment: Assessment) -> bool:
    return authorisation_refusal(user, assessment) is None


def allocation_refusal(user, episode: Episode) -> str | None:
    """Why ``user`` may not choose the lead practitioner for ``episode``, or None if they may: the managers of the
    team holding the child, or of a service area above it."""
    if not is_in_manager_line(user, episode.child):
        return "Only a manager of the team holding this child can allocate a worker"
    return None


def can_allocate(user, episode: Episode) -> bool:
    return allocation_refusal(user, episode) is None


def manages(user, team_id: int | None) -> bool:
    """Whether ``user`` manages the team ``team_id``, or a service area above it (up the manager line)."""
    if team_id is None or not user.is_authenticated or not user.is_active or user.is_partner:
        return False
    return Team.objects.filter(Q(manager=user) | manager_line(user, "parent"), pk=team_id).exists()


def teams_managed_by(user) -> QuerySet[Team]:
    """The teams and units ``user`` manages, directly or through a service area above them: the teams whose work
    waits in their queue and whose practitioners they may allocate."""
    if not user.is_authenticated or not user.is_active or user.is_partner:
        return Team.objects.none()
    return Team.objects.filter(Q(manager=user) | manager_line(user, "parent")).exclude(kind=TeamKind.SERVICE)


def worker_refusal(user, worker) -> str | None:
    """Why ``user`` may not give work to ``worker``: a manager allocates within the teams they manage."""
    if not worker.is_active or not worker.is_local_authority_staff or worker.team_id is None:
        return "Choose an active practitioner in the local authority"
    if not teams_managed_by(user).filter(pk=worker.team_id).exists():
        return "Choose a practitioner in a team you manage: to give the work to another team, transfer it"
    return None


def episode_team_id(episode: Episode) -> int | None:
    """The team answering for ``episode``: the team it was sent to or moved to, else the current worker's team."""
    if episode.team_id is not None:
        return episode.team_id
    held = episode.current_allocation()
    return held.team_id if held is not None else None


def transfer_refusal(user, episode: Episode) -> str | None:
    """Why ``user`` may not propose moving ``episode`` to another team: the manager line of the team holding it
    proposes, once at a time, for an open episode."""
    if not episode.is_open:
        return "Only an open episode can be transferred"
    if not manages(user, episode_team_id(episode)):
        return "Only a manager of the team holding this episode can transfer it"
    if episode.transfers.pending().exists():
        return "A transfer of this episode is already waiting for the receiving team"
    return None


def can_transfer(user, episode: Episode) -> bool:
    return transfer_refusal(user, episode) is None


def transfer_decision_refusal(user, transfer: Transfer) -> str | None:
    """Why ``user`` may not accept or return ``transfer``: the receiving team's manager line answers, once."""
    if not manages(user, transfer.to_team_id):
        return "Only a manager of the receiving team can accept or return a transfer"
    if not transfer.is_pending:
        return "This transfer has already been answered"
    if not transfer.episode.is_open:
        return "This episode has closed, so it can no longer be transferred"
    return None


def can_decide_transfer(user, transfer: Transfer) -> bool:
    return transfer_decision_refusal(user, transfer) is None


def closure_refusal(user, episode: Episode) -> str | None:
    """Why ``user`` may not close ``episode`` (or agree a closure): the manager line of the child agrees it."""
    if not episode.is_open:
        return "This episode is already closed"
    if not is_in_manager_line(user, episode.child):
        return "Only a manager of the team holding this child can close an episode: propose the closure for them to agree"
    return None


def can_close(user, episode: Episode) -> bool:
    return closure_refusal(user, episode) is None


def closure_proposal_refusal(user, episode: Episode) -> str | None:
    """Why ``user`` may not propose closing ``episode``: its worker, a member of the team holding it, or a manager
    of the child proposes, once at a time."""
    if not episode.is_open:
        return "This episode is already closed"
    held = episode.current_allocation()
    involved = (
        (held is not None and held.worker_id == user.pk)
        or (user.team_id is not None and user.team_id == episode_team_id(episode))
        or is_in_manager_line(user, episode.child)
    )
    if not involved or user.is_partner:
        return "Only the episode's worker, its team or their manager can propose closing it"
    if episode.closure_proposals.pending().exists():
        return "A closure of this episode is already waiting for a manager to agree"
    return None


def can_propose_closure(user, episode: Episode) -> bool:
    return closure_proposal_refusal(user, episode) is None


def closure_decision_refusal(user, proposal: ClosureProposal) -> str | None:
    """Why ``user`` may not agree or send back ``proposal``: the child's manager line answers, once."""
    if not proposal.is_pending:
        return "This closure has already been answered"
    return closure_refusal(user, proposal.episode)


def can_decide_closure(user, proposal: ClosureProposal) -> bool:
    return closure_decision_refusal(user, proposal) is None


# Those who hold the child's casework: a plan is written with the family by the people doing the work with them.
PLAN_WRITERS = frozenset({ALLOCATED_WORKER, TEAM_MEMBER, MANAGER_LINE})


def plan_refusal(user, child) -> str | None:
    """Why ``user`` may not write or review ``child``'s plans, or None if they may: the allocated worker, the team
    holding the child and its manager line, as for the rest of the casework. Those who may only read the record (a
    grant, break-glass, the front door, a team asked to take a transfer) read the plans but do not write them."""
    if can_record_work(user):
        for reason in reasons_for(STAFF):
            if reason.name in PLAN_WRITERS and (rows := reason.rows(user)) is not None and rows.filter(**{reason.child_field: child.pk}).exists():
                return None
    return "Only the child's worker, the team holding the child or their manager can write or review a plan"


def can_write_plan(user, child) -> bool:
    return plan_refusal(user, child) is None
