"""Supervision pages, each paired allow/deny: Alice's manager line (Mo, Helen) records her supervision and reads it;
Alice reads her own; her colleague, another team, the chair and partners are refused alike, GET and POST; an id they
may not use answers exactly like a missing one. The form keeps what was typed, names each failure, and adds a child
row without JavaScript; the manager's list shows when each practitioner and each child they hold was last discussed,
in a fixed number of queries, and logs the children shown."""
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journey.audit.models import AuditEvent
from journey.lib.dates import today
from journey.practice.models import SupervisionSession

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
RECORDERS = ["mo", "helen"]
NOT_RECORDERS = ["alice", "bea", "charlie", "chris", "officer", "teacher"]
READERS = ["alice", "mo", "helen"]
NOT_READERS = ["bea", "charlie", "chris", "officer", "teacher"]


@pytest.fixture
def date_fields():
    def fields(name: str, value) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields


def _same(one: bytes, other: bytes) -> bool:
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


def new_url(practitioner) -> str:
    return f"/practice/supervision/practitioners/{practitioner.pk}/new/"


def form(date_fields, ruby, alice, **changes) -> dict:
    data = {
        **date_fields("held_on", today()), "child_rows": "1", "child_1": str(ruby.pk),
        "child_1_happening": "Mum is struggling since the baby came.", "child_1_alternative": "Ruby may be caring for the baby.",
        "child_1_feelings": "I dread these visits.", "child_1_decision": "Visit weekly until the review",
        "child_1_rationale": "Attendance has fallen.", "child_1_responsible": str(alice.pk),
    }
    return data | changes


@pytest.mark.parametrize("who", RECORDERS)
def test_the_practitioners_manager_line_records_a_supervision(client_for, request, police, ruby, alice, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    page = client.get(new_url(alice))
    assert page.status_code == 200 and b"Record supervision" in page.content and b"Ruby" in page.content
    response = client.post(new_url(alice), form(date_fields, ruby, alice))
    made = SupervisionSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/practice/supervision/sessions/{made.pk}/"
    assert made.discussions.get().decisions.get().responsible == alice


@pytest.mark.parametrize("who", NOT_RECORDERS)
def test_no_one_else_records_a_supervision_and_is_answered_as_for_a_missing_practitioner(client_for, request, police, ruby, alice, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    missing = f"/practice/supervision/practitioners/{alice.pk + 999}/new/"
    refused = client.get(new_url(alice))
    assert refused.status_code == 403 and _same(refused.content, client.get(missing).content)
    assert client.post(new_url(alice), form(date_fields, ruby, alice)).status_code == 403
    assert not SupervisionSession.objects.exists()


def test_a_manager_is_refused_a_practitioner_of_another_team(client_for, mo, charlie):
    assert client_for(mo).get(new_url(charlie)).status_code == 403


def test_a_decision_with_no_responsible_person_is_refused_on_the_page_keeping_what_was_typed(client_for, mo, ruby, alice, date_fields):
    page = client_for(mo).post(new_url(alice), form(date_fields, ruby, alice, child_1_responsible=""))
    assert page.status_code == 200 and b"a supervision decision needs a responsible person" in page.content
    assert b"govuk-error-summary" in page.content and b"Mum is struggling since the baby came." in page.content
    assert not SupervisionSession.objects.exists()


def test_add_another_child_posts_back_with_one_more_row_and_saves_nothing(client_for, mo, ruby, alice, date_fields):
    page = client_for(mo).post(new_url(alice), form(date_fields, ruby, alice, add_child="1"))
    assert page.status_code == 200 and b'name="child_2"' in page.content and b"Mum is struggling" in page.content
    assert b"govuk-error-summary" not in page.content and not SupervisionSession.objects.exists()


def test_a_supervision_discussing_two_children_puts_each_decision_on_its_childs_chronology(client_for, mo, ruby, leo, alice, date_fields):
    data = form(date_fields, ruby, alice, child_rows="2", child_2=str(leo.pk), child_2_decision="See Leo at nursery", child_2_responsible=str(alice.pk))
    assert client_for(mo).post(new_url(alice), data).status_code == 302
    for child, decision in ((ruby, b"Visit weekly until the review"), (leo, b"See Leo at nursery")):
        chronology = client_for(alice).get(f"/children/{child.pk}/")
        assert chronology.status_code == 200 and decision in chronology.content
        assert b"I dread these visits" not in chronology.content


@pytest.mark.parametrize("who", READERS)
def test_the_practitioner_supervisor_and_manager_line_read_the_session_with_the_private_reflection(client_for, request, police, supervised, who):
    page = client_for(request.getfixturevalue(who)).get(f"/practice/supervision/sessions/{supervised.pk}/")
    assert page.status_code == 200 and b"I dread these visits" in page.content
    assert b"No alternative hypothesis was given" in page.content  # Leo's discussion


@pytest.mark.parametrize("who", NOT_READERS)
def test_no_one_else_reads_a_session_and_is_answered_as_for_a_missing_one(client_for, request, police, supervised, who):
    client = client_for(request.getfixturevalue(who))
    refused = client.get(f"/practice/supervision/sessions/{supervised.pk}/")
    missing = client.get(f"/practice/supervision/sessions/{supervised.pk + 999}/")
    assert refused.status_code == 403 and _same(refused.content, missing.content)


@pytest.mark.parametrize("who", RECORDERS)
def test_the_manager_sees_when_each_practitioner_and_child_was_last_discussed(client_for, request, police, supervised, ruby, bea, who):
    page = client_for(request.getfixturevalue(who)).get("/practice/supervision/")
    assert page.status_code == 200
    yesterday = (today() - timedelta(days=1)).strftime("%-d %B %Y").encode()
    assert b"Alice Akers" in page.content and b"Bea Brown" in page.content and yesterday in page.content
    assert b"Ruby" in page.content and f'href="/practice/supervision/sessions/{supervised.pk}/"'.encode() in page.content
    shown = AuditEvent.objects.filter(what__startswith="supervision").order_by("-pk").first()
    assert shown is not None and ruby.pk in shown.after["children"]


@pytest.mark.parametrize("who", ["alice", "bea", "charlie", "chris", "officer", "teacher"])
def test_no_one_who_manages_no_team_opens_the_supervision_list(client_for, request, who):
    assert client_for(request.getfixturevalue(who)).get("/practice/supervision/").status_code == 403


def test_the_supervision_list_takes_the_same_queries_however_many_practitioners_and_children(client_for, mo, supervised, tom, charlie, sam, team_a, council):
    from journey.accounts.models import Role
    from journey.casework.actions import open_episode
    from journey.casework.codes import EpisodeKind
    from journey.people.actions import create_child
    from tests.conftest import make_user

    client = client_for(mo)
    client.get("/practice/supervision/")
    with CaptureQueriesContext(connection) as few:
        client.get("/practice/supervision/")
    for n in range(3):
        worker = make_user(f"extra{n}", Role.PRACTITIONER, council, team_a, "Extra", f"Worker{n}")
        child = create_child(acting_user=sam, first_name=f"Kid{n}", last_name="Lane", date_of_birth=today() - timedelta(days=2000))
        open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=3), acting_user=sam, worker=worker)
    with CaptureQueriesContext(connection) as many:
        client.get("/practice/supervision/")
    assert len(many) == len(few)


def test_the_team_queue_offers_the_manager_the_supervision_page_and_not_the_practitioner(client_for, mo, alice):
    assert b'href="/practice/supervision/"' in client_for(mo).get("/casework/team/").content
    assert b'href="/practice/supervision/"' not in client_for(alice).get("/casework/team/").content
