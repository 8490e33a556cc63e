"""The officer's scope is every record, so each of her lists is one audit event per view naming whom it showed:
the open requests, the person search, the retention report and the sharing log."""
from datetime import date

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import close_episode, open_episode
from journey.dataprotection.actions import record_information_share, record_subject_access_request
from journey.dataprotection.periods import add_years
from journey.lib.dates import today
from journey.people.actions import create_child


def list_reads(user, what: str):
    return list(AuditEvent.objects.filter(action=Action.READ, user=user, child=None, what=what).order_by("sequence"))


def test_the_person_search_names_the_children_and_adults_it_found(client_for, dee, family, ruby):
    client_for(dee).get("/data-protection/sar/new/", {"name": "Smith"})
    [event] = list_reads(dee, "data protection: find a person")
    assert sorted(event.after["children"]) == sorted([ruby.pk, family["max"].pk])
    assert sorted(event.after["people"]) == sorted([ruby.person.pk, family["max"].person.pk, family["jo"].pk])
    assert event.ip_address == "127.0.0.1"


def test_a_search_that_finds_nobody_is_recorded_with_no_one(client_for, dee, family):
    client_for(dee).get("/data-protection/sar/new/", {"name": "Zebedee"})
    [event] = list_reads(dee, "data protection: find a person")
    assert event.after == {"children": [], "people": []}


def test_the_search_form_before_searching_shows_no_one_and_logs_nothing(client_for, dee, family):
    client_for(dee).get("/data-protection/sar/new/")
    assert list_reads(dee, "data protection: find a person") == []


def test_the_open_requests_on_the_start_page_are_named(client_for, dee, family, ruby):
    record_subject_access_request(family["jo"], acting_user=dee, requested_by_name="Jo Smith", received_on=today(), notes="")
    record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="Jo Smith", received_on=today(), notes="")
    client_for(dee).get("/data-protection/")
    [event] = list_reads(dee, "data protection: open subject access requests")
    assert event.after == {"children": [ruby.pk], "people": [family["jo"].pk, ruby.person.pk]}


def test_the_retention_report_names_the_children_due_and_no_others(client_for, dee, sam, mo, ruby):
    may = create_child(acting_user=sam, first_name="May", last_name="Test", date_of_birth=add_years(today(), -27))
    episode = open_episode(may, "child_in_need", started_on=add_years(today(), -12), acting_user=sam, team=mo.team)
    close_episode(episode, ended_on=add_years(today(), -11), reason="needs_met", acting_user=mo)

    response = client_for(dee).get("/data-protection/retention/", {"within_days": "30"})

    assert "May Test" in response.text and "Ruby Smith" not in response.text
    [event] = list_reads(dee, "data protection: retention report")
    assert event.after == {"children": [may.pk]}


def test_a_retention_report_with_nothing_due_is_recorded_with_no_children(client_for, dee, ruby):
    client_for(dee).get("/data-protection/retention/")
    [event] = list_reads(dee, "data protection: retention report")
    assert event.after == {"children": []}


def test_the_sharing_log_names_each_child_and_share_on_the_page(client_for, dee, alice, police, family, ruby):
    shares = [
        record_information_share(
            child, acting_user=alice, shared_with_agency=police, lawful_basis="ca1989_s47", what_was_shared="Dates",
            reason="Strategy discussion", shared_on=date(2025, 1, day), shared_with_person="",
        )
        for day, child in ((1, ruby), (2, family["max"]), (3, ruby))
    ]
    client_for(dee).get("/data-protection/shares/")
    [event] = list_reads(dee, "data protection: sharing log")
    assert sorted(event.after["children"]) == sorted([ruby.pk, family["max"].pk])
    assert sorted(event.after["information_shares"]) == sorted(share.pk for share in shares)


def test_an_empty_sharing_log_is_recorded_with_no_children(client_for, dee):
    client_for(dee).get("/data-protection/shares/")
    [event] = list_reads(dee, "data protection: sharing log")
    assert event.after == {"children": [], "information_shares": []}


def test_the_retention_command_logs_the_children_it_lists_by_name(sam, mo, ruby):
    from io import StringIO

    from django.core.management import call_command

    may = create_child(acting_user=sam, first_name="May", last_name="Test", date_of_birth=add_years(today(), -27))
    episode = open_episode(may, "child_in_need", started_on=add_years(today(), -12), acting_user=sam, team=mo.team)
    close_episode(episode, ended_on=add_years(today(), -11), reason="needs_met", acting_user=mo)

    call_command("retention_report", "--within-days", "30", stdout=StringIO())
    assert list_reads(None, "retention report (command line)") == []  # counts only: no names shown
    output = StringIO()
    call_command("retention_report", "--within-days", "30", "--list", stdout=output)

    assert "May Test" in output.getvalue()
    [event] = list_reads(None, "retention report (command line)")
    assert event.after == {"children": [may.pk]}
