"""Recording a contact: screeners choose the agency; partners send their own agency's concern and see a receipt."""
import html
from datetime import date, timedelta

from django.utils import timezone

from journey.frontdoor.actions import NamedChild
from journey.frontdoor.models import Contact

VALID_NHS = "9434765919"  # passes the modulus 11 check


def contact_form(**overrides) -> dict:
    data = {
        "referrer_name": "Tess Turner", "referrer_role": "Designated safeguarding lead", "referrer_phone": "01632 960123",
        "parents_aware": "no", "concern": "Amy said her mum's boyfriend hit her.\n  She has a mark on her cheek.",
        "first_name": "Amy", "last_name": "Adams", "date_of_birth_0": "3", "date_of_birth_1": "4", "date_of_birth_2": "2016",
        "nhs_number": "", "address": "4 Oak Lane, Northfield", "postcode": "nf1 4de",
    }
    data.update(overrides)
    return data


def test_it_shows_the_form_with_an_agency_choice_to_a_screener(client_for, sam, school):
    page = client_for(sam).get("/front-door/contacts/new/").content.decode()

    assert "Agency the contact came from" in page
    assert "Oakfield Primary School" in page


def test_it_hides_the_agency_choice_from_a_partner(client_for, teacher):
    page = client_for(teacher).get("/front-door/contacts/new/").content.decode()

    assert 'name="agency"' not in page
    assert "Raise a concern about a child" in page


def test_a_partners_own_name_and_role_start_filled_in_as_the_referrer(client_for, teacher, sam):
    partner_page = client_for(teacher).get("/front-door/contacts/new/").content.decode()
    screener_page = client_for(sam).get("/front-door/contacts/new/").content.decode()

    assert 'value="Tess Turner"' in partner_page and 'value="Designated safeguarding lead"' in partner_page
    assert 'value="Sam Shah"' not in screener_page  # a screener records what a referrer said, not themselves


def test_the_second_childs_labels_keep_nhs_in_capitals(client_for, sam):
    page = html.unescape(client_for(sam).get("/front-door/contacts/new/").content.decode())

    assert "Second child's NHS number (optional)" in page and "nHS" not in page
    assert "Second child's first name" in page


def test_a_screener_records_a_contact_and_goes_to_it(client_for, sam, police):
    response = client_for(sam).post("/front-door/contacts/new/", contact_form(agency=police.pk))

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/front-door/contacts/{contact.pk}/"
    assert contact.agency == police
    assert contact.recorded_by == sam
    assert contact.parents_aware is False
    named = contact.children_named.get()
    assert (named.given_first_name, named.given_date_of_birth, named.given_postcode) == ("Amy", date(2016, 4, 3), "NF1 4DE")
    assert named.child is None


def test_it_takes_now_as_the_time_received_when_none_is_given(client_for, sam, police):
    client_for(sam).post("/front-door/contacts/new/", contact_form(agency=police.pk))

    assert timezone.now() - Contact.objects.get().received_at < timedelta(minutes=1)


def test_a_screener_can_say_when_a_contact_was_received(client_for, sam, police):
    yesterday = timezone.localdate() - timedelta(days=1)
    client_for(sam).post("/front-door/contacts/new/", contact_form(
        agency=police.pk, received_on_0=yesterday.day, received_on_1=yesterday.month, received_on_2=yesterday.year,
        received_time="09:15",
    ))

    received = timezone.localtime(Contact.objects.get().received_at)
    assert (received.date(), received.hour, received.minute) == (yesterday, 9, 15)


def test_a_partner_submits_for_their_own_agency_and_is_redirected_to_the_confirmation(client_for, teacher, police):
    client = client_for(teacher)
    response = client.post("/front-door/contacts/new/", contact_form(agency=police.pk))

    contact = Contact.objects.get()
    assert contact.agency == teacher.agency
    assert response.status_code == 302
    assert response["Location"] == f"/front-door/contacts/{contact.pk}/sent/"
    receipt = client.get(response["Location"]).content.decode()
    assert "govuk-panel--confirmation" in receipt
    assert str(contact.pk) in receipt
    assert "Amy" not in receipt and "Adams" not in receipt


