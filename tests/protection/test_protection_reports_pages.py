"""The partner's report pages, allow and deny in pairs: a partner who may open the child's shared page sends a report
while a conference is awaited and reads only their own; the child's worker, manager and the conference's chair read
it; an uninvolved worker, staff on the partner's form, other partners and other children's ids are refused alike."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Role
from journey.protection.actions import Participant, record_strategy_discussion
from journey.protection.models import ConferenceReport
from journey.protection.report_actions import Report, submit_conference_report
from tests.conftest import make_user
from tests.protection.test_protection_conferences import make_plan

pytestmark = pytest.mark.django_db
ANSWERS = {"what_we_know": "Two call-outs this year.", "worries": "Alone at night.", "going_well": "Gran helps.", "shared_with_family": "yes"}


def new(child) -> str:
    return f"/protection/children/{child.pk}/conference-reports/new/"


def sent_by(officer, ruby) -> ConferenceReport:
    return submit_conference_report(ruby, Report("Known.", "Worried.", "Gran helps.", True), acting_user=officer)


def test_the_shared_page_offers_the_report_while_a_conference_is_awaited(client_for, officer, enquiry, ruby):
    page = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "initial child protection conference about Ruby is to come" in page and new(ruby) in page


def test_a_partner_sends_a_report_and_lands_on_it(client_for, officer, enquiry, ruby):
    client = client_for(officer)
    assert b"Send the report" in client.get(new(ruby)).content
    response = client.post(new(ruby), ANSWERS)
    sent = ConferenceReport.objects.get()
    assert response.status_code == 302 and response.url == f"/protection/children/{ruby.pk}/conference-reports/{sent.pk}/"
    assert b"Alone at night." in client.get(response.url).content
    assert "Your report sent" in client.get(f"/front-door/children/{ruby.pk}/shared/").content.decode()


def test_a_missing_answer_is_named_and_what_was_typed_is_kept(client_for, officer, enquiry, ruby):
    response = client_for(officer).post(new(ruby), {**ANSWERS, "worries": "", "shared_with_family": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Enter what your agency is worried about" in page
    assert "Select whether you have shared this report with the family" in page and "Two call-outs this year." in page
    assert not ConferenceReport.objects.exists()


def test_with_no_conference_to_come_the_page_says_so_and_a_post_saves_nothing(client_for, officer, discussion, ruby):
    client = client_for(officer)
    assert b"There is no child protection conference to come" in client.get(new(ruby)).content
    assert client.post(new(ruby), ANSWERS).status_code == 200 and not ConferenceReport.objects.exists()


def test_a_health_partner_who_took_part_in_the_discussion_reaches_the_form_without_having_raised_a_contact(client_for, nurse, health, alice, ruby):
    discussed = record_strategy_discussion(
        ruby.episodes.get(), held_at=timezone.now() - timedelta(hours=1), what_was_shared="Missed checks.", decision="section_47",
        reasons="Harm.", acting_user=alice, participants=[Participant("Nia Nash", health, email=nurse.email)],
    )
    assert discussed.pk and client_for(nurse).get(new(ruby)).status_code == 200


def test_staff_and_partners_with_no_part_are_refused_the_form_alike(client_for, enquiry, ruby, alice, mo, chris, charlie, teacher):
    for user in (alice, mo, chris, charlie, teacher):
        client = client_for(user)
        assert client.get(new(ruby)).status_code == 403, user.username
        assert client.post(new(ruby), ANSWERS).status_code == 403, user.username
    assert not ConferenceReport.objects.exists()


def test_a_restricted_childs_form_is_refused_to_every_partner(client_for, officer, enquiry, ruby):
    ruby.is_restricted = True
    ruby.save()
    assert client_for(officer).get(new(ruby)).status_code == 403
    assert client_for(officer).post(new(ruby), ANSWERS).status_code == 403


def test_the_worker_manager_and_chair_read_the_report_and_see_it_before_and_at_the_conference(
    client_for, officer, enquiry, ruby, alice, mo, chris, council,
):
    sent = sent_by(officer, ruby)
    page = f"/protection/children/{ruby.pk}/conference-reports/{sent.pk}/"
    for user in (alice, mo):
        assert b"Worried." in client_for(user).get(page).content, user.username
    assert page.encode() in client_for(alice).get(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/").content
    assert page.encode() in client_for(alice).get(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/conference/").content
    made = make_plan(enquiry, ruby, alice, chris, officer, council)
    assert page.encode() in client_for(chris).get(f"/protection/children/{ruby.pk}/conferences/{made.pk}/").content
    assert b"Worried." in client_for(chris).get(page).content


def test_another_partner_an_uninvolved_worker_and_another_childs_id_are_refused_the_report(
    client_for, officer, enquiry, ruby, charlie, teacher, alice, sam,
):
    from journey.people.actions import create_child

    leo = create_child(acting_user=sam, first_name="Leo", last_name="Other")
    sent = sent_by(officer, ruby)
    colleague = make_user("dc-green", Role.PARTNER, officer.agency, None, "Dan", "Green", "Detective constable")
    page = f"/protection/children/{ruby.pk}/conference-reports/{sent.pk}/"
    for user in (colleague, charlie, teacher):
        assert client_for(user).get(page).status_code == 403, user.username
    assert client_for(alice).get(f"/protection/children/{leo.pk}/conference-reports/{sent.pk}/").status_code == 403
    assert client_for(alice).get(f"/protection/children/{ruby.pk}/conference-reports/{sent.pk + 999}/").status_code == 403
    assert client_for(alice).post(page).status_code == 405


def test_reading_a_report_is_audited(client_for, officer, enquiry, ruby, alice):
    from journey.audit.models import Action, AuditEvent

    sent = sent_by(officer, ruby)
    client_for(alice).get(f"/protection/children/{ruby.pk}/conference-reports/{sent.pk}/")
    assert AuditEvent.objects.filter(action=Action.READ, user=alice, child=ruby, what="conference report").exists()
