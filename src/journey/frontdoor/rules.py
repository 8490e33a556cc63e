"""Front door rules that answer questions about the record without changing it."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from journey.access.rules import child_model
from journey.casework.codes import EpisodeKind
from journey.casework.models import Allocation
from journey.casework.queries import current_allocations

from .codes import InformationRoute

REREFERRAL_WINDOW = timedelta(days=365)


def is_rereferral(referred_at: datetime, all_referral_times: Iterable[datetime]) -> bool:
    """A referral is a re-referral when the same child was referred before within the previous 12 months
    (the DfE's measure)."""
    return any(referred_at - REREFERRAL_WINDOW <= earlier < referred_at for earlier in all_referral_times)


def may_add_information(user, child) -> bool:
    """A partner may tell us more about a child only where their agency raised a concern about the child: the rule
    that opens the child's shared page to them (``access``: never a restricted child). Staff record casework."""
    if not (user.is_authenticated and user.is_active and user.is_partner):
        return False
    return child_model().objects.visible_to(user).filter(pk=child.pk).exists()


@dataclass(frozen=True)
class Route:
    """Where information from a partner goes: ``to`` an ``InformationRoute``, with the allocation it reaches."""

    to: str
    allocation: Allocation | None = None


# The lead worker when a child has more than one: the statutory episode's before early help's.
_LEAD_FIRST = [EpisodeKind.CHILD_PROTECTION, EpisodeKind.LOOKED_AFTER, EpisodeKind.CHILD_IN_NEED, EpisodeKind.CARE_LEAVER, EpisodeKind.EARLY_HELP]


def route_information(child) -> Route:
    """Information from a partner about a child who has an allocated worker goes to that worker and team, and onto
    the child's chronology, not into the screening queue: the worker is the one who must know (the Baby Peter
    reviews found partners' information that never reached the worker). A child without one goes to the front
    door, as a new contact about the same child. With several current allocations, the statutory lead's wins,
    then the most recent."""
    held = current_allocations(child)
    if not held:
        return Route(InformationRoute.FRONT_DOOR)
    rank = {str(kind): i for i, kind in enumerate(_LEAD_FIRST)}
    lead = min(held, key=lambda a: (rank.get(a.episode.kind, len(rank)), -a.started_on.toordinal(), -a.pk))
    return Route(InformationRoute.WORKER, lead)
