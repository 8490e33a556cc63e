"""An unborn child: a contact may name a baby not yet born, by the expected date of delivery, with no first name
yet; the record made from it carries the expected date, and the rules keep it a pregnancy, not a birth."""
import html
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.frontdoor.actions import NamedChild, create_child_from_contact, record_contact
from journey.frontdoor.models import ContactChild
from journey.lib.dates import today
from tests.frontdoor.test_frontdoor_new_contact import contact_form

pytestmark = pytest.mark.django_db

NO_BIRTH_DATE = {"date_of_birth_0": "", "date_of_birth_1": "", "date_of_birth_2": ""}


def expected(days_ahead: int) -> dict:
    on = today() + timedelta(days=days_ahead)
    return {"expected_delivery_0": str(on.day), "expected_delivery_1": str(on.month), "expected_delivery_2": str(on.year)}


def test_a_midwife_names_an_unborn_baby_by_the_expected_date_with_no_first_name(client_for, teacher):
    response = client_for(teacher).post("/front-door/contacts/new/", contact_form(first_name="", **NO_BIRTH_DATE, **expected(90)))

    assert response.status_code == 302
    named = ContactChild.objects.get()
    assert (named.given_first_name, named.given_last_name) == ("Unborn", "Adams")
    assert named.given_expected_delivery == today() + timedelta(days=90)
    assert named.given_date_of_birth is None


def test_the_contact_page_shows_the_expected_date_instead_of_a_date_of_birth(client_for, sam, school):
    record_contact(acting_user=sam, agency=school, concern="Mum is 20 weeks pregnant; previous children removed.",
                   children=[NamedChild("", "Adams", expected_delivery=today() + timedelta(days=140))])

    page = html.unescape(client_for(sam).get(f"/front-door/contacts/{ContactChild.objects.get().contact_id}/").content.decode())
    assert "Expected date of delivery" in page and "(not born yet)" in page
    assert "Unborn Adams" in page


def test_it_refuses_a_date_of_birth_and_an_expected_date_together(client_for, teacher):
    page = html.unescape(client_for(teacher).post("/front-door/contacts/new/", contact_form(**expected(30))).content.decode())

    assert "Enter a date of birth or an expected date of delivery, not both" in page
    assert not ContactChild.objects.exists()


def test_it_refuses_an_expected_date_further_ahead_than_a_pregnancy(client_for, teacher):
    page = html.unescape(client_for(teacher).post(
        "/front-door/contacts/new/", contact_form(**NO_BIRTH_DATE, **expected(7 * 43))
    ).content.decode())

    assert "Expected date of delivery must be within 42 weeks of the contact" in page
    assert 'value="Amy"' in page  # nothing typed is lost


def test_it_refuses_an_expected_date_long_past_and_says_to_give_the_date_of_birth(client_for, teacher):
    page = html.unescape(client_for(teacher).post(
        "/front-door/contacts/new/", contact_form(**NO_BIRTH_DATE, **expected(-60))
    ).content.decode())

    assert "if the baby has been born, enter their date of birth instead" in page


def test_a_born_child_still_needs_a_first_name(client_for, teacher):
    page = html.unescape(client_for(teacher).post("/front-door/contacts/new/", contact_form(first_name="")).content.decode())

    assert "Enter the child's first name, or their expected date of delivery if not born yet" in page
    assert not ContactChild.objects.exists()


def test_every_error_shows_in_one_pass(client_for, teacher):
    page = html.unescape(client_for(teacher).post(
        "/front-door/contacts/new/", contact_form(first_name="", last_name="", concern="", nhs_number="1234567890")
    ).content.decode())

    for message in ("Enter the child's first name", "Enter the child's last name", "Enter the concern", "NHS number"):
        assert message in page


def test_the_action_refuses_what_the_form_refuses(sam, school):
    with pytest.raises(ValidationError) as refused:
        record_contact(acting_user=sam, agency=school, concern="Pregnant.", children=[
            NamedChild("", "Adams", date_of_birth=today() - timedelta(days=3), expected_delivery=today() + timedelta(days=30)),
        ])

    assert "expected_delivery" in refused.value.message_dict
    assert not ContactChild.objects.exists()


def test_the_record_made_from_the_contact_carries_the_expected_date(sam, school):
    contact = record_contact(acting_user=sam, agency=school, concern="Pregnant; domestic abuse.", children=[
        NamedChild("", "Adams", expected_delivery=today() + timedelta(days=100)),
    ])

    child = create_child_from_contact(contact.children_named.get(), acting_user=sam)

    assert child.expected_date_of_birth == today() + timedelta(days=100)
    assert (child.person.first_name, child.person.date_of_birth) == ("Unborn", None)
