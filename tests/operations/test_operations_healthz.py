"""/healthz answers the load balancer and monitoring: open to anyone, only the checks' names and short reasons, and
503 naming the check that fails."""
import pytest
from django.db import connection

from journey.audit.models import AuditChainHead, AuditEvent
from journey.operations import health
from tests.conftest import VALID_NHS

CHECK_NAMES = {"database", "migrations", "audit_chain"}


def test_it_answers_ok_without_signing_in(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "audit_chain": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_a_database_with_no_chain_head_row_yet_is_healthy(client, db, monkeypatch):
    monkeypatch.setattr(AuditChainHead.objects, "filter", lambda **_: AuditChainHead.objects.none())

    assert client.get("/healthz").json()["checks"]["audit_chain"] == "ok"


def test_it_says_nothing_but_the_checks_even_with_a_child_on_record(client, ruby):
    body = client.get("/healthz").json()

    assert set(body) == {"status", "checks"} and set(body["checks"]) == CHECK_NAMES
    text = client.get("/healthz").content.decode()
    for word in ("Ruby", "Smith", "Alice", "Northfield", VALID_NHS):
        assert word not in text


def test_it_writes_no_audit_event_and_starts_no_session(client, ruby):
    events = AuditEvent.objects.count()

    response = client.get("/healthz")

    assert AuditEvent.objects.count() == events
    assert not response.cookies


def test_head_is_answered_too(client, db):
    assert client.head("/healthz").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_other_methods_are_refused_with_405_not_a_csrf_refusal(client, db, method):
    events = AuditEvent.objects.count()

    response = getattr(client, method)("/healthz")

    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert AuditEvent.objects.count() == events


def test_a_failing_check_answers_503_naming_it(client, db, monkeypatch):
    def unreadable() -> None:
        raise RuntimeError("relation audit_auditchainhead: permission denied for user journey_app on db-1.internal")

    monkeypatch.setitem(health.CHECKS, "audit_chain", unreadable)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "ok", "migrations": "ok", "audit_chain": "failed (RuntimeError)"},
    }
    assert "journey_app" not in response.content.decode() and "Traceback" not in response.content.decode()


def test_an_unreachable_database_fails_and_the_checks_that_need_it_are_not_run(client, db, monkeypatch):
    def unreachable() -> None:
        raise health.CheckFailed("cannot connect")

    monkeypatch.setitem(health.CHECKS, "database", unreachable)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "cannot connect",
        "migrations": "not checked: the database is unavailable",
        "audit_chain": "not checked: the database is unavailable",
    }


def forget_the_latest_people_migration() -> None:
    """As if the database were restored from a backup taken before the latest release's migration."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'people' AND name = (SELECT MAX(name) FROM django_migrations WHERE app = 'people')"
        )


def test_an_unapplied_migration_answers_503(client, db):
    assert client.get("/healthz").status_code == 200

    forget_the_latest_people_migration()
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "migrations": "1 unapplied migration", "audit_chain": "ok"}


def test_it_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/children/find/").status_code == 301
