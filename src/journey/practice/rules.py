"""Who may record and read reflective supervision, asked by the actions and the pages alike.

A session is recorded by the practitioner's line manager: the manager of the practitioner's team, or a manager of a
service area above it (casework's ``manages``). The children discussed must be children the practitioner works: the
allocated worker, the team holding the child or its manager line, by casework's own rule (``plan_refusal``), never
re-implemented here. A session, the private reflections in it included, is read by the practitioner, the supervisor
and the practitioner's manager line, and by no one else (decision record 0017).
"""
from journey.access.rules import can_record_work
from journey.casework.rules import manages, plan_refusal

NOT_THEIR_MANAGER = "Choose a practitioner you manage: supervision is recorded by the practitioner's line manager"
NOT_THEIR_CHILD = "Choose a child the practitioner works with"
CANNOT_READ = "Only the practitioner, their supervisor and their manager line can read this supervision"


def recording_refusal(user, practitioner) -> str | None:
    """Why ``user`` may not record a supervision of ``practitioner``, or None if they may: an active manager of the
    practitioner's team (or of a service area above it), supervising someone other than themselves."""
    if practitioner is None or not can_record_work(user) or not practitioner.is_active or not practitioner.is_local_authority_staff:
        return NOT_THEIR_MANAGER
    if practitioner.pk == user.pk or not manages(user, practitioner.team_id):
        return NOT_THEIR_MANAGER
    return None


def can_record(user, practitioner) -> bool:
    return recording_refusal(user, practitioner) is None


def child_refusal(practitioner, child) -> str | None:
    """Why ``child`` may not be discussed in ``practitioner``'s supervision: only a child they work, by casework's rule."""
    return None if plan_refusal(practitioner, child) is None else NOT_THEIR_CHILD


def reading_refusal(user, session) -> str | None:
    """Why ``user`` may not read ``session`` (and its private reflections), or None if they may."""
    if not user.is_authenticated or not user.is_active or user.is_partner:
        return CANNOT_READ
    if user.pk in (session.practitioner_id, session.supervisor_id):
        return None
    if manages(user, session.practitioner.team_id):
        return None
    return CANNOT_READ


def can_read(user, session) -> bool:
    return reading_refusal(user, session) is None
