"""Contacts through the API: a partner system submits a concern for its own agency and follows only its agency's
contacts; council staff name the agency; every rule of the contact form applies, with the field named."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.frontdoor.actions import NamedChild, record_contact
from journey.frontdoor.models import Contact

VALID_NHS = "9434765919"  # passes the modulus 11 check
NO_ACCESS = {"detail": "You do not have access to this record"}


def reads(child, what: str) -> int:
    """Reads of ``child``'s record logged as ``what`` (the one line to change when journey.audit takes over)."""
    return AuditEvent.objects.filter(action="read", child=child, what=what).count()


def contact(**overrides) -> dict:
    body = {
        "referrer_name": "DC Green", "referrer_role": "Public protection unit", "parents_aware": False,
        "concern": "Neighbours report shouting and a child crying late at night.",
        "children": [{"first_name": "Amy", "last_name": "Adams", "date_of_birth": "2016-04-03", "nhs_number": VALID_NHS,
                      "address": "4 Oak Lane, Northfield", "postcode": "nf1 4de"}],
    }
    body.update(overrides)
    return body


def child(**overrides) -> dict:
    return {**contact()["children"][0], **overrides}


def test_a_partner_system_submits_a_contact_for_its_own_agency(police, agency_token, api):
    response = api(agency_token(police)).post("/api/contacts", contact())

    assert response.status_code == 201
    saved = Contact.objects.get()
    assert response.json() == {"id": saved.pk, "status": "awaiting", "status_label": "Awaiting screening"}
    assert saved.agency == police
    assert saved.recorded_by.username == "system.northfield-police"
    named = saved.children_named.get()
    assert (named.given_first_name, named.given_nhs_number, named.given_postcode) == ("Amy", VALID_NHS, "NF1 4DE")
    assert named.given_date_of_birth == date(2016, 4, 3)


def test_a_partner_then_reads_the_status_of_their_agencys_contact(police, agency_token, api):
    client = api(agency_token(police))
    contact_id = client.post("/api/contacts", contact()).json()["id"]

    response = client.get(f"/api/contacts/{contact_id}")

    assert response.status_code == 200
    body = response.json()
    assert body["status_label"] == "Awaiting screening" and body["outcome"] is None
    assert body["children"] == [{"first_name": "Amy", "last_name": "Adams", "date_of_birth": "2016-04-03"}]


def test_a_partner_reads_the_front_doors_outcome_but_not_its_reasons(officer, ruby, user_token, api):
    police_contact = Contact.objects.get(agency=officer.agency)

    response = api(user_token(officer)).get(f"/api/contacts/{police_contact.pk}")

    assert response.json()["outcome_label"] == "Referral to children's social care"
    assert "Repeat incidents" not in response.content.decode()
    assert reads(ruby, "api: contact") == 1


def test_a_partner_cannot_read_another_agencys_contact(police, school, sam, agency_token, api):
    schools = record_contact(acting_user=sam, agency=school, concern="Bruise on arm.", children=[NamedChild("Amy", "Adams")])

    forbidden = api(agency_token(police)).get(f"/api/contacts/{schools.pk}")
    missing = api(agency_token(police)).get(f"/api/contacts/{schools.pk + 1000}")

    assert forbidden.status_code == missing.status_code == 403
    assert forbidden.json() == missing.json() == NO_ACCESS


def test_front_door_staff_read_any_contact(sam, school, police, agency_token, user_token, api):
    contact_id = api(agency_token(school)).post("/api/contacts", contact()).json()["id"]

    response = api(user_token(sam)).get(f"/api/contacts/{contact_id}")

    assert response.status_code == 200
    assert response.json()["agency"] == "Oakfield Primary School"


def test_staff_must_say_which_agency_a_contact_came_from(sam, school, user_token, api):
    client = api(user_token(sam))

    missing = client.post("/api/contacts", contact())
    unknown = client.post("/api/contacts", contact(agency_id=school.pk + 1000))
    given = client.post("/api/contacts", contact(agency_id=school.pk, received_at=(timezone.now() - timedelta(hours=2)).isoformat()))

    assert missing.status_code == unknown.status_code == 422
    assert missing.json()["detail"][0] == {
        "field": "agency_id", "msg": "Give the id of the agency the contact came from", "loc": ["body", "agency_id"], "type": "rule",
    }
    assert unknown.json()["detail"][0]["msg"] == "No agency has this id"
    assert given.status_code == 201
    assert Contact.objects.get().agency == school


