"""Finding the person and recording a subject access request, with its due date worked out."""
from datetime import date, timedelta

from journey.dataprotection.models import SubjectAccessRequest
from journey.lib.dates import today


def test_it_finds_children_and_adults_by_name(client_for, dee, family):
    response = client_for(dee).get("/data-protection/sar/new/", {"name": "Smith"})
    assert response.status_code == 200
    for name in ("Ruby Smith", "Jo Smith", "Max Smith"):
        assert name in response.text
    assert "Adult or family member" in response.text


def test_it_finds_a_person_by_name_and_date_of_birth(client_for, dee, family):
    response = client_for(dee).get("/data-protection/sar/new/", {"name": "Jo Smith", "date_of_birth_0": "17", "date_of_birth_1": "5", "date_of_birth_2": "1990"})
    assert "1 person found" in response.text


def test_it_asks_for_a_name_or_date_of_birth(client_for, dee):
    response = client_for(dee).get("/data-protection/sar/new/", {"name": ""})
    assert "Enter a name or a date of birth to search" in response.text


def test_it_records_the_request_due_one_calendar_month_later(client_for, dee, family, date_fields):
    jo = family["jo"]
    received = today() - timedelta(days=3)
    response = client_for(dee).post(
        f"/data-protection/sar/new/?person={jo.pk}", {"requested_by_name": "Jo Smith", **date_fields("received_on", received), "notes": "ID seen"},
    )
    sar = SubjectAccessRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/data-protection/sar/{sar.pk}/"
    assert sar.person == jo and sar.recorded_by == dee
    from journey.dataprotection.periods import add_months
    assert sar.due_on == add_months(received, 1)


def test_it_names_each_missing_field_and_keeps_what_was_typed(client_for, dee, ruby, date_fields):
    tomorrow = today() + timedelta(days=1)
    response = client_for(dee).post(
        f"/data-protection/sar/new/?person={ruby.pk}", {"requested_by_name": "", **date_fields("received_on", tomorrow), "notes": "kept"},
    )
    assert response.status_code == 200
    assert "Enter who made the request" in response.text
    assert "kept" in response.text
    assert not SubjectAccessRequest.objects.exists()


def test_it_refuses_a_date_received_in_the_future(client_for, dee, ruby, date_fields):
    tomorrow = today() + timedelta(days=1)
    response = client_for(dee).post(f"/data-protection/sar/new/?person={ruby.pk}", {"requested_by_name": "Ruby", **date_fields("received_on", tomorrow)})
    assert "Date received must be today or in the past" in response.text


def test_it_answers_a_malformed_person_as_no_access(client_for, dee):
    assert client_for(dee).get("/data-protection/sar/new/?person=abc").status_code == 403
    assert client_for(dee).get("/data-protection/sar/new/?person=987654").status_code == 403


def test_it_shows_open_requests_with_due_dates_on_the_start_page(client_for, dee, ruby, date_fields):
    client = client_for(dee)
    client.post(f"/data-protection/sar/new/?person={ruby.pk}", {"requested_by_name": "Ruby Smith", **date_fields("received_on", date(2025, 1, 31))})
    response = client.get("/data-protection/")
    assert "Ruby Smith" in response.text and "28 Feb 2025" in response.text and "Overdue" in response.text


def test_it_closes_a_request_when_the_response_is_sent(client_for, dee, ruby, date_fields):
    from journey.dataprotection.actions import record_subject_access_request

    sar = record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="Ruby", received_on=today() - timedelta(days=5))
    client = client_for(dee)
    early = client.post(f"/data-protection/sar/{sar.pk}/response/", date_fields("responded_on", today() - timedelta(days=9)))
    assert "Date sent must be on or after the date received" in early.text
    response = client.post(f"/data-protection/sar/{sar.pk}/response/", date_fields("responded_on", today()))
    assert response.status_code == 302
    sar.refresh_from_db()
    assert sar.responded_on == today()
    assert "There are no open subject access requests" in client.get("/data-protection/").text
