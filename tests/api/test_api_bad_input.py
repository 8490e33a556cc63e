"""Bad input never reaches a 500: forged and malformed ids, oversized or broken bodies, text no database stores,
out-of-range paging and wrong methods each get a 4xx with a JSON message and no data."""
import json

import pytest
from django.conf import settings
from django.test import Client

from journey.frontdoor.models import Contact

NO_ACCESS = {"detail": "You do not have access to this record"}


@pytest.fixture
def alices(alice, ruby, user_token, api):
    return api(user_token(alice))


@pytest.mark.parametrize("url", [
    "/api/children/abc", "/api/children/1.5", "/api/children/%20", "/api/children/1e3",
    "/api/children/abc/chronology", "/api/contacts/abc", "/api/contacts/%00",
])
def test_a_non_integer_id_is_a_422_naming_the_id(alices, url):
    response = alices.get(url)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"][0] == "path" and error["field"].endswith("_id")
    assert "integer" in error["msg"]


@pytest.mark.parametrize("child_id", ["0", "-1", str(2**63), "9" * 40])
def test_an_id_no_record_can_have_answers_no_access(alices, child_id):
    for url in (f"/api/children/{child_id}", f"/api/children/{child_id}/chronology", f"/api/contacts/{child_id}"):
        response = alices.get(url)
        assert response.status_code == 403
        assert response.json() == NO_ACCESS


def test_an_oversized_body_is_refused_with_413(officer, user_token, api):
    body = json.dumps({"concern": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE, "children": []})

    response = api(user_token(officer)).post("/api/contacts", body)

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than the limit of 2048 KiB"}
    assert not Contact.objects.exists()


@pytest.mark.parametrize("body", ["{not json", "[" * 100_000 + "]" * 100_000, '{"concern": "x",}'])
def test_a_body_that_is_not_json_is_a_400(officer, user_token, api, body):
    response = api(user_token(officer)).post("/api/contacts", body)

    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


@pytest.mark.parametrize("body", ["[]", '"a contact"', "42", "null"])
def test_a_json_body_that_is_not_an_object_is_a_422(officer, user_token, api, body):
    response = api(user_token(officer)).post("/api/contacts", body)

    assert response.status_code == 422
    assert response.json()["detail"]


def test_a_form_encoded_body_is_refused_not_misread(officer, user_token, api):
    response = api(user_token(officer)).post(
        "/api/contacts", "concern=x", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code in (400, 422)
    assert not Contact.objects.exists()


@pytest.mark.parametrize("bad", ["null\u0000byte", "lone \ud800 surrogate"])
def test_text_no_database_can_store_is_a_422(officer, user_token, api, bad):
    body = json.dumps({"concern": bad, "children": [{"first_name": bad, "last_name": "Adams"}]})

    response = api(user_token(officer)).post("/api/contacts", body)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["detail"]}
    assert fields == {"concern", "children[0].first_name"}


