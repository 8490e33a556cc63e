"""Who may do what to a piece of casework: asked by the action, which refuses, and by the page, which decides
whether to offer the button and answers 403. One function per rule, so the two cannot disagree."""
from journey.access.rules import is_in_manager_line
from journey.accounts.models import Role

from .models import Assessment, Episode

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
