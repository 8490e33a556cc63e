"""Who may record strategy discussions and section 47 enquiries: those who hold the child's casework (the allocated
worker, the team holding the child and its manager line), by casework's own rule for writing, asked by the actions
and the pages alike. Partners never write here; a participant from a partner agency sees what
``shared.discussions_for_partner`` shows them."""
from journey.casework.rules import plan_refusal

REFUSAL = "Only the child's worker, the team holding the child or their manager can record strategy discussions and enquiries"


def writing_refusal(user, child) -> str | None:
    """Why ``user`` may not record a strategy discussion or enquiry for ``child``, or None if they may."""
    return None if plan_refusal(user, child) is None else REFUSAL


def can_write(user, child) -> bool:
    return writing_refusal(user, child) is None
