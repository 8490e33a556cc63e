"""The generator writes one systems case review, open, of a case that went from a police contact to a section 47
enquiry: commissioned by a head of service after its period, with a team from the agencies, episodes marked on the
child's real chronology entries inside the period, a finding drawn from them that names nobody; and a board of
recommendations, each owned by a member of staff, the closed one with its outcome."""
import pytest

from journey.accounts.models import Role, User
from journey.chronology.models import ChronologyEntry
from journey.learning.models import CaseReview, EpisodeEntry, Recommendation
from journey.learning.review_rules import individuals_of, names_in
from journey.learning.review_timeline import timeline_of
from journey.people.models import Child
from tests.synthetic.conftest import generated

pytestmark = pytest.mark.django_db
authority = generated(2000, 7)


@pytest.fixture
def review(authority):
    return CaseReview.objects.select_related("commissioned_by").get()


def test_a_head_of_service_commissions_one_open_review_after_its_period(review):
    assert review.commissioned_by.role == Role.HEAD_OF_SERVICE and review.is_open
    assert review.period_from < review.period_to < review.commissioned_at.date()
    assert Child.objects.visible_to(review.commissioned_by).filter(pk=review.child_id).exists()


def test_its_team_comes_from_the_agencies_involved_and_its_partners_sit_on_the_partnership(review):
    members = [m.user for m in review.members.select_related("user__agency")]
    assert {"csc", "police", "health"} <= {u.agency.kind for u in members}
    assert {u.pk for u in members if u.role == Role.PARTNER} == set(User.objects.filter(partnership_member=True).values_list("pk", flat=True))


def test_each_episode_is_marked_on_entries_of_the_childs_timeline(review):
    on_timeline = set(timeline_of(review).values_list("key", flat=True))
    marked = set(EpisodeEntry.objects.filter(episode__review=review).values_list("entry_key", flat=True))
    assert len(marked) == 4 and marked <= on_timeline
    assert {key.split(":")[0] for key in marked} == {"contact", "decision", "strategy_discussion", "section_47"}
    assert all(episode.factors.exists() for episode in review.episodes.all())


def test_the_review_is_on_the_childs_chronology_and_its_finding_names_nobody(review):
    assert ChronologyEntry.objects.filter(child_id=review.child_id, kind="case_review").count() == 1
    finding = review.findings.get()
    assert finding.drawn_on.count() == 2
    individuals = individuals_of(review)
    assert not any(names_in(text, individuals) for text in (finding.title, finding.pattern, finding.evidence))


def test_the_board_has_owned_recommendations_one_answering_the_finding_and_one_closed_with_its_outcome(review):
    board = list(Recommendation.objects.select_related("owner"))
    assert len(board) == 4 and all(r.owner.role == Role.TEAM_MANAGER for r in board)
    assert [r.finding_id for r in board if r.source_kind == "review_finding"] == [review.findings.get().pk]
    closed = [r for r in board if not r.is_open]
    assert len(closed) == 1 and closed[0].outcome and closed[0].impact_evidence
    assert all(r.actions.exists() for r in board if r.is_open)
