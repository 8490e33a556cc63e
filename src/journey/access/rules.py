"""The one path through which Journey decides who sees which child: need to know.

A user opens a child's record only through a legitimate relationship with the child, named by ``involvement``:
the allocated worker (of an open episode, or one closed in the last few days while the closure is finished); a
member of the allocated or responsible team or social work unit (units share their children; a referral reaches a
team before a worker is allocated); the manager line (managers of that team and of the service areas above it); the front door while a contact
linked to the child awaits screening; an explicit grant by the child's team manager; or break-glass. A partner
agency user sees only the children their agency raised contacts about, and then only the shared page.

``child_visibility`` answers the same question for lists as a filter; tests hold the two to agreeing. Finding a
child behind a new contact is a different, narrower need: ``child_matchability`` lets searching staff find any
child who is not restricted, showing identifying details only, never the record.
"""
from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, F, Q, QuerySet
from journey.accounts.models import MAX_TEAM_DEPTH, Role, Team, TeamKind
from journey.lib.dates import today

ALLOCATED_WORKER = "allocated worker"
MANAGER_LINE = "manager line"
TEAM_MEMBER = "team member"
FRONT_DOOR = "front door (open contact)"
EXPLICIT_ACCESS = "explicit access"
BREAK_GLASS = "break-glass"
PARTNER_AGENCY = "contact raised by your agency"
CLOSED_EPISODE_GRACE_DAYS = 28

# Roles whose work includes finding a child on record (identifying details only): not administrators, who manage
# accounts, and never partners.
SEARCHING_ROLES = frozenset({Role.PRACTITIONER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.SCREENER, Role.CALDICOTT_GUARDIAN})


class NoAccess(Exception):
    """Raised when a user asks for a child they may not see, or one that does not exist: both answer alike."""


def _is_active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_record_work(user) -> bool:
    """Partners submit contacts; only local authority staff record casework on a child."""
    return _is_active(user) and user.is_local_authority_staff


def require_staff(user) -> None:
    """Local authority pages answer partners (and the signed-out) with the same no-access page."""
    if not can_record_work(user):
        raise NoAccess


def can_search_children(user) -> bool:
    """Whether the user may search the record for a child (identifying details only)."""
    return _is_active(user) and user.role in SEARCHING_ROLES


def can_break_glass(user) -> bool:
    """Local authority staff whose work is with children may open a record in an emergency; partners never, and
    administrators (who manage accounts, not children) neither."""
    return can_search_children(user)


def closed_episode_grace_days() -> int:
    """Days after an episode closes during which its worker, team and managers still see the child, to finish the
    closure (summary, letters, audit): ``JOURNEY_CLOSED_EPISODE_GRACE_DAYS``, default 28; 0 ends access at closure."""
    return int(getattr(settings, "JOURNEY_CLOSED_EPISODE_GRACE_DAYS", CLOSED_EPISODE_GRACE_DAYS))


def _current_allocations() -> QuerySet:
    """Allocations held now (not handed on, on an open episode), and those that held an episode when it closed
    within the grace days (closing an episode ends its allocation the same day)."""
    from journey.casework.models import Allocation

    recent = today() - timedelta(days=closed_episode_grace_days())
    held = Q(ended_on__isnull=True, episode__ended_on__isnull=True)
    closing = Q(episode__ended_on__gt=recent, ended_on=F("episode__ended_on"))
    return Allocation.objects.filter(held | closing)


def _responsible_episodes() -> QuerySet:
    """Episodes a team is responsible for now (or closed within the grace days): a referral reaches a team before its
    manager allocates a worker, and the team must see the child meanwhile."""
    from journey.casework.models import Episode

    recent = today() - timedelta(days=closed_episode_grace_days())
    return Episode.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=recent), team__isnull=False)


