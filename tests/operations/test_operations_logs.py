"""Every log line is JSON with its request's id, and nothing personal: the access line names the route's pattern,
the status and the user's number; no name, path or query string reaches the log, even through Django's own records
of refused requests."""
import io
import json
import logging
import re
import sys

import pytest

from journey.operations.logs import JsonLinesFormatter, RequestIdFilter, TextFormatter, request_id


@pytest.fixture
def log_lines():
    """What the configured console handler writes while the test runs, one parsed JSON object a line."""
    [handler] = [handler for handler in logging.getLogger().handlers if handler.get_name() == "console"]
    written = io.StringIO()
    previous = handler.setStream(written)

    def lines() -> list[dict]:
        return [json.loads(line) for line in written.getvalue().splitlines()]

    lines.text = written.getvalue  # type: ignore[attr-defined]
    yield lines
    handler.setStream(previous)


def access_lines(lines) -> list[dict]:
    return [line for line in lines if line["logger"] == "journey.access"]


def test_the_request_id_given_by_the_proxy_is_used_and_returned(client, db, log_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a-0001")

    assert response["X-Request-ID"] == "lb-7f3a-0001"
    [line] = access_lines(log_lines())
    assert line["request_id"] == "lb-7f3a-0001"


@pytest.mark.parametrize("given", ["", "has spaces", "semi;colon", "x" * 65, "ünïcode", "a\nb"])
def test_a_request_id_that_is_not_plainly_an_id_is_replaced_by_a_new_one(client, db, log_lines, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert access_lines(log_lines())[0]["request_id"] == response["X-Request-ID"]


def test_each_request_gets_its_own_id(client, db):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


def test_the_access_line_for_a_childs_page_names_the_route_not_the_child(client_for, alice, ruby, log_lines):
    response = client_for(alice).get(f"/children/{ruby.pk}/")

    assert response.status_code == 200
    [line] = access_lines(log_lines())
    assert set(line) == {"time", "level", "logger", "message", "request_id", "method", "route", "status", "duration_ms", "user_id"}
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["level"], line["method"], line["route"], line["status"]) == ("INFO", "GET", "children/<int:child_id>/", 200)
    assert line["user_id"] == alice.pk and line["duration_ms"] > 0
    assert line["message"] == "GET children/<int:child_id>/ 200"
    for personal in ("Ruby", "Smith", "Alice", "Akers", "alice@", f"/children/{ruby.pk}/"):
        assert personal not in log_lines.text()


def test_a_search_for_a_child_by_name_logs_neither_the_name_nor_the_query(client_for, charlie, ruby, log_lines):
    response = client_for(charlie).get("/children/find/", {"name": "Ruby Smith"})

    assert response.status_code == 200 and "Ruby" in response.content.decode()
    [line] = access_lines(log_lines())
    assert (line["route"], line["status"], line["user_id"]) == ("children/find/", 200, charlie.pk)
    for personal in ("Ruby", "Smith", "name=", "?"):
        assert personal not in log_lines.text()


def test_djangos_record_of_a_refusal_carries_the_request_id_but_not_the_query(client_for, charlie, ruby, log_lines):
    """Django logs a 4xx with the request object attached, whose text is the full path with its query string."""
    response = client_for(charlie).get(f"/children/{ruby.pk}/", {"name": "Ruby Smith"})

    assert response.status_code == 403
    django_lines = [line for line in log_lines() if line["logger"] == "django.request"]
    assert [line["message"] for line in django_lines] == ["Forbidden: children/<int:child_id>/"]
    assert all(line["request_id"] == response["X-Request-ID"] for line in django_lines)
    assert {line["status"] for line in access_lines(log_lines())} == {403}
    for personal in ("Ruby", "Smith", "name=", "?", "WSGIRequest"):
        assert personal not in log_lines.text()


def test_a_page_that_is_not_found_logs_no_path(client_for, alice, log_lines):
    client_for(alice).get("/children/Ruby-Smith/")

    [line] = access_lines(log_lines())
    assert (line["route"], line["status"]) == (None, 404)
    assert [line["message"] for line in log_lines() if line["logger"] == "django.request"] == ["Not Found: (path not logged)"]
    assert "Ruby" not in log_lines.text()


NAME, REFUSED_ROW = "Ruby Smith", "Key (nhs_number)=(9434765919) already exists"


def record_of_a_failure(logger_name: str = "journey.test") -> logging.LogRecord:
    """A database error quoting the row it refused, raised while handling an error naming a child."""
    try:
        try:
            raise KeyError(NAME)
        except KeyError as error:
            raise ValueError(REFUSED_ROW) from error
    except ValueError:
        record = logging.getLogger(logger_name).makeRecord(
            logger_name, logging.ERROR, __file__, 1, "Saving failed", (), exc_info=sys.exc_info(),
            extra={"request": "<WSGIRequest: GET '/children/find/?name=Ruby'>", "child_name": "Ruby Smith"},
        )
    RequestIdFilter().filter(record)
    return record


def test_an_exception_is_logged_as_its_stack_and_types_without_messages_or_extras():
    line = json.loads(JsonLinesFormatter().format(record_of_a_failure()))

    assert set(line) == {"time", "level", "logger", "message", "request_id", "exc_info"}
    assert line["request_id"] == "-"
    assert "raise ValueError" in line["exc_info"] and "builtins.ValueError" in line["exc_info"]
    assert "builtins.KeyError" in line["exc_info"]
    assert "Ruby" not in json.dumps(line) and "9434765919" not in json.dumps(line)


def test_the_text_format_shows_the_request_id_and_keeps_messages_out_too():
    token = request_id.set("abc-123")
    try:
        text = TextFormatter().format(record_of_a_failure())
    finally:
        request_id.reset(token)

    assert " ERROR journey.test [abc-123] Saving failed" in text
    assert "Ruby" not in text and "9434765919" not in text
