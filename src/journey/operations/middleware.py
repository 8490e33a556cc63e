import logging
from time import perf_counter

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from .logs import REQUEST_ID_KEY, request_id, request_id_for

access_log = logging.getLogger("journey.access")

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestIdMiddleware:
    """Gives each request an id, on every log record written while it is served and on the response's
    ``X-Request-ID`` header (so a user's report of a failure can be matched to its log lines), and writes one access
    line when it is answered: method, route pattern, status, time taken and the user's number.

    First in MIDDLEWARE, so that it times the whole request and sees the answer of every middleware after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request_id.set(request_id_for(request.headers.get("X-Request-ID")))
        request.META[REQUEST_ID_KEY] = request_id.get()
        started = perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            match = request.resolver_match
            method = request.method if request.method in METHODS else "OTHER"
            route = match.route if match is not None else None
            access_log.info(
                "%s %s %s", method, route or "-", response.status_code,
                extra={
                    "method": method, "route": route, "status": response.status_code,
                    "duration_ms": round((perf_counter() - started) * 1000, 1), "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_id.reset(token)


def _user_id(request: HttpRequest) -> int | None:
    """The API's token user, else the signed-in user, by number only; never looked up just for the log (a request
    that did not ask who its user was, such as /healthz, costs no session read)."""
    user = getattr(request, "auth", None) or request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    pk = getattr(user, "pk", None)
    return pk if isinstance(pk, int) else None
