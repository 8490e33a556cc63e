"""Every "no access" answer on the pages is written to the audit log as a refusal: who tried, what they asked for,
the ids in the address and where from; so someone probing ids leaves a trace, while the answer itself still says
nothing about whether the record exists."""
import re

import pytest
from django.db import transaction

from journey.accounts.models import Agency
from journey.audit.chain import verify_chain
from journey.audit.log import record_refusal
from journey.audit.models import Action, AuditEvent

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def refusals():
    return list(AuditEvent.objects.filter(action=Action.REFUSED).order_by("sequence"))


def without_csrf_token(body: bytes) -> bytes:
    """The sign-out form's CSRF token is masked afresh for every response, whatever the record; nothing else may differ."""
    return CSRF.sub(b'name="csrfmiddlewaretoken" value=""', body)


def test_a_refused_page_leaves_one_refusal_naming_who_what_and_where_from(client_for, charlie, ruby):
    response = client_for(charlie).get(f"/casework/children/{ruby.pk}/visits/{ruby.visits.get().pk}/")

    assert response.status_code == 403
    [event] = refusals()
    assert (event.user, event.role, event.team, event.child_id) == (charlie, "practitioner", "Child in Need Team B", None)
    visit_id = ruby.visits.get().pk
    assert event.after == {
        "method": "GET", "path": f"/casework/children/{ruby.pk}/visits/{visit_id}/",
        "ids": {"child_id": ruby.pk, "visit_id": visit_id},
    }
    assert event.what == f"GET /casework/children/{ruby.pk}/visits/{visit_id}/"
    assert event.ip_address == "127.0.0.1"


def test_a_refused_post_is_logged_with_its_method(client_for, charlie, ruby):
    client_for(charlie).post(f"/casework/children/{ruby.pk}/visits/new/", {})
    [event] = refusals()
    assert event.after["method"] == "POST" and event.after["ids"] == {"child_id": ruby.pk}


def test_a_partner_refused_a_staff_page_is_logged_too(client_for, teacher, ruby):
    assert client_for(teacher).get(f"/children/{ruby.pk}/").status_code == 403
    [event] = refusals()
    assert event.user == teacher and event.after["ids"] == {"child_id": ruby.pk}


def test_an_allowed_page_leaves_no_refusal(client_for, alice, ruby):
    assert client_for(alice).get(f"/children/{ruby.pk}/").status_code == 200
    assert refusals() == []


def test_probing_twenty_ids_leaves_twenty_refusals(client_for, charlie, ruby):
    client = client_for(charlie)
    probed = [ruby.pk, *range(ruby.pk + 1000, ruby.pk + 1019)]

    answers = {client.get(f"/children/{child_id}/").status_code for child_id in probed}

    assert answers == {403}
    assert [event.after["ids"]["child_id"] for event in refusals()] == probed
    assert {event.user for event in refusals()} == {charlie}
    assert verify_chain().ok


@pytest.mark.parametrize("persona", ["admin_user", "teacher"])
def test_a_forbidden_child_and_a_missing_one_answer_byte_for_byte_alike(client_for, request, persona, ruby):
    client = client_for(request.getfixturevalue(persona))

    forbidden = client.get(f"/children/{ruby.pk}/")
    missing = client.get(f"/children/{ruby.pk + 1000}/")

    assert forbidden.status_code == missing.status_code == 403
    assert without_csrf_token(forbidden.content) == without_csrf_token(missing.content)
    assert forbidden.headers["Content-Type"] == missing.headers["Content-Type"]
    assert len(refusals()) == 2


def test_staff_who_may_break_glass_get_the_same_page_but_for_the_id_they_typed(client_for, charlie, ruby):
    client = client_for(charlie)
    missing_id = ruby.pk + 1000

    forbidden = without_csrf_token(client.get(f"/children/{ruby.pk}/").content)
    missing = without_csrf_token(client.get(f"/children/{missing_id}/").content)

    assert forbidden.replace(f"/access/children/{ruby.pk}/".encode(), b"/access/children/ID/") == missing.replace(
        f"/access/children/{missing_id}/".encode(), b"/access/children/ID/"
    )


@pytest.mark.urls("tests.access.refusal_urls")
def test_djangos_own_permission_denied_is_logged_as_a_refusal(client_for, charlie, ruby):
    assert client_for(charlie).get(f"/refusal-tests/{ruby.pk}/permission-denied/").status_code == 403
    [event] = refusals()
    assert event.user == charlie and event.after["ids"] == {"child_id": ruby.pk}


@pytest.mark.urls("tests.access.refusal_urls")
@pytest.mark.django_db(transaction=True)
def test_the_refusal_is_kept_when_the_views_own_work_rolled_back(client_for, charlie, ruby):
    from tests.access.refusal_urls import ROLLED_BACK_AGENCY

    response = client_for(charlie).get(f"/refusal-tests/{ruby.pk}/rolled-back/")

    assert response.status_code == 403
    assert not Agency.objects.filter(name=ROLLED_BACK_AGENCY).exists()
    [event] = refusals()
    assert event.user == charlie and event.after["ids"] == {"child_id": ruby.pk}
    assert verify_chain().ok


def test_a_refusal_will_not_be_written_inside_another_transaction(rf, charlie):
    """Inside a caller's transaction it could be rolled back with the caller's work: it refuses, loudly."""
    with pytest.raises(RuntimeError), transaction.atomic():
        record_refusal(charlie, rf.get("/children/1/"), ids={"child_id": 1})


def test_a_form_without_a_valid_csrf_token_is_refused_on_a_govuk_page_and_logged(alice, ruby):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(f"/children/{ruby.pk}/address/new/", {"line_1": "1 Forged Street"})

    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    [event] = refusals()
    assert (event.user, event.after["method"], event.after["path"]) == (alice, "POST", f"/children/{ruby.pk}/address/new/")
    assert not ruby.person.addresses.filter(line_1="1 Forged Street").exists()
