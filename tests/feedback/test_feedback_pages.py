"""Feedback pages, each paired allow/deny: a child's feedback is read, recorded, answered and invited by the staff
who may open the child (partners never); another child's feedback id answers exactly like a missing one. Forms keep what was typed and name each failure; each feedback lands on the chronology."""
import re
from datetime import timedelta

import pytest

from journey.chronology.models import ChronologyEntry
from journey.feedback.models import Feedback, FeedbackLink
from journey.lib.dates import today

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
READERS = ["alice", "bea", "mo", "helen"]
NOT_READERS = ["charlie", "officer", "chris", "admin_user"]


def _user(request, name):
    return request.getfixturevalue(name)


@pytest.mark.parametrize("who", READERS)
def test_the_staff_who_open_the_child_read_their_feedback(request, client_for, complaint, ruby, who):
    client = client_for(_user(request, who))
    assert "Nobody told me the visit was moved." in client.get(f"/feedback/children/{ruby.pk}/{complaint.pk}/").content.decode()
    assert "Complaint from a parent or carer" in client.get(f"/feedback/children/{ruby.pk}/").content.decode()


@pytest.mark.parametrize("who", NOT_READERS)
def test_no_one_else_reads_a_childs_feedback(request, police, client_for, complaint, ruby, who):
    client = client_for(_user(request, who))
    for url in (f"/feedback/children/{ruby.pk}/", f"/feedback/children/{ruby.pk}/{complaint.pk}/"):
        response = client.get(url)
        assert response.status_code == 403 and b"Nobody told me" not in response.content


@pytest.mark.parametrize("who", NOT_READERS + ["sam"])
def test_no_one_else_records_answers_or_invites_and_a_refused_post_saves_nothing(request, police, client_for, complaint, ruby, who):
    client = client_for(_user(request, who))
    for url in (f"/feedback/children/{ruby.pk}/new/", f"/feedback/children/{ruby.pk}/links/new/", f"/feedback/children/{ruby.pk}/{complaint.pk}/respond/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"for_whom": "parent_carer", "about": "other", "about_other": "x", "response": "x"}).status_code == 403
    assert Feedback.objects.count() == 1 and not FeedbackLink.objects.exists()


def test_another_childs_feedback_answers_like_a_missing_one(client_for, alice, complaint, leo):
    client = client_for(alice)
    wrong, missing = client.get(f"/feedback/children/{leo.pk}/{complaint.pk}/"), client.get(f"/feedback/children/{leo.pk}/987654321/")
    assert wrong.status_code == missing.status_code == 403
    assert CSRF.sub(b"", wrong.content) == CSRF.sub(b"", missing.content)


@pytest.mark.parametrize("who", ["alice", "bea", "mo", "helen"])
def test_staff_who_open_the_child_record_feedback_through_the_form(request, client_for, date_fields, ruby, who):
    visit = ruby.visits.get()
    response = client_for(_user(request, who)).post(f"/feedback/children/{ruby.pk}/new/", {
        "source": "partner", "kind": "compliment", **date_fields("received_on", today()), "about": f"visit:{visit.pk}",
        "said": "School says the visit went well.", "themes": ["support", "respect"],
    })
    made = Feedback.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/feedback/children/{ruby.pk}/{made.pk}/"
    assert (made.visit, made.source, sorted(made.themes.values_list("theme", flat=True))) == (visit, "partner", ["respect", "support"])


def test_the_form_names_each_failure_and_keeps_what_was_typed(client_for, date_fields, alice, ruby, leo):
    other_visit_choice = f"visit:{ruby.visits.get().pk}"
    response = client_for(alice).post(f"/feedback/children/{leo.pk}/new/", {
        "source": "", "kind": "complaint", **date_fields("received_on", today() + timedelta(days=3)), "about": other_visit_choice,
        "said": "Kept words", "themes": ["nonsense"],
    })
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    for message in ("Select who gave the feedback", "Date received must be today or in the past", "Choose what the feedback is about from the list",
                    "Choose themes from the list"):
        assert message in body
    assert "Kept words" in body and not Feedback.objects.exists()


def test_closing_a_complaint_on_the_page_needs_its_outcome(client_for, date_fields, mo, complaint, ruby):
    url = f"/feedback/children/{ruby.pk}/{complaint.pk}/respond/"
    response = client_for(mo).post(url, {"response": "We are sorry.", **date_fields("responded_on", today()), "close": "on"})
    assert "Choose the outcome of the complaint" in response.content.decode() and "We are sorry." in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.closed_on is None
    response = client_for(mo).post(url, {"response": "We are sorry.", **date_fields("responded_on", today()), "outcome": "partly_upheld", "close": "on"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.closed_on) == ("partly_upheld", today())


def test_the_link_is_shown_once_and_never_again(client_for, alice, ruby):
    client = client_for(alice)
    response = client.post(f"/feedback/children/{ruby.pk}/links/new/", {"for_whom": "parent_carer", "about": "other", "about_other": "Our visits"})
    address = re.search(r'value="(http://testserver/feedback/give/[^"]+/)"', response.content.decode()).group(1)
    token = address.rstrip("/").rsplit("/", 1)[1]
    assert response.status_code == 200 and "Copy the link now" in response.content.decode()
    assert token not in client.get(f"/feedback/children/{ruby.pk}/").content.decode()
    assert client.logout() is None and client.get(address).status_code == 200


def test_the_link_form_needs_who_it_is_for(client_for, alice, ruby):
    response = client_for(alice).post(f"/feedback/children/{ruby.pk}/links/new/", {"about": "other", "about_other": "Our visits"})
    assert "Select who the link is for" in response.content.decode() and not FeedbackLink.objects.exists()


def test_feedback_lands_on_the_childs_chronology_saying_what_and_from_whom(complaint, compliment, ruby):
    entries = {e.title: e for e in ChronologyEntry.objects.filter(child=ruby, kind="feedback")}
    complaint_entry = entries["Complaint from a parent or carer: communication, being kept informed"]
    assert complaint_entry.summary == "Nobody told me the visit was moved." and complaint_entry.author == "Alice Akers"
    assert ["Outcome", "No outcome yet"] in complaint_entry.details and ["Status", "Open"] in complaint_entry.details
    assert "Compliment from the child or young person: being listened to" in entries


def test_the_chronology_shows_the_response_and_outcome_once_a_complaint_closes(complaint, mo, ruby):
    from journey.feedback.actions import respond_to_feedback

    respond_to_feedback(complaint, response="We apologised.", responded_on=today(), outcome="upheld", close=True, acting_user=mo)
    entry = ChronologyEntry.objects.get(child=ruby, kind="feedback")
    assert ["Response", "We apologised."] in entry.details and ["Outcome", "Upheld"] in entry.details
