"""The one path through which Journey decides who sees which child.

Deliberately simple for now (the access issue hardens it into need-to-know): local authority staff see every
child who is not restricted; a restricted child is seen only by the teams holding the child's open episodes;
a partner-agency user sees only the children their own agency raised contacts about.
"""
from django.db.models import Q


class NoAccess(Exception):
    """Raised when a user asks for a child they may not see, or one that does not exist: both answer alike."""


def child_visibility(user) -> Q:
    """A filter on Child for the children ``user`` may see (subqueries, so no row is repeated)."""
    from journey.casework.models import Allocation
    from journey.frontdoor.models import ContactChild

    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_partner:
        raised = ContactChild.objects.filter(contact__agency_id=user.agency_id, child__isnull=False)
        return Q(pk__in=raised.values("child_id"))
    holding = Allocation.objects.filter(ended_on__isnull=True, episode__ended_on__isnull=True)
    holding = holding.filter(team_id=user.team_id) if user.team_id else holding.filter(worker_id=user.pk)
    return Q(is_restricted=False) | Q(pk__in=holding.values("episode__child_id"))


def can_record_work(user) -> bool:
    """Partners submit contacts; only local authority staff record casework on a child."""
    return user.is_authenticated and user.is_active and user.is_local_authority_staff
