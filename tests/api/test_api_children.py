"""Children through the API follow exactly the rules of the pages: lists come from ``Child.objects.visible_to``,
one child from ``get_child_for`` (which logs the read), and a missing child answers like a forbidden one."""
import pytest

from journey.audit.models import AuditEvent
from journey.people.models import Child

PERSONAS = ["alice", "mo", "sam", "charlie", "officer", "teacher", "admin_user"]
NO_ACCESS = {"detail": "You do not have access to this record"}


def reads(child, what: str) -> int:
    """How many reads of ``child``'s record were logged as ``what``. The one place these tests ask the read log,
    so that moving to ``journey.audit`` changes one line."""
    return AuditEvent.objects.filter(action="read", child=child, what=what).count()


def test_alice_sees_ruby_in_her_list_with_name_and_date_of_birth(alice, ruby, user_token, api):
    response = api(user_token(alice)).get("/api/children")

    assert response.status_code == 200
    assert {"id": ruby.pk, "name": "Ruby Smith", "date_of_birth": ruby.date_of_birth.isoformat()} in response.json()["items"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_is_exactly_the_children_the_rules_let_the_caller_open(persona, request, user_token, api):
    user = request.getfixturevalue(persona)
    request.getfixturevalue("ruby")  # after the persona: Ruby's history reuses the police agency the officer makes

    body = api(user_token(user)).get("/api/children", {"limit": 100}).json()

    expected = set(Child.objects.visible_to(user).values_list("pk", flat=True))
    assert {item["id"] for item in body["items"]} == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("persona", PERSONAS)
def test_one_child_opens_exactly_when_the_rules_let_the_caller_see_them(persona, request, user_token, api):
    user = request.getfixturevalue(persona)
    ruby = request.getfixturevalue("ruby")

    response = api(user_token(user)).get(f"/api/children/{ruby.pk}")

    if Child.objects.visible_to(user).filter(pk=ruby.pk).exists():
        assert response.status_code == 200
        assert response.json()["id"] == ruby.pk
    else:
        assert response.status_code == 403
        assert response.json() == NO_ACCESS


def test_a_missing_child_answers_exactly_like_a_forbidden_one(ruby, teacher, user_token, api):
    client = api(user_token(teacher))

    forbidden = client.get(f"/api/children/{ruby.pk}")
    missing = client.get(f"/api/children/{ruby.pk + 1000}")

    assert forbidden.status_code == missing.status_code == 403
    assert forbidden.content == missing.content


def test_the_list_finds_a_child_by_any_part_of_their_name(alice, ruby, user_token, api):
    client = api(user_token(alice))

    assert [c["id"] for c in client.get("/api/children", {"name": "rub smi"}).json()["items"]] == [ruby.pk]
    assert client.get("/api/children", {"name": "Zebedee"}).json() == {"count": 0, "limit": 25, "offset": 0, "items": []}


def test_the_list_comes_a_page_at_a_time(alice, ruby, user_token, api):
    client = api(user_token(alice))
    everyone = client.get("/api/children", {"limit": 100}).json()

    second = client.get("/api/children", {"limit": 1, "offset": 1}).json()

    assert second["limit"] == 1 and second["offset"] == 1 and second["count"] == everyone["count"]
    assert second["items"] == everyone["items"][1:2]


def test_staff_see_who_the_child_is_where_they_live_and_who_holds_their_episode(alice, ruby, user_token, api):
    child = api(user_token(alice)).get(f"/api/children/{ruby.pk}").json()

    assert child["view"] == "staff"
    assert child["nhs_number"] == "9434765919"
    assert child["address"]["postcode"] == "NF1 2AB"
    [episode] = child["open_episodes"]
    assert episode["kind_label"] == "Child in need"
    assert episode["lead_practitioner"] == {"name": "Alice Akers", "job_title": "Social worker", "team": "Assessment Team A"}


def test_a_partner_sees_only_what_is_shared_with_their_agency(officer, ruby, user_token, api):
    """The police raised Ruby's contact: they see who she is, their contact's outcome and the team holding her."""
    response = api(user_token(officer)).get(f"/api/children/{ruby.pk}")

    child = response.json()
    assert response.status_code == 200
    assert child["view"] == "partner"
    assert set(child) == {"view", "id", "name", "date_of_birth", "contacts", "allocated_teams"}
    [contact] = child["contacts"]
    assert contact["agency"] == "Northfield Police"
    assert contact["outcome_label"] == "Referral to children's social care"
    assert child["allocated_teams"] == ["Assessment Team A"]
    body = response.content.decode()
    assert "9434765919" not in body and "Elm Road" not in body and "Repeat incidents" not in body


def test_an_agency_system_token_sees_what_a_partner_of_that_agency_sees(police, ruby, agency_token, api):
    response = api(agency_token(police)).get(f"/api/children/{ruby.pk}")

    assert response.status_code == 200
    assert response.json()["view"] == "partner"


def test_an_agency_system_token_is_refused_a_child_its_agency_never_raised(school, ruby, agency_token, api):
    response = api(agency_token(school)).get(f"/api/children/{ruby.pk}")

    assert response.status_code == 403
    assert response.json() == NO_ACCESS


def test_every_read_of_a_child_is_logged(alice, officer, ruby, user_token, api):
    api(user_token(alice)).get(f"/api/children/{ruby.pk}")
    api(user_token(alice)).get(f"/api/children/{ruby.pk}/chronology")
    api(user_token(officer)).get(f"/api/children/{ruby.pk}")

    assert reads(ruby, "api: child") == 2
    assert reads(ruby, "api: chronology") == 1
    assert AuditEvent.objects.filter(action="read", child=ruby, what="api: child", user=officer).exists()


def test_a_refused_read_is_not_logged_as_a_read(teacher, ruby, user_token, api):
    api(user_token(teacher)).get(f"/api/children/{ruby.pk}")

    assert reads(ruby, "api: child") == 0


def test_staff_read_the_chronology_newest_first_or_oldest_first(alice, ruby, user_token, api):
    client = api(user_token(alice))

    newest = client.get(f"/api/children/{ruby.pk}/chronology").json()
    oldest = client.get(f"/api/children/{ruby.pk}/chronology", {"order": "oldest"}).json()

    assert newest["count"] == len(newest["items"]) > 1
    assert [e["key"] for e in oldest["items"]] == [e["key"] for e in reversed(newest["items"])]
    times = [e["occurred_at"] for e in newest["items"]]
    assert times == sorted(times, reverse=True)


def test_the_chronology_filters_by_kind_and_agency(alice, ruby, user_token, api):
    client = api(user_token(alice))
    everything = client.get(f"/api/children/{ruby.pk}/chronology").json()["items"]
    kind = everything[0]["kind"]

    by_kind = client.get(f"/api/children/{ruby.pk}/chronology", {"kind": kind}).json()["items"]
    by_agency = client.get(f"/api/children/{ruby.pk}/chronology", {"agency": "Northfield Police"}).json()["items"]

    assert by_kind and {e["kind"] for e in by_kind} == {kind}
    assert by_agency and {e["agency"] for e in by_agency} == {"Northfield Police"}


def test_the_chronology_names_the_kinds_it_knows_when_given_another(alice, ruby, user_token, api):
    response = api(user_token(alice)).get(f"/api/children/{ruby.pk}/chronology", {"kind": "gossip"})

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "kind"
    assert error["msg"].startswith("Unknown kind 'gossip': choose from ")


def test_a_partner_is_refused_the_chronology_even_of_a_child_their_agency_raised(officer, ruby, user_token, api):
    response = api(user_token(officer)).get(f"/api/children/{ruby.pk}/chronology")

    assert response.status_code == 403
    assert response.json() == NO_ACCESS
    assert reads(ruby, "api: chronology") == 0


def test_no_answer_about_a_child_may_be_stored_by_a_browser_or_proxy(alice, teacher, ruby, user_token, api):
    for response in (
        api(user_token(alice)).get(f"/api/children/{ruby.pk}"),
        api(user_token(teacher)).get(f"/api/children/{ruby.pk}"),
        api(None).get("/api/children"),
    ):
        assert "no-store" in response["Cache-Control"]
