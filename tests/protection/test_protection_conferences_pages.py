"""Conference pages, each paired allow/deny: the worker and her manager record an initial conference from the
enquiry and a review from the child's page; the chair reads the conference and the child's record while chairing
her conferences, and sees them on their own start page, but records nothing; an uninvolved worker and a partner are
refused alike; the partner who came sees the outcome on the shared page, never the minutes, one who did not sees
nothing of it."""
from datetime import date, time, timedelta

import pytest

from journey.casework.codes import PlanKind
from journey.protection.conference_actions import Attendee, record_initial_conference, record_review_conference
from journey.protection.models import ChildProtectionConference
from tests.protection.test_protection_conferences import conference, plan_content

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def initial(enquiry, ruby, alice, chris, officer, council, school):
    """Ruby's initial conference today, chaired by Chris, with PC Patel there (her report submitted) and the school's
    designated safeguarding lead sending apologies: a plan under neglect."""
    return record_initial_conference(
        enquiry, child=ruby, record=conference(chris, minutes="Minutes: Mum spoke about the night of 3 March."), acting_user=alice,
        attendees=[Attendee("Alice Akers", council), Attendee("Priya Patel", officer.agency, email=officer.email, report_submitted=True),
                   Attendee("Tess Turner", school, sent_apologies=True)],
        **plan_content(),
    )


def initial_form(chris, police, date_fields, **changes) -> dict:
    data = {
        **date_fields("held_on", TODAY), "starts_at": "10:00", "chair": str(chris.pk), "attendee_rows": "4",
        "attendee_1_name": "Alice Akers", "attendee_1_agency": "", "attendee_2_name": "Priya Patel", "attendee_2_agency": str(police.pk),
        "attendee_2_report": "on", "child_heard": "advocate", "childs_views": "I want it to stop.", "parents_views": "", "decision": "plan",
        "category": "NEG", "reasons": "Neglect; continuing risk.", "minutes": "", "worries": "Ruby is left alone.",
        "what_needs_to_change": "An adult at home.", "contingency": "Court.", "step_1_who": "Mum", "step_1_does_what": "Be home by 3:30.",
        **date_fields("step_1_by_when", TODAY + timedelta(days=14)), "step_1_reason": "Before the core group.",
    }
    return data | changes


