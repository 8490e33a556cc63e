"""Who may record and read reflective supervision, asked by the actions and the pages alike.

A session is recorded by the practitioner's line manager: the manager of the practitioner's team, or a manager of a
service area above it (casework's ``manages``). The children discussed must be children the practitioner works: the
allocated worker, the team holding the child or its manager line, by casework's own rule (``plan_refusal``), never
re-implemented here. A session, the private reflections in it included, is read by the practitioner, the supervisor
and the practitioner's manager line, and by no one else (decision record 0017).
"""
from django.db.models import Q

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


def children_worked_by(practitioner):
    """The children ``practitioner`` works, as a Child queryset: the same reasons casework's ``plan_refusal`` lets
    write the child's casework (allocated worker, team holding the child, manager line), offered on the form."""
    from journey.access.involvement import STAFF, reasons_for
    from journey.access.rules import child_model
    from journey.casework.rules import PLAN_WRITERS

    worked = Q(pk__in=[])
    if can_record_work(practitioner):
        for reason in reasons_for(STAFF):
            if reason.name in PLAN_WRITERS and (rows := reason.rows(practitioner)) is not None:
                worked |= Q(pk__in=rows.values(reason.child_field))
    return child_model().objects.filter(worked)


def supervised_by(user):
    """The practitioners ``user`` supervises: active local authority staff in the teams they manage, not themselves."""
    from django.contrib.auth import get_user_model

    from journey.accounts.models import Role
    from journey.casework.rules import teams_managed_by

    return get_user_model().objects.filter(team__in=teams_managed_by(user), is_active=True).exclude(role=Role.PARTNER).exclude(pk=user.pk)
