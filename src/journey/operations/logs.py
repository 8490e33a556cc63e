"""Journey's logs: one JSON object a line (or plain text for local work), each carrying the id of the request it
belongs to, and nothing personal.

What keeps personal data out:

- The access line (``journey.access``, written by ``RequestIdMiddleware``) names the route's pattern
  (``children/<int:child_id>/``), never the path or its query string, where a searched name would sit
  (``/children/find/?name=...``), and the user by number only.
- The JSON formatter writes only the fields named in ``FIELDS``. Django hands the request object to its own log
  records (``django.request``, ``django.security.*``), and its text carries the full path with the query string;
  python-json-logger would write every such extra, so an allow-list, not a deny-list, decides.
- Exceptions are written as their stack and type, without their message: a database error's message can quote the
  row it refused ("Key (nhs_number)=(...) already exists").
- Django's records of refused requests name the route, not the path (``PathFilter``), and ``django.server``
  (``runserver``'s request lines, with query strings) is silenced in settings.LOGGING.
"""
import logging
import re
import traceback
import uuid
from contextvars import ContextVar
from typing import Any

from pythonjsonlogger.json import JsonFormatter

# The request being served by this thread; "-" outside a request (a management command, the server starting).
request_id: ContextVar[str] = ContextVar("journey_request_id", default="-")

# An id that a reverse proxy or a partner system gives may be used, if it is plainly an id.
INCOMING_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")

# Every field a JSON log line may have, in the order written.
FIELDS = (
    "time", "level", "logger", "message", "request_id", "method", "route", "status", "duration_ms", "user_id",
    "status_code", "exc_info", "stack_info",
)


def request_id_for(incoming: str | None) -> str:
    """The id given in the X-Request-ID header when it is one, else a new one."""
    if incoming and INCOMING_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


# Where the request keeps its id, for the records Django writes after the middleware has returned.
REQUEST_ID_KEY = "journey.request_id"


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record that reaches the handler, whichever logger wrote it. Django's
    own record of an error answer (``django.request``) is written after the middleware has returned, so its id is
    read from the request that the record carries."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = request_id.get()
        if current == "-":
            meta = getattr(getattr(record, "request", None), "META", None)
            current = meta.get(REQUEST_ID_KEY, current) if isinstance(meta, dict) else current
        record.request_id = current
        return True


class PathFilter(logging.Filter):
    """Django's records of refused and failed requests (``django.request``, ``django.security.csrf``) say the path,
    and a path that was not found can be anything typed into the address bar, a name included. The path is replaced
    by the route's pattern when it matched one, else left out. The record is changed for every handler after this
    one, which is the point."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and isinstance(record.args, tuple) and path in record.args:
            match = getattr(request, "resolver_match", None)
            route = match.route if match is not None else "(path not logged)"
            record.args = tuple(route if arg == path else arg for arg in record.args)
        return True


def _without_messages(exc_info: Any) -> str:
    """The traceback's frames (file, line, code) and each exception's type, leaving out the messages."""
    _type, error, tb = exc_info
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(traceback.extract_tb(tb))]
    lines.append(f"{type(error).__module__}.{type(error).__qualname__} (message not logged)")
    seen = {id(error)}
    cause = (error.__cause__ or error.__context__) if error is not None else None
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        lines.append(f"\n  raised while handling {type(cause).__module__}.{type(cause).__qualname__}")
        cause = cause.__cause__ or cause.__context__
    return "".join(lines)


class JsonLinesFormatter(JsonFormatter):
    """python-json-logger's formatter with Journey's field names (time in UTC, level, logger, message, request_id)
    and the allow-list ``FIELDS``."""

    def __init__(self) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
        )

    def formatException(self, ei) -> str:
        return _without_messages(ei)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        return {field: log_data[field] for field in FIELDS if field in log_data}


class TextFormatter(logging.Formatter):
    """A readable line for a developer's console (``JOURNEY_LOG_FORMAT=text``), with the same care for exceptions."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def formatException(self, ei) -> str:
        return _without_messages(ei)
