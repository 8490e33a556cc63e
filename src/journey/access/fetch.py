"""Fetch one child for a user, writing the read to the log. Views never fetch a child any other way."""
from django.db import transaction

from journey.people.models import Child

from .models import RecordRead
from .rules import NoAccess, can_record_work

MAX_ID = 2**63 - 1  # the largest primary key either database holds; beyond it SQLite overflows


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def log_read(user, child, what: str, request=None) -> None:
    RecordRead.objects.create(user=user, child=child, what=what, ip_address=client_ip(request))


def get_child_for(user, child_id, *, what: str, request=None) -> Child:
    """The child, if ``user`` may see it; otherwise ``NoAccess`` (also for a child that does not exist)."""
    try:
        pk = int(child_id)
    except (TypeError, ValueError):
        raise NoAccess from None
    if not 0 < pk <= MAX_ID:
        raise NoAccess
    child = Child.objects.visible_to(user).filter(pk=pk).select_related("person").first()
    if child is None:
        raise NoAccess
    with transaction.atomic():
        log_read(user, child, what, request)
    return child


def get_child_for_staff(request, child_id, *, what: str) -> Child:
    """The child for a local authority user's page. Partners raise contacts; they never open a child's record in
    these pages (what is shared with their agency is decided by the access rules, not by each view)."""
    if not can_record_work(request.user):
        raise NoAccess
    return get_child_for(request.user, child_id, what=what, request=request)
