"""Fetch one child for a user, writing the read to the log. Views never fetch a child any other way."""

from journey.audit.log import record_read

from .rules import NoAccess, can_break_glass, child_model, require_staff

MAX_ID = 2**63 - 1  # the largest primary key either database holds; beyond it SQLite overflows


def log_read(user, child, what: str, request=None) -> None:
    """Every read of a child's record goes to the tamper-evident audit log: in the caller's transaction if there
    is one, else in a short one of its own (see ``audit.log``)."""
    record_read(user, child, what, request=request)


def record_pk(value) -> int:
    """An id from a URL or form (a child's, a contact's...) as a primary key either database holds; anything else
    is ``NoAccess``, answered like a record the user may not see."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise NoAccess from None
    if not 0 < pk <= MAX_ID:
        raise NoAccess
    return pk


def _fetch(children, user, child_id, what: str, request):
    child = children.filter(pk=record_pk(child_id)).select_related("person").first()
    if child is None:
        raise NoAccess
    log_read(user, child, what, request)
    return child


def get_child_for(user, child_id, *, what: str, request=None):
    """The child, if ``user`` may see it; otherwise ``NoAccess`` (also for a child that does not exist)."""
    return _fetch(child_model().objects.visible_to(user), user, child_id, what, request)


def get_child_to_match(user, child_id, *, what: str, request=None):
    """A child the user found by searching (e.g. to link a new contact to the record), if they may find it;
    otherwise ``NoAccess``. For actions on the child's identity only: it does not open the record."""
    return _fetch(child_model().objects.matchable_by(user), user, child_id, what, request)


def get_child_for_staff(request, child_id, *, what: str):
    """The child for a local authority user's page. Partners raise contacts; they never open a child's record in
    these pages (what is shared with their agency is decided by the access rules, not by each view)."""
    require_staff(request.user)
    return get_child_for(request.user, child_id, what=what, request=request)


def get_child_to_break_glass(user, child_id):
    """The child a user is opening in an emergency, for a user who may break glass; otherwise ``NoAccess`` (also
    for a child that does not exist). Not logged as a read: the break-glass is recorded, then the page read is."""
    if not can_break_glass(user):
        raise NoAccess
    child = child_model().objects.filter(pk=record_pk(child_id)).select_related("person").first()
    if child is None:
        raise NoAccess
    return child
