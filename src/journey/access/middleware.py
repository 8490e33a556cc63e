from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from journey.audit.log import record_refusal

from .memo import request_scope
from .rules import NoAccess, can_break_glass

REFUSED = "_journey_refused"


def note_refusal(request) -> None:
    """Mark ``request`` as answered "no access", for the middleware to log once the view has returned. The API's
    error handler calls it too: its answers come back through the same middleware."""
    setattr(request, REFUSED, True)


class NoAccessMiddleware:
    """Answers ``NoAccess`` anywhere with the same clear page, status 403, whether or not the record exists, and
    writes every refusal (``NoAccess``, ``PermissionDenied``, or one the API noted) to the audit log.

    On a child's page, staff who may break glass also get the emergency form for the child id in the address
    (which they typed or followed, so showing it tells them nothing about whether the record exists).

    The refusal is written after the response is made, outside the view and any transaction the view opened (and
    rolled back), in a transaction of its own; nothing about it reaches the answer, so a forbidden and a missing
    record still answer alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            response = self.get_response(request)
        if getattr(request, REFUSED, False):
            _record(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, NoAccess):
            note_refusal(request)
            return render(request, "access/no_access.html", _break_glass_context(request), status=403)
        if isinstance(exception, PermissionDenied):
            note_refusal(request)  # Django answers it with its own 403 page
        return None


def _record(request) -> None:
    """Who tried: the API's token user when the API authenticated one, else the signed-in user (or nobody)."""
    user = getattr(request, "auth", None) or getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    record_refusal(user, request, ids={name: _as_id(value) for name, value in (match.kwargs if match else {}).items()})


def _as_id(value):
    """The pages' routes hand over ints, the API's the text of the path: log both as numbers, so one query finds
    every attempt at the same id."""
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() else value


def _break_glass_context(request) -> dict:
    from .actions import break_glass_hours
    from .fetch import record_pk
    from .forms import BreakGlassForm

    match = getattr(request, "resolver_match", None)
    child_id = match.kwargs.get("child_id") if match is not None else None
    if child_id is None or not can_break_glass(request.user):
        return {}
    try:
        child_id = record_pk(child_id)
    except NoAccess:
        return {}
    return {"break_glass_form": BreakGlassForm(), "break_glass_child_id": child_id, "break_glass_hours": break_glass_hours()}