def test_the_worker_records_the_initial_conference_from_the_enquiry(client_for, alice, chris, police, council, enquiry, ruby, date_fields):
    page = client_for(alice).get(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/").content.decode()
    assert f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/" in page
    response = client_for(alice).post(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/",
                                      initial_form(chris, police, date_fields, attendee_1_agency=str(council.pk)))
    made = ChildProtectionConference.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/protection/children/{ruby.pk}/conferences/{made.pk}/"
    assert made.plan.kind == PlanKind.CHILD_PROTECTION and made.attendees.get(name="Priya Patel").report_submitted


def test_the_initial_conference_page_names_each_missing_answer_and_saves_nothing(client_for, alice, chris, police, enquiry, ruby, date_fields):
    response = client_for(alice).post(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/",
                                      initial_form(chris, police, date_fields, reasons="", category=""))
    page = response.content.decode()
    assert response.status_code == 200 and "Select the agency of attendee 1" in page and "Enter the reasons for the decision" in page
    assert "Select the category of abuse or neglect" in page and not ChildProtectionConference.objects.exists()


def test_another_attendee_row_posts_back_without_saving(client_for, alice, chris, police, enquiry, ruby, date_fields):
    response = client_for(alice).post(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/",
                                      initial_form(chris, police, date_fields, add_attendee="1"))
    assert 'name="attendee_5_name"' in response.content.decode() and not ChildProtectionConference.objects.exists()


def test_the_manager_may_record_it_too(client_for, mo, enquiry, ruby):
    assert client_for(mo).get(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/").status_code == 200


@pytest.mark.parametrize("who", ["chris", "charlie", "officer", "teacher"])
def test_the_chair_an_uninvolved_worker_and_partners_may_not_record_one(client_for, request, chris, police, enquiry, ruby, date_fields, who):
    user = request.getfixturevalue(who)
    url = f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/"
    assert client_for(user).get(url).status_code == 403
    assert client_for(user).post(url, initial_form(chris, police, date_fields)).status_code == 403
    assert not ChildProtectionConference.objects.exists()


def test_the_conference_page_shows_attendees_by_agency_the_views_and_the_minutes(client_for, alice, initial, ruby):
    page = client_for(alice).get(f"/protection/children/{ruby.pk}/conferences/{initial.pk}/").content.decode()
    assert "Northfield Police" in page and "Sent apologies" in page and "Neglect" in page and "Chris Chen" in page
    assert "I want Mum to stop shouting." in page and "Minutes: Mum spoke about the night of 3 March." in page
    assert f"/protection/children/{ruby.pk}/plans/{initial.plan_id}/review-conference/" in page


@pytest.mark.parametrize("who, status", [("alice", 200), ("mo", 200), ("chris", 200), ("charlie", 403), ("officer", 403), ("teacher", 403)])
def test_who_reads_the_conference_page(client_for, request, initial, ruby, who, status):
    response = client_for(request.getfixturevalue(who)).get(f"/protection/children/{ruby.pk}/conferences/{initial.pk}/")
    assert response.status_code == status
    if status == 403:
        assert b"Ruby" not in response.content


def test_the_chair_reads_the_record_but_is_offered_no_review(client_for, chris, initial, ruby):
    page = client_for(chris).get(f"/protection/children/{ruby.pk}/conferences/{initial.pk}/").content.decode()
    assert "review-conference" not in page
    assert client_for(chris).get(f"/children/{ruby.pk}/").status_code == 200


def test_the_chair_sees_nothing_of_a_child_whose_conference_they_did_not_chair(client_for, chris, enquiry, ruby):
    assert client_for(chris).get(f"/children/{ruby.pk}/").status_code == 403


def test_the_chair_keeps_the_record_28_days_after_the_last_conference_once_the_plan_has_ended(client_for, chris, alice, council, initial, ruby):
    record_review_conference(initial.plan, child=ruby, record=conference(chris, decision="end", category=""),
                             attendees=[Attendee("Alice Akers", council)], acting_user=alice)
    ChildProtectionConference.objects.filter(child=ruby).update(held_on=TODAY - timedelta(days=28))
    assert client_for(chris).get(f"/children/{ruby.pk}/").status_code == 200
    ChildProtectionConference.objects.filter(child=ruby).update(held_on=TODAY - timedelta(days=29))
    assert client_for(chris).get(f"/children/{ruby.pk}/").status_code == 403


def test_the_chair_keeps_the_record_while_the_plan_is_open(client_for, chris, initial, ruby):
    ChildProtectionConference.objects.filter(child=ruby).update(held_on=TODAY - timedelta(days=120))
    assert client_for(chris).get(f"/children/{ruby.pk}/").status_code == 200


def test_the_chairs_start_page_lists_the_plans_they_will_review_and_recent_conferences(client_for, chris, charlie, initial, ruby):
    from journey.accounts.views import start_page

    assert start_page(chris) == "protection:my-conferences"
    page = client_for(chris).get("/protection/conferences/").content.decode()
    assert "Ruby" in page and f"/protection/children/{ruby.pk}/conferences/{initial.pk}/" in page
    assert "Ruby" not in client_for(charlie).get("/protection/conferences/").content.decode()


def review_form(chris, date_fields, **changes) -> dict:
    data = {
        **date_fields("held_on", TODAY), "starts_at": "14:30", "chair": str(chris.pk), "attendee_rows": "4", "attendee_1_name": "Alice Akers",
        "child_heard": "wrote_or_drew", "childs_views": "A drawing of home.", "decision": "continue", "category": "EMO",
        "reasons": "Shouting at home: emotional harm now the main concern.",
    }
    return data | changes


def test_the_worker_records_a_review_from_the_childs_page_and_the_category_changes(client_for, alice, chris, council, initial, ruby, date_fields):
    assert f"/protection/children/{ruby.pk}/plans/{initial.plan_id}/review-conference/" in client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    response = client_for(alice).post(f"/protection/children/{ruby.pk}/plans/{initial.plan_id}/review-conference/",
                                      review_form(chris, date_fields, attendee_1_agency=str(council.pk)))
    assert response.status_code == 302
    page = client_for(alice).get(response["Location"]).content.decode()
    assert "The plan's category over time" in page and "Neglect" in page and "Emotional abuse" in page


@pytest.mark.parametrize("who", ["chris", "charlie", "officer"])
def test_the_chair_an_uninvolved_worker_and_a_partner_may_not_record_a_review(client_for, request, chris, council, initial, ruby, date_fields, who):
    url = f"/protection/children/{ruby.pk}/plans/{initial.plan_id}/review-conference/"
    user = request.getfixturevalue(who)
    assert client_for(user).get(url).status_code == 403
    assert client_for(user).post(url, review_form(chris, date_fields, attendee_1_agency=str(council.pk))).status_code == 403
    assert ChildProtectionConference.objects.count() == 1


def test_another_childs_plan_answers_like_a_missing_one(client_for, alice, initial, ruby):
    other_id = initial.plan_id + 1000
    assert client_for(alice).get(f"/protection/children/{ruby.pk}/plans/{other_id}/review-conference/").status_code == 403


def test_the_partner_who_came_sees_the_outcome_on_the_shared_page_never_the_minutes(client_for, officer, initial, ruby):
    page = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "Child protection conferences you came to" in page and "Child protection plan: Neglect" in page
    assert "Northfield Police" in page and "Minutes" not in page and "night of 3 March" not in page and "stop shouting" not in page


def test_a_colleague_who_did_not_come_sees_nothing_of_it(client_for, officer, initial, ruby):
    from journey.accounts.models import Role
    from tests.conftest import make_user

    colleague = make_user("dc-green", Role.PARTNER, officer.agency, None, "Dan", "Green", "Detective constable")
    assert "conferences you came to" not in client_for(colleague).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()


def test_a_partner_whose_agency_is_not_shown_the_child_sees_nothing(client_for, teacher, initial, ruby):
    assert client_for(teacher).get(f"/front-door/children/{ruby.pk}/shared/").status_code == 403


def test_no_national_timescale_shows_the_conference_with_its_date_and_the_enquirys(client_for, alice, initial, enquiry, ruby):
    page = client_for(alice).get(f"/protection/children/{ruby.pk}/conferences/{initial.pk}/").content.decode()
    assert f"{TODAY:%-d %B %Y}" in page and f"completed {enquiry.completed_on:%-d %B %Y}" in page
    assert "govuk-tag--red" not in page and "overdue" not in page.lower()


def test_time_is_shown_as_held(client_for, alice, chris, council, initial, ruby):
    held = record_review_conference(initial.plan, child=ruby, record=conference(chris, decision="continue", starts_at=time(9, 5)),
                                    attendees=[Attendee("Alice Akers", council)], acting_user=alice)
    assert "at 09:05" in client_for(alice).get(f"/protection/children/{ruby.pk}/conferences/{held.pk}/").content.decode()



def test_the_subject_access_export_lists_the_conference_with_its_attendees_as_third_parties(initial, ruby):
    from journey.dataprotection.export_sections import conferences

    section = conferences(ruby)
    rows = {field.label: (field.value, field.redact) for field in section.items[0].fields}
    assert rows["Decision"][0] == "Child protection plan" and rows["Category"][0] == "Neglect" and rows["Chair"][0] == "Chris Chen"
    assert rows["Attendee 2"] == ("Priya Patel, Northfield Police", "third party: people present")
