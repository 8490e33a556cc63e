"""The rules of feedback: who may record it, what it must say, what it links to, and that a complaint closes only
with its response and outcome. Each refusal names its field and saves nothing."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.audit.models import AuditEvent
from journey.feedback.actions import Subject, record_feedback, respond_to_feedback
from journey.feedback.models import Feedback, FeedbackTheme
from journey.lib.dates import today

pytestmark = pytest.mark.django_db


def _record(child, user, **changes):
    values = {"subject": Subject("other", None, "A phone call"), "source": "parent_carer", "kind": "feedback",
              "received_on": today(), "said": "Thanks for calling.", "themes": ["communication"]} | changes
    return record_feedback(child, acting_user=user, **values)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_it_records_feedback_linked_to_the_childs_visit_with_its_themes_and_team(complaint, ruby, alice):
    assert complaint.visit == ruby.visits.get() and complaint.about == "visit"
    assert sorted(complaint.themes.values_list("theme", flat=True)) == ["communication", "kept_informed"]
    assert complaint.team == alice.team and complaint.recorded_by == alice
    assert complaint.about_text().startswith("The visit on ")


def test_its_writes_are_in_the_audit_log_as_the_recorder(complaint, alice):
    event = AuditEvent.objects.get(object_type="feedback.feedback", object_id=str(complaint.pk), action="create")
    assert event.user == alice and event.child_id == complaint.child_id


@pytest.mark.parametrize("who", ["alice", "bea", "mo", "helen"])
def test_staff_who_may_open_the_child_record_feedback(request, ruby, who):
    user = request.getfixturevalue(who)
    assert _record(ruby, user).recorded_by == user


@pytest.mark.parametrize("who", ["charlie", "officer", "chris", "sam", "admin_user"])
def test_no_one_else_may_record_feedback(request, police, ruby, who):
    user = request.getfixturevalue(who)
    with pytest.raises(ValidationError, match="Only staff who may open the child's record"):
        _record(ruby, user)
    assert not Feedback.objects.exists()


def test_it_refuses_a_record_of_another_child(ruby, leo, alice):
    errors = _errors(lambda: _record(leo, alice, subject=Subject("visit", ruby.visits.get())))
    assert errors == {"about": ["Choose what the feedback is about from the list"]}


def test_it_names_every_missing_answer_in_one_pass_and_saves_nothing(ruby, alice):
    errors = _errors(lambda: _record(ruby, alice, subject=Subject("other", None, " "), source="x", kind="", received_on=None, said=" ", themes=["nonsense"]))
    assert set(errors) == {"about_other", "source", "kind", "received_on", "said", "themes"}
    assert not Feedback.objects.exists() and not FeedbackTheme.objects.exists()


def test_it_refuses_a_date_in_the_future_and_text_over_its_bound(ruby, alice):
    errors = _errors(lambda: _record(ruby, alice, received_on=today() + timedelta(days=1), said="x" * 2001))
    assert errors["received_on"] == ["Date received must be today or in the past"]
    assert "2,000 characters or fewer" in errors["said"][0]


def test_closing_a_complaint_without_a_response_and_outcome_is_refused(complaint, alice):
    errors = _errors(lambda: respond_to_feedback(complaint, response="", responded_on=today(), close=True, acting_user=alice))
    assert errors["response"] == ["Enter the response: a complaint is closed with its response and outcome"]
    assert errors["outcome"] == ["Choose the outcome of the complaint: a complaint is closed with its response and outcome"]
    complaint.refresh_from_db()
    assert complaint.closed_on is None and complaint.response == ""


def test_a_complaint_closes_with_its_response_and_outcome(complaint, mo):
    respond_to_feedback(complaint, response="We apologised.", responded_on=today(), outcome="upheld", close=True, acting_user=mo)
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.closed_on, complaint.responded_by) == ("upheld", today(), mo)


def test_a_closed_complaint_is_not_answered_again(complaint, mo):
    respond_to_feedback(complaint, response="We apologised.", responded_on=today(), outcome="withdrawn", close=True, acting_user=mo)
    with pytest.raises(ValidationError, match="This complaint is closed"):
        respond_to_feedback(complaint, response="More.", responded_on=today(), acting_user=mo)


def test_a_compliment_has_a_response_but_no_outcome(compliment, alice):
    errors = _errors(lambda: respond_to_feedback(compliment, response="Thank you.", responded_on=today(), outcome="upheld", acting_user=alice))
    assert errors == {"outcome": ["Only a complaint has an outcome and is closed"]}
    respond_to_feedback(compliment, response="Thank you, Ruby.", responded_on=today(), acting_user=alice)
    compliment.refresh_from_db()
    assert compliment.response == "Thank you, Ruby." and compliment.outcome == ""


def test_plain_feedback_is_not_answered(ruby, alice):
    with pytest.raises(ValidationError, match="Only a compliment or a complaint is answered"):
        respond_to_feedback(_record(ruby, alice), response="Noted.", responded_on=today(), acting_user=alice)


def test_only_staff_who_may_open_the_child_respond(complaint, charlie):
    with pytest.raises(ValidationError, match="Only staff who may open the child's record"):
        respond_to_feedback(complaint, response="x", responded_on=today(), acting_user=charlie)


def test_the_database_refuses_a_closed_complaint_with_no_outcome(complaint):
    from django.db import IntegrityError, transaction

    complaint.closed_on, complaint.response = today(), "Done."
    with pytest.raises(IntegrityError), transaction.atomic():
        complaint.save()


def test_a_reader_by_grant_records_feedback_they_heard(ruby, charlie, mo):
    from journey.access.actions import grant_access

    grant_access(ruby, acting_user=mo, reason="Covering Alice's visits this week.", user=charlie)
    assert _record(ruby, charlie).recorded_by == charlie
