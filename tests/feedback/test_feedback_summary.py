"""The managers' summary: their teams' feedback over the chosen period counted by theme and kind and complaints by
outcome, each figure counted from the record and linking to the feedback behind it; only feedback they may read;
a fixed number of queries; the children listed logged as read."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journey.audit.models import AuditEvent
from journey.feedback.actions import Subject, record_feedback, respond_to_feedback
from journey.lib.dates import today

pytestmark = pytest.mark.django_db
URL = "/feedback/team/"


def _feedback(child, user, kind, themes, days_ago=1, source="parent_carer"):
    return record_feedback(child, subject=Subject("other", None, "Visits"), source=source, kind=kind, received_on=today() - timedelta(days=days_ago),
                           said=f"{kind} about {child.person.first_name}", themes=themes, acting_user=user)


@pytest.fixture
def received(ruby, leo, tom, alice, charlie, mo):
    """Team A: two complaints about communication (one closed, upheld), a compliment on being listened to, and an old
    compliment from last year; Team B (not Mo's): a complaint about Tom."""
    closed = _feedback(ruby, alice, "complaint", ["communication", "kept_informed"])
    respond_to_feedback(closed, response="Sorry.", responded_on=today(), outcome="upheld", close=True, acting_user=mo)
    _feedback(leo, alice, "complaint", ["communication"])
    _feedback(leo, alice, "compliment", ["listened_to"], source="child")
    _feedback(ruby, alice, "compliment", ["listened_to"], days_ago=400)
    _feedback(tom, charlie, "complaint", ["communication"])


def test_a_manager_sees_their_teams_feedback_counted_by_theme_kind_and_outcome(client_for, mo, received):
    response = client_for(mo).get(URL)
    result = response.context["result"]
    assert result.kinds == {"feedback": 0, "compliment": 1, "complaint": 2}
    themes = {theme: cells for theme, _label, cells, _all in result.by_theme}
    assert themes["communication"] == {"feedback": 0, "compliment": 0, "complaint": 2}
    assert themes["listened_to"]["compliment"] == 1 and themes["kept_informed"]["complaint"] == 1
    assert dict((value, n) for value, _label, n in result.outcomes) | {} == {"open": 1, "upheld": 1, "partly_upheld": 0, "not_upheld": 0, "withdrawn": 0}
    assert b'href="?period=91&amp;theme=communication&amp;kind=complaint"' in response.content


def test_a_longer_period_counts_older_feedback(client_for, mo, received):
    assert client_for(mo).get(URL, {"period": "730"}).context["result"].kinds["compliment"] == 2


def test_each_figure_links_to_the_feedback_behind_it_and_the_list_is_logged(client_for, mo, received, ruby, leo):
    before = AuditEvent.objects.filter(action="read").count()
    response = client_for(mo).get(URL, {"period": "91", "theme": "communication", "kind": "complaint"})
    shown = list(response.context["result"].page)
    assert {item.child_id for item in shown} == {ruby.pk, leo.pk} and len(shown) == 2
    assert b"complaint about Ruby" in response.content and b"complaint about Tom" not in response.content
    event = AuditEvent.objects.filter(action="read").order_by("-pk").first()
    assert AuditEvent.objects.filter(action="read").count() == before + 1 and sorted(event.after["children"]) == sorted([ruby.pk, leo.pk])


def test_an_outcome_links_to_its_complaints(client_for, mo, received, ruby):
    shown = list(client_for(mo).get(URL, {"outcome": "upheld"}).context["result"].page)
    assert [item.child_id for item in shown] == [ruby.pk]


def test_the_head_of_service_sees_both_teams(client_for, helen, received):
    assert client_for(helen).get(URL).context["result"].kinds["complaint"] == 3


def test_another_teams_feedback_is_not_counted(client_for, mo, received):
    assert client_for(mo).get(URL).context["result"].kinds["complaint"] == 2  # Tom's complaint is Team B's, not Mo's


@pytest.mark.parametrize("who", ["alice", "charlie", "officer", "chris", "sam"])
def test_no_one_but_a_manager_sees_the_summary(request, police, client_for, received, who):
    assert client_for(request.getfixturevalue(who)).get(URL).status_code == 403


def test_it_takes_the_same_number_of_queries_however_much_feedback_there_is(client_for, mo, alice, ruby, received):
    client = client_for(mo)
    client.get(URL, {"theme": "communication"})
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"theme": "communication"})
    for n in range(6):
        _feedback(ruby, alice, "complaint", ["communication", "respect"], days_ago=n)
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"theme": "communication"})
    assert len(many) == len(few)


def test_the_team_queue_links_to_it(client_for, mo):
    assert b'href="/feedback/team/"' in client_for(mo).get("/casework/team/").content


def test_feedback_on_a_child_the_manager_may_not_open_is_neither_counted_nor_listed(client_for, mo, team_a, tom, charlie, received):
    """Tom is Team B's; were his feedback Team A's (he moved on), Mo, who may not open him, still would not see it."""
    from journey.feedback.models import Feedback

    moved = Feedback.objects.get(child=tom)
    moved.team = team_a
    moved.save()
    response = client_for(mo).get(URL, {"all": "1"})
    assert response.context["result"].kinds["complaint"] == 2 and b"Tom" not in response.content
