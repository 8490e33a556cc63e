"""Adding information about a child through the API: the same action as the page, so the same routing (the
allocated worker, or the front door), the same rule on who may (a partner whose agency raised a concern about the
child; everyone else, and a missing child, 403 alike) and the same field rules."""
from datetime import timedelta

import pytest

from journey.chronology.materialise import differences
from journey.frontdoor.models import PartnerInformation
from journey.lib.dates import today

pytestmark = pytest.mark.django_db
NO_ACCESS = {"detail": "You do not have access to this record"}


def body(**overrides) -> dict:
    return {
        "what_happened": "Ruby was found wandering near the canal after dark.",
        "happened_on": str(today() - timedelta(days=1)), "how_known": "seen", "family_knows": None, **overrides,
    }


def url(child) -> str:
    return f"/api/children/{child.pk}/information"


def test_a_partner_adds_information_that_goes_to_the_allocated_worker(api, user_token, officer, ruby, alice):
    response = api(user_token(officer)).post(url(ruby), body())

    assert response.status_code == 201
    information = PartnerInformation.objects.get()
    assert information.worker == alice
    assert response.json() == {
        "id": information.pk, "routed_to": "worker", "routed_to_label": "Sent to the child's allocated worker",
        "message": "Sent to the child's social worker, Alice Akers, Assessment Team A", "contact_id": None,
    }
    assert differences([ruby.pk]) == []


def test_an_agency_system_adds_information_for_its_own_agency(api, agency_token, police, ruby):
    assert api(agency_token(police)).post(url(ruby), body()).status_code == 201
    assert PartnerInformation.objects.get().agency == police


@pytest.mark.parametrize("persona", ["teacher", "alice", "bea", "mo", "helen", "sam", "charlie", "admin_user", "carol"])
def test_everyone_else_is_refused_as_for_a_missing_child(api, user_token, request, ruby, persona):
    client = api(user_token(request.getfixturevalue(persona)))

    forbidden = client.post(url(ruby), body())
    missing = client.post("/api/children/987654321/information", body())

    assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json()) == (403, NO_ACCESS)
    assert not PartnerInformation.objects.exists()


@pytest.mark.parametrize("overrides, field", [
    ({"what_happened": "  "}, "what_happened"),
    ({"happened_on": str(today() + timedelta(days=1))}, "happened_on"),
    ({"what_happened": "x" * 40_000}, "what_happened"),
    ({"how_known": "psychic"}, "how_known"),
])
def test_bad_input_is_refused_naming_the_field(api, user_token, officer, ruby, overrides, field):
    response = api(user_token(officer)).post(url(ruby), body(**overrides))

    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["detail"]]
    assert not PartnerInformation.objects.exists()
