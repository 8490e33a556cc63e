"""The partner page shows a partner only what is shared with their agency: their own contacts, the outcome, who
to contact."""
import pytest

from journey.frontdoor.actions import screen_contact

pytestmark = pytest.mark.django_db


def test_a_partner_sees_their_agencys_contacts_and_the_outcome(client_for, officer, ruby, team_a):
    team_a.phone = "01632 960123"
    team_a.save()
    response = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ruby Smith" in page
    assert "DC Green, Public protection unit" in page
    assert "Referred to children&#x27;s social care for assessment" in page
    assert "Alice Akers" in page and "Assessment Team A" in page and "01632 960123" in page


def test_it_shows_nothing_else(client_for, officer, ruby, teacher, school, open_contact_about):
    open_contact_about(ruby, agency=school, raised_by=teacher)
    page = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    for private in ("Tess Turner", "Oakfield", "Came to school hungry", "I like my teacher", "Repeat incidents", "NF1 2AB", "9434765919", "943 476 5919"):
        assert private not in page


def test_a_partner_whose_agency_raised_nothing_is_refused(client_for, teacher, ruby):
    assert client_for(teacher).get(f"/front-door/children/{ruby.pk}/shared/").status_code == 403


def test_another_agencys_contact_shows_only_to_that_agency(client_for, officer, teacher, school, sam, ruby, open_contact_about):
    contact = open_contact_about(ruby, agency=school, raised_by=teacher)
    screen_contact(contact, acting_user=sam, outcome="advice", rationale="Advice to school.")
    school_page = client_for(teacher).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "Information and advice" in school_page
    assert "DC Green" not in school_page


def test_staff_use_the_journey_page_not_the_partner_page(client_for, alice, ruby):
    assert client_for(alice).get(f"/front-door/children/{ruby.pk}/shared/").status_code == 403


def test_a_forged_child_id_answers_no_access(client_for, officer):
    assert client_for(officer).get("/front-door/children/99999999999999999999/shared/").status_code == 403
