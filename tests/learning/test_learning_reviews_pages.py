"""Case review pages, each paired allow/deny: the commissioner (Helen) and the team (Alice, Priya of the police) read
the review, its timeline and its work pages while it is open; everyone else (Alice's colleague, her manager, another
team, the chair, the school) is refused alike, GET and POST, and an id they may not use answers exactly like a missing
one. Reading the timeline is logged against the child. Forms keep what was typed and name each failure."""
import re
from datetime import timedelta

import pytest

from journey.audit.models import AuditEvent
from journey.learning.review_actions import close_review
from journey.learning.review_models import CaseReview, PracticeEpisode, ReviewFinding, ReviewMember
from journey.learning.review_timeline import timeline_of
from journey.lib.dates import today

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
TEAM = ["helen", "alice", "officer"]
NOT_TEAM = ["bea", "mo", "charlie", "chris", "teacher", "sam"]
READ_PAGES = ["/learning/reviews/{}/", "/learning/reviews/{}/timeline/", "/learning/reviews/{}/episodes/new/", "/learning/reviews/{}/findings/new/"]
LEADER_POSTS = ["/learning/reviews/{}/team/", "/learning/reviews/{}/close/"]


def _same(one: bytes, other: bytes) -> bool:
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


def _dates(name: str, day) -> dict[str, str]:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.mark.parametrize("who", TEAM)
def test_the_team_reads_the_review_and_its_timeline(client_for, request, review, who):
    client = client_for(request.getfixturevalue(who))
    for page in READ_PAGES:
        response = client.get(page.format(review.pk))
        assert response.status_code == 200, page
    timeline = client.get(f"/learning/reviews/{review.pk}/timeline/")
    assert b"Northfield Police" in timeline.content and b"Started at a new school." in timeline.content


@pytest.mark.parametrize("who", NOT_TEAM)
def test_anyone_else_is_refused_every_review_page_as_if_it_did_not_exist(client_for, request, review, episode, who):
    client = client_for(request.getfixturevalue(who))
    before = (ReviewMember.objects.count(), PracticeEpisode.objects.count(), CaseReview.objects.filter(closed_at__isnull=False).count())
    for page in READ_PAGES:
        forbidden, missing = client.get(page.format(review.pk)), client.get(page.format(987654))
        assert forbidden.status_code == 403 and _same(forbidden.content, missing.content), page
        assert b"Ruby" not in forbidden.content
    for page in [*LEADER_POSTS, "/learning/reviews/{}/episodes/new/", "/learning/reviews/{}/findings/new/"]:
        forbidden, missing = client.post(page.format(review.pk), {}), client.post(page.format(987654), {})
        assert forbidden.status_code == 403 and _same(forbidden.content, missing.content), page
    assert (ReviewMember.objects.count(), PracticeEpisode.objects.count(), CaseReview.objects.filter(closed_at__isnull=False).count()) == before


def test_reading_the_timeline_is_logged_against_the_child(client_for, review, officer):
    client_for(officer).get(f"/learning/reviews/{review.pk}/timeline/")
    assert AuditEvent.objects.filter(action="read", user=officer, child=review.child, what="case review timeline").count() == 1


def test_the_timeline_page_shows_every_agencys_entries_in_the_period_and_none_outside(client_for, review, alice):
    body = client_for(alice).get(f"/learning/reviews/{review.pk}/timeline/").content.decode()
    for entry in timeline_of(review):
        assert entry.key in body
    assert "Baby born." not in body and "Grandad died." not in body
    assert "Northfield Police" in body and "Northfield Children&#x27;s Services" in body


@pytest.mark.parametrize("who", ["alice", "officer"])
def test_team_members_neither_name_the_team_nor_close_the_review(client_for, request, review, finding, bea, who):
    client = client_for(request.getfixturevalue(who))
    assert client.post(f"/learning/reviews/{review.pk}/team/", {"user": bea.pk}).status_code == 403
    assert client.post(f"/learning/reviews/{review.pk}/close/").status_code == 403
    assert not review.members.filter(user=bea).exists() and CaseReview.objects.get().is_open


def test_the_commissioner_names_the_team_and_closes_the_review(client_for, review, finding, helen, bea):
    client = client_for(helen)
    assert client.post(f"/learning/reviews/{review.pk}/team/", {"user": bea.pk}).status_code == 302
    assert review.members.filter(user=bea).exists()
    assert client.post(f"/learning/reviews/{review.pk}/team/", {"user": bea.pk}).status_code == 400
    assert client.post(f"/learning/reviews/{review.pk}/close/").status_code == 302
    assert not CaseReview.objects.get().is_open


def test_once_closed_the_team_reads_the_findings_but_not_the_timeline(client_for, review, finding, helen, alice):
    close_review(review, acting_user=helen)
    client = client_for(alice)
    page = client.get(f"/learning/reviews/{review.pk}/")
    assert page.status_code == 200 and finding.title.encode() in page.content
    for closed in READ_PAGES[1:]:
        assert client.get(closed.format(review.pk)).status_code == 403


