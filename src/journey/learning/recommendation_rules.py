"""Who sees the partnership's board of recommendations, who records one and who moves it on (decision record 0021).

The board is the local authority's staff's: a recommendation is about the system, not a child, and its actions are
owned by staff. Partner agencies' users have no role here that marks a safeguarding lead, so they do not see it
(they learn of a recommendation through the partnership, as today). Managers (team managers and heads of service)
record recommendations; the owner, whoever recorded it and any head of service move it on and close it.
"""
from journey.accounts.models import Role

RECORDERS = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
NOT_STAFF = "Only the local authority's staff see the partnership's recommendations"
NOT_A_RECORDER = "Only a team manager or a head of service records a recommendation"
NOT_THEIRS = "Only the recommendation's owner, whoever recorded it or a head of service can change it"
CLOSED = "This recommendation is closed"


def _is_active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_see_board(user) -> bool:
    return _is_active(user) and user.is_local_authority_staff


def can_record(user) -> bool:
    return can_see_board(user) and user.role in RECORDERS


def changing_refusal(user, recommendation) -> str | None:
    """Why ``user`` may not add actions or progress to ``recommendation``, or close it; None if they may."""
    if not can_see_board(user):
        return NOT_STAFF
    if user.pk not in (recommendation.owner_id, recommendation.recorded_by_id) and user.role != Role.HEAD_OF_SERVICE:
        return NOT_THEIRS
    return None if recommendation.is_open else CLOSED


def can_change(user, recommendation) -> bool:
    return changing_refusal(user, recommendation) is None


def staff():
    """Who may own a recommendation or an action: the local authority's active staff."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).exclude(role=Role.PARTNER).order_by("first_name", "last_name", "pk")
