from django.shortcuts import render

from .rules import NoAccess, can_break_glass


class NoAccessMiddleware:
    """Answers ``NoAccess`` anywhere with the same clear page, status 403, whether or not the record exists.

    On a child's page, staff who may break glass also get the emergency form for the child id in the address
    (which they typed or followed, so showing it tells them nothing about whether the record exists)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NoAccess):
            return render(request, "access/no_access.html", _break_glass_context(request), status=403)
        return None


def _break_glass_context(request) -> dict:
    from .actions import break_glass_hours
    from .fetch import child_pk
    from .forms import BreakGlassForm

    match = getattr(request, "resolver_match", None)
    child_id = match.kwargs.get("child_id") if match is not None else None
    if child_id is None or not can_break_glass(request.user):
        return {}
    try:
        child_id = child_pk(child_id)
    except NoAccess:
        return {}
    return {"break_glass_form": BreakGlassForm(), "break_glass_child_id": child_id, "break_glass_hours": break_glass_hours()}
