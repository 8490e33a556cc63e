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
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Q, QuerySet

from journey.accounts.models import MAX_TEAM_DEPTH, Role, Team, TeamKind
from journey.lib.dates import today

from .involvement import PARTNER, STAFF, reasons_for
from .memo import per_request

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


def can_review_break_glass(user) -> bool:
    """The Caldicott guardian reviews every emergency opening of a record: who, whose, when and why."""
    return _is_active(user) and user.role == Role.CALDICOTT_GUARDIAN


def can_break_glass(user) -> bool:
    """Local authority staff whose work is with children may open a record in an emergency; partners never, and
    administrators (who manage accounts, not children) neither."""
    return can_search_children(user)


def closed_episode_grace_days() -> int:
    """Days after an episode closes during which its worker, team and managers still see the child, to finish the
    closure (summary, letters, audit): ``JOURNEY_CLOSED_EPISODE_GRACE_DAYS``, default 28; 0 ends access at closure."""
    return int(getattr(settings, "JOURNEY_CLOSED_EPISODE_GRACE_DAYS", CLOSED_EPISODE_GRACE_DAYS))


def grace_cutoff() -> date:
    """Episodes closed after this day still count for their worker, team and managers (see the grace days)."""
    return today() - timedelta(days=closed_episode_grace_days())


@per_request
def manages_a_team(user) -> bool:
    """Whether ``user`` manages any team or service area: only then can a manager line reach anything (most staff
    manage none, and are spared the manager line's joins on every page)."""
    return _is_active(user) and Team.objects.filter(manager=user).exists()


def manager_line(user, team_path: str = "team") -> Q:
    """Rows whose team (at ``team_path``), or a service area up to ``MAX_TEAM_DEPTH`` above it, ``user`` manages."""
    line = Q(**{f"{team_path}__manager": user})
    path = team_path
    for _ in range(MAX_TEAM_DEPTH):
        path += "__parent"
        line |= Q(**{f"{path}__manager": user})
    return line


@per_request
def is_front_door(user) -> bool:
    """Screeners, members of a front door team and that team's manager line: the people who take contacts, link
    the children named to the record, create records and decide what happens next."""
    if not can_record_work(user):
        return False
    if user.role == Role.SCREENER:
        return True
    reach = Q(pk=user.team_id) if user.team_id else Q(pk__in=[])
    if manages_a_team(user):
        reach |= manager_line(user, "parent") | Q(manager=user)
    return Team.objects.filter(reach, kind=TeamKind.FRONT_DOOR).exists()


@per_request
def _relationships(user) -> list[tuple[str, QuerySet, str]]:
    """Each reason a user may be involved, as registered by the apps that know it (``access.involvement``): its
    name, the rows it reaches and their field naming the child, strongest reason first."""
    if not _is_active(user):
        return []
    found = []
    for reason in reasons_for(PARTNER if user.is_partner else STAFF):
        rows = reason.rows(user)
        if rows is not None:
            found.append((reason.name, rows, reason.child_field))
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


@per_request
def is_in_manager_line(user, child) -> bool:
    """Whether ``user`` manages a team holding the child, or a service area above one."""
    if not _is_active(user) or user.is_partner:
        return False
    return any(
        rows.filter(**{field: child.pk}).exists()
        for reason, rows, field in _manager_line_relationships(user)
    )


def _manager_line_relationships(user):
    names = {reason.name for reason in reasons_for(STAFF) if reason.manager_line}
    return [(name, rows, field) for name, rows, field in _relationships(user) if name in names]


def can_manage_grants(user, child) -> bool:
    """The child's team manager (or a manager above the team) gives and withdraws explicit access."""
    return is_in_manager_line(user, child)


CHILD_MODEL = "people.Child"


def child_model():
    """The child's record, known by its label (as Django knows the user model by ``AUTH_USER_MODEL``), so that
    access decides who sees children without importing the app that keeps them."""
    return apps.get_model(CHILD_MODEL)


def contact_visibility(user) -> Q:
    """A filter on the front door's contacts (``frontdoor.Contact``: ``recorded_by``, ``agency``,
    ``children_named__child``) for those ``user`` may open, before ``children_hiding_contacts`` is excluded.

    Contacts belong to the front door, which sees them all. Anyone else sees a contact only as part of something
    they already have: the staff member who recorded it, staff who may open a child it is linked to (read-only,
    as part of that child's record), and a partner agency its own agency's contacts."""
    if not _is_active(user):
        return Q(pk__in=[])
    if user.is_partner:
        return Q(agency_id=user.agency_id)
    if not user.is_local_authority_staff:
        return Q(pk__in=[])
    if is_front_door(user):
        return Q()
    return Q(recorded_by=user) | Q(children_named__child__in=child_model().objects.visible_to(user).values("pk"))


def children_hiding_contacts(user) -> QuerySet:
    """Children whose contacts ``user`` may not open at all, whatever else they may see: a restricted child the
    user could not even find (a contact naming her would tell them she is on record, and who she lives with). A
    partner agency never sees a contact about a restricted child, even one it raised."""
    children = child_model().objects
    if user.is_authenticated and user.is_partner:
        return children.filter(is_restricted=True)
    return children.exclude(child_matchability(user))


def can_work_contact(user, contact) -> bool:
    """Linking a named child to the record, making a record for them, and screening: the front door's work, on a
    contact still awaiting screening. The actions refuse anyone else; the pages ask the same question."""
    return is_front_door(user) and contact.is_open
