"""The partnership's board and a recommendation's pages, paired allow/deny: every member of the council's staff
reads them, and so does a partner agency's member of the safeguarding partnership (who changes nothing); other partners are refused alike, GET and POST, an id answering like a missing one. Managers record; the
owner, the recorder and a head of service move one on and close it; no child's data appears on the board."""
import re
from datetime import timedelta

import pytest

from journey.learning.recommendation_models import Recommendation
from journey.lib.dates import today

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
STAFF = ["alice", "bea", "mo", "helen", "charlie", "sam", "chris", "carol", "admin_user"]
PARTNERS = ["officer", "teacher"]
CHANGERS = ["mo", "helen"]  # the owner, and the head of service who recorded it
NOT_CHANGERS = ["alice", "bea", "charlie", "chris"]


def _same(one: bytes, other: bytes) -> bool:
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


def _dates(name: str, day) -> dict[str, str]:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.mark.parametrize("who", STAFF)
def test_staff_read_the_board_and_each_recommendation(client_for, request, recommendation, who):
    client = client_for(request.getfixturevalue(who))
    board = client.get("/learning/recommendations/")
    assert board.status_code == 200 and recommendation.title.encode() in board.content
    assert b"Template drafted with the public protection unit." in board.content and b"Mo Malik" in board.content
    assert client.get(f"/learning/recommendations/{recommendation.pk}/").status_code == 200


@pytest.mark.parametrize("who", PARTNERS)
def test_partners_are_refused_the_board_and_every_recommendation(client_for, request, recommendation, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/learning/recommendations/").status_code == 403
    assert client.get("/learning/recommendations/new/").status_code == 403
    for page in ["/learning/recommendations/{}/", "/learning/recommendations/{}/actions/", "/learning/recommendations/{}/progress/",
                 "/learning/recommendations/{}/close/"]:
        method = client.get if page.count("/") == 4 else client.post
        forbidden, missing = method(page.format(recommendation.pk)), method(page.format(987654))
        assert forbidden.status_code == 403 and _same(forbidden.content, missing.content), page


def test_a_partners_member_of_the_partnership_reads_the_board_and_each_recommendation_but_changes_nothing(client_for, recommendation, officer):
    officer.partnership_member = True
    officer.save()
    client = client_for(officer)
    board = client.get("/learning/recommendations/")
    assert board.status_code == 200 and recommendation.title.encode() in board.content
    assert client.get(f"/learning/recommendations/{recommendation.pk}/").status_code == 200
    assert client.get("/learning/recommendations/new/").status_code == 403
    for page in ["actions", "progress", "close"]:
        assert client.post(f"/learning/recommendations/{recommendation.pk}/{page}/", {"outcome": "Done", "text": "Seen"}).status_code == 403, page
    recommendation.refresh_from_db()
    assert recommendation.is_open and recommendation.updates.count() == 1


def test_the_board_shows_no_childs_data(client_for, recommendation, alice, review):
    body = client_for(alice).get("/learning/recommendations/").content
    assert b"Ruby" not in body and b"Smith" not in body and str(review.child.date_of_birth.year).encode() not in body


def test_the_board_filters_by_status(client_for, recommendation, mo, helen):
    from journey.learning.recommendation_actions import record_recommendation

    other = record_recommendation(title="Cover for absent workers is on the rota", source_kind="inspection", finding=None,
                                  source_detail="Inspection, May", options_weighed="Rota.", owner=mo, acting_user=helen)
    client = client_for(mo)
    client.post(f"/learning/recommendations/{other.pk}/close/", {"outcome": "The rota shows cover."})
    closed = client.get("/learning/recommendations/?status=closed").content
    opened = client.get("/learning/recommendations/?status=open").content
    assert other.title.encode() in closed and recommendation.title.encode() not in closed
    assert recommendation.title.encode() in opened and other.title.encode() not in opened
    assert client.get("/learning/recommendations/?status=nonsense").status_code == 200


@pytest.mark.parametrize("who", ["mo", "helen"])
def test_managers_record_a_recommendation(client_for, request, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    assert client.get("/learning/recommendations/new/").status_code == 200
    response = client.post("/learning/recommendations/new/", {
        "title": "Duty rota shows cover", "source_kind": "practice", "options_weighed": "Paper; Journey.", "owner": user.pk})
    made = Recommendation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/learning/recommendations/{made.pk}/"


@pytest.mark.parametrize("who", ["alice", "chris", "carol"])
def test_other_staff_do_not_record_recommendations(client_for, request, mo, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/learning/recommendations/new/").status_code == 403
    assert client.post("/learning/recommendations/new/", {"title": "x", "source_kind": "practice", "options_weighed": "y", "owner": mo.pk}).status_code == 403
    assert not Recommendation.objects.exists()


def test_the_review_team_makes_a_recommendation_from_its_finding(client_for, finding, helen, mo):
    client = client_for(helen)
    page = client.get(f"/learning/recommendations/new/?finding={finding.pk}")
    assert f'value="{finding.pk}" selected'.encode() in page.content
    client.post("/learning/recommendations/new/", {"title": "Share history", "source_kind": "review_finding", "finding": finding.pk,
                                                   "options_weighed": "Two.", "owner": mo.pk})
    assert Recommendation.objects.get().finding == finding


def test_the_form_keeps_what_was_typed_and_names_each_failure(client_for, helen):
    body = client_for(helen).post("/learning/recommendations/new/", {"title": "Keep me", "source_kind": "review_finding"}).content.decode()
    assert "Keep me" in body and "Choose the review finding it answers" in body and "Enter the options weighed" in body and "Choose the owner" in body
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("who", CHANGERS)
def test_the_owner_and_the_recorder_add_actions_and_progress_and_close_it(client_for, request, recommendation, mo, who):
    client = client_for(request.getfixturevalue(who))
    url = f"/learning/recommendations/{recommendation.pk}/"
    assert client.post(url + "actions/", {"description": "Train the front door", "owner": mo.pk, **_dates("by_when", today() + timedelta(days=30))}).status_code == 302
    assert client.post(url + "progress/", {"text": "Training booked.", **_dates("written_on", today())}).status_code == 302
    refused = client.post(url + "close/", {"outcome": "", "impact_evidence": "Keep this evidence."})
    assert refused.status_code == 400 and b"Enter the outcome: a recommendation cannot close without one" in refused.content
    assert b"Keep this evidence." in refused.content and Recommendation.objects.get().is_open
    assert client.post(url + "close/", {"outcome": "In use.", "impact_evidence": ""}).status_code == 302
    made = Recommendation.objects.get()
    assert not made.is_open and made.actions.count() == 2 and made.updates.count() == 2


@pytest.mark.parametrize("who", NOT_CHANGERS)
def test_other_staff_read_it_but_do_not_change_it(client_for, request, recommendation, mo, who):
    client = client_for(request.getfixturevalue(who))
    url = f"/learning/recommendations/{recommendation.pk}/"
    assert b"Add the action" not in client.get(url).content
    assert client.post(url + "actions/", {"description": "x", "owner": mo.pk, **_dates("by_when", today())}).status_code == 403
    assert client.post(url + "progress/", {"text": "x", **_dates("written_on", today())}).status_code == 403
    assert client.post(url + "close/", {"outcome": "x"}).status_code == 403
    made = Recommendation.objects.get()
    assert made.is_open and made.actions.count() == 1 and made.updates.count() == 1
