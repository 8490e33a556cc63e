"""How casework involves staff with a child, registered with ``access.involvement``: the allocated worker, the
team holding or responsible for an episode, and the managers above them. Episodes closed within the grace days
still count, so a closure can be finished. A transfer waiting for a team's answer opens the child to that team's
manager line (to read before deciding), not to its members, and not as one of the child's managers."""
from django.db.models import Q, QuerySet

from journey.access.involvement import register
from journey.access.rules import ALLOCATED_WORKER, MANAGER_LINE, TEAM_MEMBER, grace_cutoff, manager_line, manages_a_team

from .models import Allocation, Episode, Transfer


def _allocations() -> QuerySet:
    return Allocation.objects.current_or_closed_after(grace_cutoff())


def _responsible_episodes() -> QuerySet:
    """Episodes a team answers for now (or closed within the grace days): a referral reaches a team before its
    manager allocates a worker, and the team must see the child meanwhile."""
    return Episode.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=grace_cutoff()), team__isnull=False)


@register(ALLOCATED_WORKER, strength=10, child_field="episode__child_id")
def allocated_to(user) -> QuerySet:
    return _allocations().filter(worker=user)


@register(MANAGER_LINE, strength=20, child_field="episode__child_id", manager_line=True)
def allocations_managed_by(user) -> QuerySet | None:
    return _allocations().filter(manager_line(user)) if manages_a_team(user) else None


@register(MANAGER_LINE, strength=21, child_field="child_id", manager_line=True)
def episodes_managed_by(user) -> QuerySet | None:
    return _responsible_episodes().filter(manager_line(user)) if manages_a_team(user) else None


@register(TEAM_MEMBER, strength=30, child_field="episode__child_id")
def allocations_of_team(user) -> QuerySet | None:
    return _allocations().filter(team_id=user.team_id) if user.team_id else None


@register(TEAM_MEMBER, strength=31, child_field="child_id")
def episodes_of_team(user) -> QuerySet | None:
    return _responsible_episodes().filter(team_id=user.team_id) if user.team_id else None


RECEIVING_MANAGER = "manager of a team asked to take the child"


@register(RECEIVING_MANAGER, strength=25, child_field="child_id")
def transfers_awaiting(user) -> QuerySet | None:
    """Transfers waiting for an answer from a team ``user`` manages (or a service area above it)."""
    return Transfer.objects.pending().filter(manager_line(user, "to_team")) if manages_a_team(user) else None
