"""Who may record strategy discussions, section 47 enquiries and conferences: those who hold the child's casework (the allocated
worker, the team holding the child and its manager line), by casework's own rule for writing, asked by the actions
and the pages alike. Partners never write here; a participant from a partner agency sees what
``shared.discussions_for_partner`` shows them. A conference's chair is a child protection chair independent of the
case's line management (``chair_refusal``); the chair reads the record (``involvement``) but the child's worker
records the conference, as the plan it makes is casework's."""
from journey.accounts.models import Role
from journey.casework.rules import plan_refusal

REFUSAL = "Only the child's worker, the team holding the child or their manager can record strategy discussions and enquiries"


def writing_refusal(user, child) -> str | None:
    """Why ``user`` may not record a strategy discussion or enquiry for ``child``, or None if they may."""
    return None if plan_refusal(user, child) is None else REFUSAL


def can_write(user, child) -> bool:
    return writing_refusal(user, child) is None


CONFERENCE_REFUSAL = "Only the child's worker, the team holding the child or their manager can record a conference"


def conference_refusal(user, child) -> str | None:
    """Why ``user`` may not record a conference about ``child``: the conference's plan is casework's, written by
    those casework lets write it (the chair, who reads the record, does not)."""
    return None if plan_refusal(user, child) is None else CONFERENCE_REFUSAL


CHAIR_DAYS_AFTER = 28
NOT_A_CHAIR = "Choose a child protection chair: the chair must hold the child protection chair role"
NOT_INDEPENDENT = (
    "The chair must be independent of the case's line management: choose a chair who is not the child's worker, "
    "in the team holding the child or one of its managers"
)


def chair_refusal(chair, child) -> str | None:
    """Why ``chair`` may not chair a conference about ``child``, or None if they may: an active child protection
    chair who neither works the case nor manages it (anyone casework lets write the child's plans does)."""
    if chair is None or not chair.is_active or chair.role != Role.CP_CHAIR:
        return NOT_A_CHAIR
    if plan_refusal(chair, child) is None:
        return NOT_INDEPENDENT
    return None