def test_a_partner_cannot_see_another_users_confirmation(client_for, teacher, officer, raise_contact):
    contact = raise_contact(NamedChild("Amy", "Adams"), acting_user=teacher, agency=teacher.agency)

    assert client_for(officer).get(f"/front-door/contacts/{contact.pk}/sent/").status_code == 403


def test_it_records_a_second_child_when_given_and_ignores_the_empty_set(client_for, sam, police):
    client = client_for(sam)
    client.post("/front-door/contacts/new/", contact_form(agency=police.pk))
    client.post("/front-door/contacts/new/", contact_form(agency=police.pk, second_first_name="Ben", second_last_name="Adams"))

    one, two = Contact.objects.order_by("pk")
    assert one.children_named.count() == 1
    assert sorted(two.children_named.values_list("given_first_name", flat=True)) == ["Amy", "Ben"]


def test_it_asks_for_the_second_childs_name_when_other_details_are_given(client_for, sam, police):
    response = client_for(sam).post("/front-door/contacts/new/", contact_form(agency=police.pk, second_postcode="NF1 4DE"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the second child&#x27;s first name" in page
    assert not Contact.objects.exists()


def test_it_rejects_an_nhs_number_with_a_bad_check_digit_and_keeps_what_was_typed(client_for, sam, police):
    bad = VALID_NHS[:9] + str((int(VALID_NHS[9]) + 1) % 10)
    response = client_for(sam).post("/front-door/contacts/new/", contact_form(agency=police.pk, nhs_number=bad))

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_nhs_number"' in page
    assert "NHS number is not valid" in page
    assert f'value="{bad}"' in page
    assert 'value="Amy"' in page
    assert not Contact.objects.exists()


def test_it_rejects_a_date_of_birth_in_the_future(client_for, sam, police):
    future = timezone.localdate() + timedelta(days=10)
    response = client_for(sam).post("/front-door/contacts/new/", contact_form(
        agency=police.pk, date_of_birth_0=future.day, date_of_birth_1=future.month, date_of_birth_2=future.year,
    ))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_date_of_birth_0"' in page
    assert "Date of birth must be today or in the past" in page
    assert f'value="{future.year}"' in page
    assert not Contact.objects.exists()


def test_it_rejects_an_empty_concern_and_keeps_the_other_answers(client_for, teacher):
    response = client_for(teacher).post("/front-door/contacts/new/", contact_form(concern="   "))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_concern"' in page
    assert "Enter the concern" in page
    assert 'value="Tess Turner"' in page
    assert not Contact.objects.exists()


def test_it_asks_a_screener_which_agency_the_contact_came_from(client_for, sam):
    response = client_for(sam).post("/front-door/contacts/new/", contact_form())

    assert "Select the agency the contact came from" in response.content.decode()
    assert not Contact.objects.exists()


def test_it_rejects_a_received_date_and_a_date_of_birth_before_1900_naming_each(client_for, sam, police):
    """A year-1 date, once stored, made the queue, the contact's page and the child's page fail for everyone."""
    response = client_for(sam).post("/front-door/contacts/new/", contact_form(
        agency=police.pk, date_of_birth_2="1899", received_on_0="31", received_on_1="12", received_on_2="1899",
        received_time="09:00",
    ))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Date of birth must be 1 January 1900 or later" in page
    assert "Date received must be 1 January 1900 or later" in page
    assert not Contact.objects.exists()


def test_it_rejects_a_concern_longer_than_the_record_holds(client_for, teacher):
    limit = Contact._meta.get_field("concern").max_length

    response = client_for(teacher).post("/front-door/contacts/new/", contact_form(concern="x" * (limit + 1)))

    assert response.status_code == 200
    assert f"The concern must be {limit:,} characters or fewer" in response.content.decode()
    assert not Contact.objects.exists()
