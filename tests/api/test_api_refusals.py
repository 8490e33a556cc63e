"""Every 403 from the API is written to the audit log as a refusal naming the token's user, the path and the ids in
it, while a forbidden and a missing record still answer byte for byte alike."""
from journey.audit.models import Action, AuditEvent

NO_ACCESS = {"detail": "You do not have access to this record"}


def refusals():
    return list(AuditEvent.objects.filter(action=Action.REFUSED).order_by("sequence"))


def test_a_refused_child_leaves_one_refusal_naming_the_tokens_user(teacher, ruby, user_token, api):
    response = api(user_token(teacher)).get(f"/api/children/{ruby.pk}")

    assert response.status_code == 403
    [event] = refusals()
    assert (event.user, event.child_id, event.ip_address) == (teacher, None, "127.0.0.1")
    assert event.after == {"method": "GET", "path": f"/api/children/{ruby.pk}", "ids": {"child_id": ruby.pk}}


def test_a_forbidden_child_and_a_missing_one_answer_alike_and_both_are_logged(teacher, ruby, user_token, api):
    client = api(user_token(teacher))

    forbidden = client.get(f"/api/children/{ruby.pk}")
    missing = client.get(f"/api/children/{ruby.pk + 1000}")

    assert forbidden.status_code == missing.status_code == 403
    assert forbidden.content == missing.content
    assert forbidden.json() == NO_ACCESS
    assert forbidden.headers["Content-Type"] == missing.headers["Content-Type"]
    assert [event.after["ids"] for event in refusals()] == [{"child_id": ruby.pk}, {"child_id": ruby.pk + 1000}]


def test_probing_twenty_ids_leaves_twenty_refusals(charlie, ruby, user_token, api):
    client = api(user_token(charlie))
    probed = [ruby.pk, *range(ruby.pk + 1000, ruby.pk + 1019)]

    answers = {client.get(f"/api/children/{child_id}").status_code for child_id in probed}

    assert answers == {403}
    assert [event.after["ids"]["child_id"] for event in refusals()] == probed
    assert {event.user for event in refusals()} == {charlie}


def test_a_partner_refused_the_chronology_of_a_child_they_may_see_is_logged(officer, ruby, user_token, api):
    assert api(user_token(officer)).get(f"/api/children/{ruby.pk}/chronology").status_code == 403
    [event] = refusals()
    assert event.user == officer and event.after["path"] == f"/api/children/{ruby.pk}/chronology"


def test_a_refused_contact_is_logged_with_its_id(teacher, ruby, user_token, api):
    contact = ruby.contact_links.get().contact
    assert api(user_token(teacher)).get(f"/api/contacts/{contact.pk}").status_code == 403
    [event] = refusals()
    assert event.after["ids"] == {"contact_id": contact.pk}


def test_an_answered_call_leaves_no_refusal(alice, ruby, user_token, api):
    assert api(user_token(alice)).get(f"/api/children/{ruby.pk}").status_code == 200
    assert refusals() == []


def test_a_call_with_a_token_that_does_not_work_is_refused_and_logged(db, ruby, api):
    """401: nobody is known, but a system trying tokens must still leave a trace (no token is ever stored)."""
    assert api("not-a-token").get(f"/api/children/{ruby.pk}").status_code == 401

    [event] = refusals()
    assert (event.user, event.after["method"], event.after["path"]) == (None, "GET", f"/api/children/{ruby.pk}")
    assert "not-a-token" not in str(event.after)