def test_a_partner_cannot_raise_a_contact_in_another_agencys_name(officer, school, user_token, api):
    response = api(user_token(officer)).post("/api/contacts", contact(agency_id=school.pk))

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "agency_id"
    assert not Contact.objects.exists()


def test_a_partner_may_not_backdate_a_contact(officer, user_token, api):
    response = api(user_token(officer)).post("/api/contacts", contact(received_at="2024-01-01T10:00:00Z"))

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "received_at"


def _errors(response) -> dict[str, str]:
    assert response.status_code == 422, response.content
    return {error["field"]: error["msg"] for error in response.json()["detail"]}


@pytest.mark.parametrize("body, field, message", [
    (contact(children=[child(nhs_number="9434765918")]), "children[0].nhs_number", "NHS number is not valid: check each digit"),
    (contact(children=[child(nhs_number="12345")]), "children[0].nhs_number", "NHS number must be 10 digits"),
    (contact(children=[child(postcode="NOT A CODE")]), "children[0].postcode", "Enter a real UK postcode"),
    (contact(children=[child(first_name="  ")]), "children[0].first_name", "Enter the child's first name"),
    (contact(children=[child(last_name="x" * 101)]), "children[0].last_name", "Must be 100 characters or fewer"),
    (contact(children=[child(date_of_birth=(date.today() + timedelta(days=1)).isoformat())]),
     "children[0].date_of_birth", "Date of birth must be today or in the past"),
    (contact(children=[child(date_of_birth="2016-02-30")]), "children[0].date_of_birth", "Input should be a valid date"),
    (contact(children=[]), "children", "Name at least one child the contact is about"),
    (contact(concern="   "), "concern", "Enter the concern"),
    (contact(referrer_phone="0" * 41), "referrer_phone", "Must be 40 characters or fewer"),
    ({k: v for k, v in contact().items() if k != "children"}, "children", "This field is required"),
    (contact(favourite_colour="blue"), "favourite_colour", "This field is not part of the API"),
    (contact(children=[child(nhs_numbr=VALID_NHS)]), "children[0].nhs_numbr", "This field is not part of the API"),
])
def test_it_names_the_field_and_the_rule_it_breaks(police, agency_token, api, body, field, message):
    errors = _errors(api(agency_token(police)).post("/api/contacts", body))

    assert errors[field].startswith(message)
    assert not Contact.objects.exists()


def test_it_reports_every_broken_rule_at_once(police, agency_token, api):
    body = contact(concern="", children=[child(nhs_number="123"), child(postcode="??")])

    errors = _errors(api(agency_token(police)).post("/api/contacts", body))

    assert set(errors) == {"concern", "children[0].nhs_number", "children[1].postcode"}


def test_it_names_the_second_child_whose_details_are_wrong(police, agency_token, api):
    body = contact(children=[child(), child(first_name="Ben", nhs_number="9434765918")])

    errors = _errors(api(agency_token(police)).post("/api/contacts", body))

    assert list(errors) == ["children[1].nhs_number"]


def test_a_partner_system_names_an_unborn_child_by_the_expected_date_of_delivery(police, agency_token, api):
    due = (date.today() + timedelta(days=120)).isoformat()
    unborn = {"first_name": "Unborn", "last_name": "Adams", "expected_date_of_delivery": due}

    response = api(agency_token(police)).post("/api/contacts", contact(children=[unborn]))

    assert response.status_code == 201, response.json()
    assert Contact.objects.get().children_named.get().given_expected_delivery.isoformat() == due


def test_an_unborn_child_with_a_date_of_birth_too_is_refused_naming_the_field(police, agency_token, api):
    both = {"first_name": "Unborn", "last_name": "Adams", "date_of_birth": "2020-01-01",
            "expected_date_of_delivery": (date.today() + timedelta(days=30)).isoformat()}

    response = api(agency_token(police)).post("/api/contacts", contact(children=[both]))

    assert response.status_code == 422
    assert "Enter a date of birth or an expected date of delivery, not both" in str(response.json())
    assert not Contact.objects.exists()
