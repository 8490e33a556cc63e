"""Every failure the API can meet answers with JSON ``{"detail": ...}`` and a 4xx status, never a 500 or an HTML
page: a refused token (401), a record the caller may not open or that does not exist (403, alike), input that breaks
a rule (422, naming the field and the rule), and a body over the upload limit (413)."""
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from journey.access.middleware import note_refusal
from journey.access.rules import NoAccess

from .auth import NOT_VALID, TokenRejected

NO_ACCESS = "You do not have access to this record"
# Pydantic's wording for the commonest rules, said the way the pages say them.
PLAIN_MESSAGES = {
    "missing": "This field is required",
    "extra_forbidden": "This field is not part of the API: check its spelling, or leave it out",
    "model_attributes_type": "Send a JSON object",
    "model_type": "Send a JSON object",
}
SOURCES = {"body", "query", "path"}


def field_name(loc: tuple | list) -> str:
    """('body', 'payload', 'children', 0, 'nhs_number') -> 'children[0].nhs_number'."""
    parts = list(loc)
    if parts and parts[0] in SOURCES:
        parts = parts[1:]
    if parts and parts[0] in {"payload", "filters"}:  # the endpoint's own name for the whole body or query
        parts = parts[1:]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def _error(api: NinjaAPI, request: HttpRequest, status: int, detail) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers on ``api``."""

    def unauthorised(request, exc) -> HttpResponse:
        """A call without a token that works is refused, and logged like any refusal (nobody signed in), so a
        system probing tokens leaves a trace."""
        note_refusal(request)
        response = _error(api, request, 401, str(exc) if isinstance(exc, TokenRejected) else NOT_VALID)
        response["WWW-Authenticate"] = 'Bearer realm="journey"'
        return response

    def no_access(request, exc) -> HttpResponse:
        """Alike for a forbidden and a missing record; the access middleware writes the refusal to the audit log."""
        note_refusal(request)
        return _error(api, request, 403, NO_ACCESS)

    def not_found(request, exc) -> HttpResponse:
        return _error(api, request, 404, "Not found")

    def too_big(request, exc) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return _error(api, request, 413, f"The request body is larger than the limit of {limit // 1024} KiB")

    def invalid_input(request, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {
                "field": field_name(error["loc"]), "msg": PLAIN_MESSAGES.get(error["type"], error["msg"]),
                "loc": list(error["loc"]), "type": error["type"],
            }
            for error in exc.errors
        ]
        return _error(api, request, 422, errors)

    def broken_rule(request, exc: DjangoValidationError) -> HttpResponse:
        """An action's own rule (the same one the pages apply), reported against the body field it names."""
        found = exc.message_dict.items() if hasattr(exc, "error_dict") else [("body", exc.messages)]
        errors = [
            {"field": field, "msg": message, "loc": ["body", field], "type": "rule"}
            for field, messages in found for message in messages
        ]
        return _error(api, request, 422, errors)

    def http_error(request, exc: HttpError) -> HttpResponse:
        return _error(api, request, exc.status_code, str(exc))

    api.add_exception_handler(TokenRejected, unauthorised)
    api.add_exception_handler(AuthenticationError, unauthorised)
    api.add_exception_handler(NoAccess, no_access)
    api.add_exception_handler(PermissionDenied, no_access)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(RequestDataTooBig, too_big)
    api.add_exception_handler(NinjaValidationError, invalid_input)  # type: ignore[arg-type]
    api.add_exception_handler(DjangoValidationError, broken_rule)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, http_error)  # type: ignore[arg-type]