def test_a_head_of_service_commissions_a_review_by_record_number(client_for, helen, ruby):
    client = client_for(helen)
    assert client.get("/learning/reviews/new/").status_code == 200
    response = client.post("/learning/reviews/new/", {
        "child": str(ruby.pk), "reason": "good_practice", "terms_of_reference": "What helped Ruby's school attendance?",
        **_dates("period_from", today() - timedelta(days=60)), **_dates("period_to", today()),
    })
    made = CaseReview.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/learning/reviews/{made.pk}/"
    assert made.child == ruby and made.commissioned_by == helen


@pytest.mark.parametrize("who", ["alice", "mo", "chris", "officer", "carol"])
def test_nobody_else_commissions_a_review(client_for, request, police, ruby, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/learning/reviews/new/").status_code == 403
    assert client.post("/learning/reviews/new/", {"child": str(ruby.pk), "reason": "good_practice"}).status_code == 403
    assert not CaseReview.objects.exists()


def test_the_commission_form_names_each_failure_and_keeps_what_was_typed(client_for, helen, sam):
    from journey.people.actions import create_child

    stranger = create_child(acting_user=sam, first_name="Sol", last_name="Reed", date_of_birth=today() - timedelta(days=900))
    response = client_for(helen).post("/learning/reviews/new/", {
        "child": str(stranger.pk), "reason": "", "terms_of_reference": "Keep these words.", **_dates("period_from", today()),
        **_dates("period_to", today() - timedelta(days=3)),
    })
    body = response.content.decode()
    assert response.status_code == 200 and "Keep these words." in body
    assert "Enter the record number of a child whose record you may open" in body
    assert "End of the period must be the same as or after its start" in body and "Choose why the review is held" in body
    assert "Reed" not in body and not CaseReview.objects.exists()
    unreal = client_for(helen).post("/learning/reviews/new/", {"child": "x", "period_to_0": "31", "period_to_1": "2", "period_to_2": "2025"})
    assert "End of the period must be a real date" in unreal.content.decode() and not CaseReview.objects.exists()


def test_the_team_marks_an_episode_from_the_timeline(client_for, review, alice):
    keys = list(timeline_of(review).values_list("key", flat=True)[:2])
    client = client_for(alice)
    page = client.get(f"/learning/reviews/{review.pk}/episodes/new/?" + "&".join(f"entries={k}" for k in keys))
    assert page.status_code == 200 and all(f'value="{k}" checked' in page.content.decode() for k in keys)
    response = client.post(f"/learning/reviews/{review.pk}/episodes/new/", {
        "entries": keys, "title": "The first visit", "what_happened": "Ruby was seen alone.", "why_it_made_sense": "It was the policy.",
        "factor_tools": "The visit form asks nothing of history.", "factor_management": "",
    })
    assert response.status_code == 302
    made = PracticeEpisode.objects.get()
    assert sorted(made.entries.values_list("entry_key", flat=True)) == sorted(keys)
    assert list(made.factors.values_list("category", "description")) == [("tools", "The visit form asks nothing of history.")]


def test_the_episode_form_refuses_an_entry_off_the_timeline_and_keeps_what_was_typed(client_for, review, alice, edges):
    response = client_for(alice).post(f"/learning/reviews/{review.pk}/episodes/new/", {
        "entries": [f"significant_event:{edges['after']}"], "title": "Keep this title", "what_happened": "", "why_it_made_sense": "x",
    })
    body = response.content.decode()
    assert response.status_code == 200 and "Keep this title" in body and "Enter what happened" in body
    assert "Choose entries from this review&#x27;s timeline" in body
    assert "Grandad died." not in body and not PracticeEpisode.objects.exists()


def test_the_finding_form_refuses_a_finding_without_an_episode_or_naming_a_person(client_for, review, episode, alice):
    client = client_for(alice)
    response = client.post(f"/learning/reviews/{review.pk}/findings/new/", {"title": "History is lost", "pattern": "Mo Malik never checks."})
    body = response.content.decode()
    assert "Choose at least one key practice episode this finding draws on" in body
    assert "names Mo Malik: a finding is about the system, not individuals" in body and "History is lost" in body
    assert not ReviewFinding.objects.exists()
    ok = client.post(f"/learning/reviews/{review.pk}/findings/new/", {
        "title": "History is lost", "pattern": "Notifications carry one incident at a time.", "episodes": [episode.pk]})
    assert ok.status_code == 302 and ReviewFinding.objects.get().title == "History is lost"


def test_the_list_shows_each_user_their_own_reviews(client_for, review, alice, bea):
    assert f"/learning/reviews/{review.pk}/".encode() in client_for(alice).get("/learning/reviews/").content
    other = client_for(bea).get("/learning/reviews/")
    assert other.status_code == 200 and b"Ruby" not in other.content
