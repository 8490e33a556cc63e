"""Who works a social work unit's children, and who records and reads its meetings (decision record 0018).

A unit holds a child while one of the child's open episodes is allocated within the unit or sent to it: one lead
worker per episode (casework's allocation), everyone in the unit working the child. That sharing is the access
rules' own (``access.rules``: a member of the allocated or responsible team or unit), not re-implemented here; the
unit's pages ask only who belongs to the unit. A unit's meetings and its caseload are for the members of the unit
and its manager line (the consultant social worker, who is the unit's manager, and the managers of the service areas
above it); anyone else is answered as for a unit that does not exist.
"""
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from journey.access.rules import can_record_work, child_model
from journey.accounts.models import TeamKind, UnitRole
from journey.casework.models import Allocation, Episode
from journey.casework.rules import manages

NOT_THEIR_UNIT = "Only the members of this unit and its managers can see its children and record its meetings"
NOT_HELD = "Choose a child the unit holds"
NOT_A_MEMBER = "Choose a member of the unit"


def unit_refusal(user, unit) -> str | None:
    """Why ``user`` may not see ``unit``'s caseload or record and read its meetings, or None if they may: an active
    member of the unit, or a manager of it (its consultant social worker, a manager of a service area above it)."""
    if unit is None or unit.kind != TeamKind.UNIT or not can_record_work(user):
        return NOT_THEIR_UNIT
    if user.team_id == unit.pk or manages(user, unit.pk):
        return None
    return NOT_THEIR_UNIT


def can_see_unit(user, unit) -> bool:
    return unit_refusal(user, unit) is None


def meeting_refusal(user, meeting) -> str | None:
    """Why ``user`` may not read ``meeting``: the unit's own and its manager line read it, as they recorded it. Each
    entry is also on its child's chronology, for whoever may open the child."""
    return unit_refusal(user, meeting.unit)


def children_held_by(unit) -> QuerySet:
    """The children ``unit`` holds now: an open episode allocated to a worker in the unit, or sent to the unit and
    waiting for its consultant to allocate it."""
    allocated = Allocation.objects.current().filter(team=unit).values("episode__child_id")
    sent = Episode.objects.filter(ended_on__isnull=True, team=unit).values("child_id")
    return child_model().objects.filter(Q(pk__in=allocated) | Q(pk__in=sent))


def child_refusal(unit, child) -> str | None:
    """Why ``child`` may not be discussed at ``unit``'s meeting: only a child the unit holds."""
    return None if children_held_by(unit).filter(pk=child.pk).exists() else NOT_HELD


def members_of(unit) -> QuerySet:
    """The active staff of ``unit``, in the order of the unit's roles (the consultant social worker first), then by name."""
    order = Case(*(When(unit_role=role, then=Value(n)) for n, role in enumerate(UnitRole.values)), default=Value(len(UnitRole.values)),
                 output_field=IntegerField())
    return (
        get_user_model().objects.filter(team=unit, is_active=True, agency__is_local_authority=True)
        .order_by(order, "first_name", "last_name", "pk")
    )


def is_member(user, unit) -> bool:
    """Whether ``user`` is an active member of ``unit``: who attends its meeting and takes on what it agrees."""
    return user is not None and getattr(user, "is_active", False) and user.is_local_authority_staff and user.team_id == unit.pk
