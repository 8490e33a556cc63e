"""What partners see of a strategy discussion: the participant who took part sees its date, agencies and decision on
their shared page for the child; nobody else from a partner agency does, and a restricted child's never shows."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Role
from journey.protection.actions import Participant, record_strategy_discussion
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_officer_who_took_part_sees_the_discussion_on_her_shared_page(client_for, officer, discussion, ruby):
    page = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "Strategy discussions you took part in" in page and "Section 47 enquiry" in page
    assert "Northfield Community Health" in page
    assert discussion.what_was_shared not in page and discussion.reasons not in page


def test_a_colleague_in_her_force_who_did_not_take_part_does_not(client_for, discussion, ruby, officer):
    colleague = make_user("dc-green", Role.PARTNER, officer.agency, None, "Dan", "Green", "Detective constable")
    page = client_for(colleague).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "Strategy discussions" not in page


def test_someone_who_sent_apologies_does_not(client_for, ruby, alice, officer):
    record_strategy_discussion(
        ruby.episodes.get(), held_at=timezone.now() - timedelta(hours=1), what_was_shared="Shared.", decision="no_further_action",
        reasons="Explained.", acting_user=alice,
        participants=[Participant("Alice Akers", alice.agency), Participant("Priya Patel", officer.agency, email=officer.email, sent_apologies=True)],
    )
    assert "Strategy discussions" not in client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()


def test_a_participant_whose_agency_raised_no_contact_opens_the_shared_page_for_a_while(client_for, ruby, alice, nurse, health):
    """The nurse took part, though her agency raised no contact about Ruby: she opens the shared page (to see the
    outcome and send a report for the conference), and after ``PARTNER_DISCUSSION_DAYS`` no longer does."""
    from journey.protection.involvement import PARTNER_DISCUSSION_DAYS

    discussed = record_strategy_discussion(
        ruby.episodes.get(), held_at=timezone.now() - timedelta(hours=1), what_was_shared="Shared.", decision="section_47",
        reasons="Harm.", acting_user=alice, participants=[Participant("Nia Nash", health, email=nurse.email)],
    )
    assert b"Strategy discussions you took part in" in client_for(nurse).get(f"/front-door/children/{ruby.pk}/shared/").content
    discussed.held_at = timezone.now() - timedelta(days=PARTNER_DISCUSSION_DAYS + 1)
    discussed.save()
    assert client_for(nurse).get(f"/front-door/children/{ruby.pk}/shared/").status_code == 403


def test_the_school_which_did_not_take_part_sees_nothing_of_it(client_for, discussion, teacher, ruby):
    assert client_for(teacher).get(f"/front-door/children/{ruby.pk}/shared/").status_code == 403


def test_a_restricted_childs_discussion_shows_to_no_partner(client_for, discussion, officer, ruby):
    ruby.is_restricted = True
    ruby.save()
    response = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/")
    assert response.status_code == 403 and b"Strategy discussion" not in response.content


def test_a_restricted_childs_discussion_and_enquiry_are_refused_to_staff_who_cannot_open_her(client_for, discussion, charlie, sam, ruby):
    ruby.is_restricted = True
    ruby.save()
    for user in (charlie, sam):
        response = client_for(user).get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/")
        assert response.status_code == 403 and b"Ruby" not in response.content


def test_the_subject_access_export_lists_the_discussion_and_its_participants_as_third_parties(discussion, ruby):
    from journey.dataprotection.export_sections import strategy_discussions

    section = strategy_discussions(ruby)
    rows = {field.label: (field.value, field.redact) for field in section.items[0].fields}
    assert rows["Decision"][0] == "Section 47 enquiry"
    assert rows["Participant 2"] == ("Priya Patel, Police constable, Northfield Police", "third party: people present")
