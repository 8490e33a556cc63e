"""Who sees the partnership's board of recommendations, who records one and who moves it on (decision record 0021).

The board is the safeguarding partnership's: the local authority's staff read it, and so do the partner agencies'
users who represent their agency on the partnership (``User.partnership_member``, set by an administrator). A
recommendation is about the system, not a child, so the board shows no child's data. Other partners' users do not see
it (they learn of a recommendation through their partnership lead). Its actions are owned by the council's staff:
managers (team managers and heads of service) record recommendations; the owner, whoever recorded it and any head of
service move it on and close it. A partnership member reads; they change nothing.
"""
from journey.accounts.models import Role

RECORDERS = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
NOT_STAFF = "Only the local authority's staff and the safeguarding partnership's members see the partnership's recommendations"
READ_ONLY = "The partnership's members read the board; the local authority's staff move recommendations on"
NOT_A_RECORDER = "Only a team manager or a head of service records a recommendation"
NOT_THEIRS = "Only the recommendation's owner, whoever recorded it or a head of service can change it"
CLOSED = "This recommendation is closed"


def _is_active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_see_board(user) -> bool:
    return _is_active(user) and (user.is_local_authority_staff or user.partnership_member)


def can_record(user) -> bool:
    return can_see_board(user) and user.role in RECORDERS  # staff roles: a partnership member reads, never records


def changing_refusal(user, recommendation) -> str | None:
    """Why ``user`` may not add actions or progress to ``recommendation``, or close it; None if they may."""
    if not can_see_board(user):
        return NOT_STAFF
    if not user.is_local_authority_staff:
        return READ_ONLY
    if user.pk not in (recommendation.owner_id, recommendation.recorded_by_id) and user.role != Role.HEAD_OF_SERVICE:
        return NOT_THEIRS
    return None if recommendation.is_open else CLOSED


def can_change(user, recommendation) -> bool:
    return changing_refusal(user, recommendation) is None


def staff():
    """Who may own a recommendation or an action: the local authority's active staff."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).exclude(role=Role.PARTNER).order_by("first_name", "last_name", "pk")