def test_a_null_byte_in_a_search_is_a_422(alices):
    response = alices.get("/api/children", {"name": "Ru\u0000by"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "name"


@pytest.mark.parametrize("params, field", [
    ({"limit": "101"}, "limit"), ({"limit": "0"}, "limit"), ({"limit": "lots"}, "limit"),
    ({"offset": "-1"}, "offset"), ({"offset": str(2**70)}, "offset"), ({"name": "x" * 201}, "name"),
])
def test_paging_out_of_range_is_a_422_naming_the_parameter(alices, params, field):
    response = alices.get("/api/children", params)

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_an_offset_past_the_end_is_an_empty_page(alices):
    body = alices.get("/api/children", {"offset": str(2**62)}).json()

    assert body["items"] == [] and body["count"] >= 1


@pytest.mark.parametrize("after", ["nonsense", "x" * 201, "MjAyNHxub3RhIGtleQ"])
def test_a_chronology_cursor_that_is_not_one_is_a_422_naming_after(alices, ruby, after):
    response = alices.get(f"/api/children/{ruby.pk}/chronology", {"after": after})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "after"


def test_following_next_walks_the_whole_chronology_once(alices, ruby):
    url, seen, after = f"/api/children/{ruby.pk}/chronology", [], ""
    while True:
        body = alices.get(url, {"limit": "1", "after": after}).json()
        seen += [item["key"] for item in body["items"]]
        if body["next"] is None:
            break
        after = body["next"]
    assert len(seen) == len(set(seen)) == body["count"]


def test_a_chronology_order_it_does_not_know_is_a_422(alices, ruby):
    response = alices.get(f"/api/children/{ruby.pk}/chronology", {"order": "sideways"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "order"


def test_unknown_query_parameters_are_ignored(alices):
    assert alices.get("/api/children", {"colour": "blue"}).status_code == 200


@pytest.mark.parametrize("method, url", [
    ("delete", "/api/children"), ("put", "/api/contacts"), ("post", "/api/children/1"), ("patch", "/api/contacts/1"),
])
def test_a_wrong_method_is_a_405(alices, method, url):
    response = getattr(alices.client, method)(url, headers=alices.headers)

    assert response.status_code == 405


def test_a_token_request_needs_no_csrf_token(officer, user_token):
    """Token requests carry no cookie authority, so CSRF does not apply (and session cookies are refused)."""
    strict = Client(enforce_csrf_checks=True)
    body = {"concern": "Seen alone at night.", "children": [{"first_name": "Amy", "last_name": "Adams"}]}

    response = strict.post(
        "/api/contacts", body, content_type="application/json", headers={"Authorization": f"Bearer {user_token(officer)}"}
    )

    assert response.status_code == 201


def _contact_body(**overrides) -> dict:
    body = {"concern": "Seen alone at night.", "children": [{"first_name": "Amy", "last_name": "Adams"}]}
    body.update(overrides)
    return body


@pytest.mark.parametrize("received_at", [
    "0001-01-01T00:00:00Z",  # once stored, every page showing the contact failed
    "0001-01-01T00:00:00+14:00",  # before year 1 in UTC: the API itself answered an HTML 500
    "1899-12-31T23:59:59Z",
    "1899-12-31T23:59:59",  # no zone: read as local time, as the pages do
])
def test_a_received_time_before_1900_is_a_422_naming_the_field(sam, police, user_token, api, received_at):
    response = api(user_token(sam)).post("/api/contacts", _contact_body(agency_id=police.pk, received_at=received_at))

    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"] == [{
        "field": "received_at", "msg": "Date received must be 1 January 1900 or later",
        "loc": ["body", "payload", "received_at"], "type": "too_early",
    }]
    assert not Contact.objects.exists()


@pytest.mark.parametrize("received_at", ["9999-12-31T23:59:59-14:00", "2999-01-01T00:00:00Z"])
def test_a_received_time_in_the_future_is_a_422_naming_the_field(sam, police, user_token, api, received_at):
    response = api(user_token(sam)).post("/api/contacts", _contact_body(agency_id=police.pk, received_at=received_at))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["field"], error["msg"]) == ("received_at", "Date received must be now or in the past")


def test_a_received_time_from_1900_on_is_accepted(sam, police, user_token, api):
    response = api(user_token(sam)).post(
        "/api/contacts", _contact_body(agency_id=police.pk, received_at="1900-01-01T12:00:00Z")
    )

    assert response.status_code == 201


@pytest.mark.parametrize("born", ["0001-01-01", "1899-12-31"])
def test_a_date_of_birth_before_1900_is_a_422_as_on_the_forms(officer, user_token, api, born):
    body = _contact_body(children=[{"first_name": "Amy", "last_name": "Adams", "date_of_birth": born}])

    response = api(user_token(officer)).post("/api/contacts", body)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["field"], error["msg"]) == ("children[0].date_of_birth", "Date of birth must be 1 January 1900 or later")
    assert not Contact.objects.exists()


def test_a_concern_longer_than_the_record_holds_is_a_422(officer, user_token, api):
    limit = Contact._meta.get_field("concern").max_length

    response = api(user_token(officer)).post("/api/contacts", _contact_body(concern="x" * (limit + 1)))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["field"], error["msg"]) == ("concern", f"Must be {limit} characters or fewer")


def test_an_agency_filter_longer_than_any_agency_name_is_a_422(alices, ruby):
    response = alices.get(f"/api/children/{ruby.pk}/chronology", {"agency": "x" * 201})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "agency[0]"
