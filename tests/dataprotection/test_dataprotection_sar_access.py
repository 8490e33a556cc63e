"""Only the data protection officer runs subject access requests and the retention report: paired tests."""
from datetime import date

import pytest

from journey.dataprotection.actions import record_subject_access_request
from journey.dataprotection.models import SubjectAccessRequest


@pytest.fixture
def sar(ruby, dee):
    return record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="Jo Smith, mother", received_on=date(2025, 3, 1))


OFFICER_PAGES = ["/data-protection/", "/data-protection/sar/new/", "/data-protection/retention/", "/data-protection/shares/"]


@pytest.mark.parametrize("url", OFFICER_PAGES)
def test_it_opens_the_officers_pages_for_the_officer(client_for, dee, url):
    assert client_for(dee).get(url).status_code == 200


@pytest.mark.parametrize("url", OFFICER_PAGES)
@pytest.mark.parametrize("persona", ["admin_user", "mo", "alice", "officer"])
def test_it_refuses_the_officers_pages_to_everyone_else(client_for, request, persona, url):
    response = client_for(request.getfixturevalue(persona)).get(url)
    assert response.status_code == 403
    assert "You do not have access" in response.text


def test_it_runs_the_export_for_the_officer(client_for, dee, sar):
    assert client_for(dee).get(f"/data-protection/sar/{sar.pk}/").status_code == 200
    assert client_for(dee).get(f"/data-protection/sar/{sar.pk}/export.json").status_code == 200


@pytest.mark.parametrize("persona", ["admin_user", "mo", "alice", "officer"])
def test_it_refuses_the_export_to_everyone_else_and_logs_nothing(client_for, request, persona, police, sar):
    from journey.audit.models import AuditEvent

    client = client_for(request.getfixturevalue(persona))
    assert client.get(f"/data-protection/sar/{sar.pk}/").status_code == 403
    assert client.get(f"/data-protection/sar/{sar.pk}/export.json").status_code == 403
    assert not AuditEvent.objects.filter(action="read", what__startswith="subject access export").exists()
    sar.refresh_from_db()
    assert sar.exported_at is None


def test_it_answers_an_unknown_request_as_no_access(client_for, dee):
    assert client_for(dee).get("/data-protection/sar/999999/").status_code == 403
    assert client_for(dee).get("/data-protection/sar/99999999999999999999999/").status_code == 403


def test_it_refuses_to_record_a_request_for_anyone_but_the_officer(ruby, admin_user):
    from journey.access.rules import NoAccess

    with pytest.raises(NoAccess):
        record_subject_access_request(ruby.person, acting_user=admin_user, requested_by_name="Jo", received_on=date(2025, 3, 1))
    assert not SubjectAccessRequest.objects.exists()


def test_it_answers_a_put_with_method_not_allowed(client_for, dee):
    assert client_for(dee).put("/data-protection/retention/").status_code == 405
