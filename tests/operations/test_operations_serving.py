"""``journey serve`` is sized from settings (threads, connections, idle timeout), shows no server banner, and takes
the client's address from the reverse proxy only when told the proxy's address."""
import threading
import urllib.request

import pytest
from django.db import connection
from waitress.server import create_server

from journey.server import server_options
from journey.wsgi import application
from tests.deploy.test_deploy_settings import journey, production


def test_the_server_is_sized_from_settings_and_sends_no_banner(settings):
    settings.JOURNEY_SERVER_THREADS, settings.JOURNEY_SERVER_CONNECTION_LIMIT = 6, 250
    settings.JOURNEY_SERVER_CHANNEL_TIMEOUT = 45

    assert server_options() == {"threads": 6, "connection_limit": 250, "channel_timeout": 45, "ident": ""}


def test_the_client_address_is_taken_from_the_named_proxy_only(settings):
    settings.JOURNEY_SERVER_TRUSTED_PROXY = "10.0.0.5"

    options = server_options()

    assert options["trusted_proxy"] == "10.0.0.5" and options["trusted_proxy_headers"] == {"x-forwarded-for"}
    assert options["clear_untrusted_proxy_headers"] is False  # X-Forwarded-Proto is Django's to read


def test_a_running_server_answers_the_health_check_with_a_request_id_and_no_server_header(db, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)  # the server's threads close their connections
    server = create_server(application, host="127.0.0.1", port=0, **server_options())
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.effective_port}/healthz", headers={"X-Request-ID": "probe-1", "Host": "localhost"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            status, headers, body = response.status, response.headers, response.read()
    finally:
        server.close()
        thread.join(timeout=10)

    assert status == 200 and b'"status": "ok"' in body
    assert headers["X-Request-ID"] == "probe-1"
    assert "Server" not in headers and "waitress" not in str(headers).lower()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("JOURNEY_SERVER_THREADS", "0", "JOURNEY_SERVER_THREADS must be at least 1, not 0"),
        ("JOURNEY_SERVER_CONNECTION_LIMIT", "lots", "JOURNEY_SERVER_CONNECTION_LIMIT must be a whole number, not 'lots'"),
        ("JOURNEY_LOG_FORMAT", "xml", "JOURNEY_LOG_FORMAT must be json or text, not 'xml'"),
        ("JOURNEY_LOG_LEVEL", "loud", "JOURNEY_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not 'LOUD'"),
    ],
)
def test_a_malformed_serving_or_logging_setting_is_one_line_saying_what_to_set(tmp_path, variable, value, message):
    result = journey("check", env=production(tmp_path, **{variable: value}))

    assert result.returncode != 0
    assert result.stderr.strip() == f"journey: {message}"