def _manager_line(user) -> Q:
    """Allocations (or episodes) whose team, or a service area up to ``MAX_TEAM_DEPTH`` above it, the user manages."""
    line = Q(team__manager=user)
    path = "team"
    for _ in range(MAX_TEAM_DEPTH):
        path += "__parent"
        line |= Q(**{f"{path}__manager": user})
    return line


def _is_front_door(user) -> Q:
    """True (as a filter needing no query of its own) for screeners and members of a front door team."""
    if user.role == Role.SCREENER:
        return Q()
    return Q(Exists(Team.objects.filter(pk=user.team_id, kind=TeamKind.FRONT_DOOR))) if user.team_id else Q(pk__in=[])


def _relationships(user) -> list[tuple[str, QuerySet, str]]:
    """Each reason a user may be involved: its name, the rows it reaches and their field naming the child,
    strongest reason first."""
    from journey.frontdoor.codes import ContactStatus
    from journey.frontdoor.models import ContactChild

    from .models import BreakGlass, ExplicitAccess

    if not _is_active(user):
        return []
    if user.is_partner:
        # A restricted child (an adoptive placement, a staff member's family) is never shown to a partner agency,
        # even one that raised a contact: what is shared could help trace the child.
        raised = ContactChild.objects.filter(contact__agency_id=user.agency_id, child__isnull=False, child__is_restricted=False)
        return [(PARTNER_AGENCY, raised, "child_id")]
    allocations = _current_allocations()
    episodes = _responsible_episodes()
    found = [
        (ALLOCATED_WORKER, allocations.filter(worker=user), "episode__child_id"),
        (MANAGER_LINE, allocations.filter(_manager_line(user)), "episode__child_id"),
        (MANAGER_LINE, episodes.filter(_manager_line(user)), "child_id"),
    ]
    if user.team_id:
        found.append((TEAM_MEMBER, allocations.filter(team_id=user.team_id), "episode__child_id"))
        found.append((TEAM_MEMBER, episodes.filter(team_id=user.team_id), "child_id"))
    open_contacts = ContactChild.objects.filter(child__isnull=False, contact__status=ContactStatus.AWAITING_SCREENING)
    found.append((FRONT_DOOR, open_contacts.filter(_is_front_door(user)), "child_id"))
    grantee = Q(user=user) | Q(team_id=user.team_id) if user.team_id else Q(user=user)
    found.append((EXPLICIT_ACCESS, ExplicitAccess.objects.active().filter(grantee), "child_id"))
    found.append((BREAK_GLASS, BreakGlass.objects.active().filter(user=user), "child_id"))
    return found


def child_visibility(user) -> Q:
    """A filter on Child for the children ``user`` may open (subqueries, so no row is repeated)."""
    visible = Q(pk__in=[])
    for _reason, rows, field in _relationships(user):
        visible |= Q(pk__in=rows.values(field))
    return visible


def involvement(user, child) -> str | None:
    """Why ``user`` may open ``child``'s record (the strongest reason), or None when they may not."""
    for reason, rows, field in _relationships(user):
        if rows.filter(**{field: child.pk}).exists():
            return reason
    return None


def child_matchability(user) -> Q:
    """A filter on Child for the children ``user`` may find when searching (identifying details only): any child
    who is not restricted, for searching staff; a restricted child only where the user has a relationship."""
    if not can_search_children(user):
        return Q(pk__in=[])
    return Q(is_restricted=False) | child_visibility(user)


def is_in_manager_line(user, child) -> bool:
    """Whether ``user`` manages a team holding the child, or a service area above one."""
    if not _is_active(user) or user.is_partner:
        return False
    return (
        _current_allocations().filter(_manager_line(user), episode__child_id=child.pk).exists()
        or _responsible_episodes().filter(_manager_line(user), child_id=child.pk).exists()
    )


def can_manage_grants(user, child) -> bool:
    """The child's team manager (or a manager above the team) gives and withdraws explicit access."""
    return is_in_manager_line(user, child)
