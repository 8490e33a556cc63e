"""Changing who a child is, and recording a move, from the child's journey page."""
from datetime import date

import pytest

from journey.audit.models import AuditEvent
from journey.lib.identifiers import NHS_NUMBER_MISTYPED, UPN_MISTYPED

VALID_DETAILS = {
    "first_name": "Ruby", "middle_names": "Mae", "last_name": "Smith", "known_as": "Rubes", "former_names": "",
    "date_of_birth_0": "16", "date_of_birth_1": "10", "date_of_birth_2": "2018", "sex": "F", "gender": "",
    "ethnicity": "WBRI", "first_language": "English", "nhs_number": "943 476 5919", "upn": "A123456789012",
    "disabilities": ["COMM"],
}


@pytest.mark.django_db
class TestChangeDetails:
    def test_the_form_starts_from_the_record(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/details/").content.decode()
        assert 'value="Ruby"' in page and 'value="9434765919"' in page

    def test_a_practitioner_corrects_the_childs_details(self, client_for, alice, ruby):
        response = client_for(alice).post(f"/children/{ruby.pk}/details/", VALID_DETAILS)
        assert response.status_code == 302 and response["Location"] == f"/children/{ruby.pk}/"
        ruby.refresh_from_db()
        ruby.person.refresh_from_db()
        assert (ruby.person.known_as, ruby.upn, ruby.disabilities) == ("Rubes", "A123456789012", ["COMM"])
        assert ruby.person.date_of_birth == date(2018, 10, 16)
        assert ruby.person.last_name_key  # the search keys follow the name

    def test_it_rejects_a_upn_whose_check_letter_is_wrong_and_keeps_what_was_typed(self, client_for, alice, ruby):
        page = client_for(alice).post(f"/children/{ruby.pk}/details/", {**VALID_DETAILS, "upn": "B123456789012", "known_as": "Rubes"}).content.decode()
        assert "There is a problem" in page and UPN_MISTYPED in page
        assert 'value="B123456789012"' in page and 'value="Rubes"' in page
        ruby.refresh_from_db()
        assert ruby.upn == ""

    def test_it_rejects_an_nhs_number_that_fails_its_check(self, client_for, alice, ruby):
        page = client_for(alice).post(f"/children/{ruby.pk}/details/", {**VALID_DETAILS, "nhs_number": "9434765918"}).content.decode()
        assert NHS_NUMBER_MISTYPED in page

    def test_it_rejects_a_date_of_birth_in_the_future(self, client_for, alice, ruby):
        future = {**VALID_DETAILS, "date_of_birth_2": str(date.today().year + 1)}
        page = client_for(alice).post(f"/children/{ruby.pk}/details/", future).content.decode()
        assert "Date of birth must be today or in the past" in page

    def test_it_needs_a_first_and_last_name(self, client_for, alice, ruby):
        page = client_for(alice).post(f"/children/{ruby.pk}/details/", {**VALID_DETAILS, "first_name": "", "last_name": " "}).content.decode()
        assert "Enter the child&#x27;s first name" in page and "Enter the child&#x27;s last name" in page

    def test_an_unborn_childs_expected_date_cannot_sit_beside_a_date_of_birth(self, client_for, alice, ruby):
        both = {**VALID_DETAILS, "expected_date_of_birth_0": "1", "expected_date_of_birth_1": "1", "expected_date_of_birth_2": str(date.today().year + 1)}
        page = client_for(alice).post(f"/children/{ruby.pk}/details/", both).content.decode()
        assert "Leave the expected date of birth empty once the date of birth is known" in page

    def test_opening_the_form_is_a_logged_read(self, client_for, alice, ruby):
        client_for(alice).get(f"/children/{ruby.pk}/details/")
        assert AuditEvent.objects.filter(action="read", child=ruby, what="change details").exists()

    def test_a_partner_cannot_change_details(self, client_for, officer, ruby):
        assert client_for(officer).post(f"/children/{ruby.pk}/details/", VALID_DETAILS).status_code == 403


@pytest.mark.django_db
class TestMoveAddress:
    def test_a_move_keeps_the_old_address_in_the_history(self, client_for, alice, ruby):
        response = client_for(alice).post(f"/children/{ruby.pk}/address/new/", {
            "line_1": "4 Ash Close", "town": "Northfield", "postcode": "nf3 9zz",
            "moved_in_on_0": "1", "moved_in_on_1": "9", "moved_in_on_2": str(date.today().year - 1),
        })
        assert response.status_code == 302
        current, previous = ruby.person.addresses.all()
        assert (current.postcode, current.is_current) == ("NF3 9ZZ", True)
        assert previous.postcode == "NF1 2AB" and previous.moved_out_on == current.moved_in_on

    def test_it_rejects_a_postcode_that_is_not_real_and_keeps_the_street(self, client_for, alice, ruby):
        page = client_for(alice).post(f"/children/{ruby.pk}/address/new/", {"line_1": "4 Ash Close", "town": "Northfield", "postcode": "12345"}).content.decode()
        assert "Enter a real UK postcode" in page and 'value="4 Ash Close"' in page
        assert ruby.person.addresses.count() == 1

    def test_it_names_each_missing_field(self, client_for, alice, ruby):
        page = client_for(alice).post(f"/children/{ruby.pk}/address/new/", {}).content.decode()
        for message in ("Enter the building and street", "Enter the town or city", "Enter the postcode"):
            assert message in page
