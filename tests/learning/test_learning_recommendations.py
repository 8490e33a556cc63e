"""Recommendations to action, their rules: one comes from a review finding its recorder may read, an audit, an
inspection or practitioners' daily experience; it has an owner, actions with owners and dates, dated progress; it
cannot close without an outcome, and nothing partial is saved."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.learning.recommendation_actions import add_action, close_recommendation, record_progress, record_recommendation
from journey.learning.recommendation_models import Recommendation, RecommendationAction
from journey.learning.recommendation_rules import can_change, can_record, can_see_board
from journey.lib.dates import today

pytestmark = pytest.mark.django_db


def _errors(raised) -> dict:
    return raised.value.message_dict


def test_a_recommendation_from_a_finding_keeps_its_finding(recommendation, finding):
    assert recommendation.finding == finding and recommendation.is_open
    assert recommendation.actions.get().owner.username == "mo" and recommendation.updates.get().written_by.username == "mo"


def test_a_recommendation_from_practice_needs_no_finding(mo, bea):
    made = record_recommendation(title="Duty rota shows cover", source_kind="practice", finding=None, source_detail="Team meetings, spring",
                                 options_weighed="Paper rota; rota in Journey.", owner=mo, acting_user=mo)
    assert made.finding is None and made.source_kind == "practice"


def test_a_recommendation_from_a_review_needs_a_finding_its_recorder_may_read(finding, mo):
    common = {"title": "Share history", "source_detail": "", "options_weighed": "Two options.", "owner": mo, "acting_user": mo}
    with pytest.raises(ValidationError) as raised:
        record_recommendation(source_kind="review_finding", finding=None, **common)
    assert _errors(raised)["finding"] == ["Choose the review finding it answers, from a review you are on"]
    with pytest.raises(ValidationError) as raised:
        record_recommendation(source_kind="review_finding", finding=finding, **common)  # Mo is not on the review
    assert _errors(raised)["finding"] == ["Choose the review finding it answers, from a review you are on"]
    with pytest.raises(ValidationError) as raised:
        record_recommendation(source_kind="inspection", finding=finding, **common)
    assert _errors(raised)["finding"] == ["Leave the finding empty unless the recommendation comes from a review"]
    assert not Recommendation.objects.exists()


def test_it_names_every_missing_part_at_once(helen, officer):
    with pytest.raises(ValidationError) as raised:
        record_recommendation(title=" ", source_kind="", finding=None, source_detail="", options_weighed="", owner=officer, acting_user=helen)
    assert set(_errors(raised)) == {"title", "source_kind", "options_weighed", "owner"}
    assert _errors(raised)["owner"] == ["Choose an active member of the local authority's staff as the owner"]


@pytest.mark.parametrize("who", ["alice", "chris", "carol", "officer"])
def test_only_managers_record_recommendations(request, mo, who):
    user = request.getfixturevalue(who)
    assert not can_record(user)
    with pytest.raises(ValidationError):
        record_recommendation(title="x", source_kind="audit", finding=None, source_detail="", options_weighed="y", owner=mo, acting_user=user)


def test_the_board_is_the_staffs_and_not_the_partners(alice, chris, officer, teacher):
    assert can_see_board(alice) and can_see_board(chris)
    assert not can_see_board(officer) and not can_see_board(teacher)


def test_a_partners_member_of_the_safeguarding_partnership_reads_the_board_and_changes_nothing(officer, recommendation, mo):
    officer.partnership_member = True
    officer.save()
    assert can_see_board(officer) and not can_record(officer) and not can_change(officer, recommendation)
    with pytest.raises(ValidationError):
        record_progress(recommendation, written_on=today(), text="Seen at the partnership.", acting_user=officer)


def test_a_recommendation_cannot_close_without_an_outcome(recommendation, mo):
    with pytest.raises(ValidationError) as raised:
        close_recommendation(recommendation, outcome="  ", impact_evidence="Audit grades rose.", acting_user=mo)
    assert _errors(raised)["outcome"] == ["Enter the outcome: a recommendation cannot close without one"]
    recommendation.refresh_from_db()
    assert recommendation.is_open and recommendation.impact_evidence == ""
    close_recommendation(recommendation, outcome="The template is in use.", impact_evidence="Every notification since has history.", acting_user=mo)
    recommendation.refresh_from_db()
    assert not recommendation.is_open and recommendation.closed_by == mo


def test_the_database_refuses_a_closed_recommendation_without_an_outcome(recommendation):
    from django.db import IntegrityError, transaction

    recommendation.status = "closed"
    with pytest.raises(IntegrityError), transaction.atomic():
        recommendation.save()


def test_only_the_owner_the_recorder_or_a_head_of_service_moves_it_on(recommendation, mo, helen, alice):
    assert can_change(mo, recommendation) and can_change(helen, recommendation) and not can_change(alice, recommendation)
    with pytest.raises(ValidationError):
        record_progress(recommendation, written_on=today(), text="Nothing.", acting_user=alice)
    assert recommendation.updates.count() == 1


def test_an_action_needs_its_owner_and_a_date_within_bounds(recommendation, mo, officer):
    with pytest.raises(ValidationError) as raised:
        add_action(recommendation, description="", owner=officer, by_when=None, acting_user=mo)
    assert set(_errors(raised)) == {"description", "owner", "by_when"}
    with pytest.raises(ValidationError) as raised:
        add_action(recommendation, description="Train the front door", owner=mo, by_when=today() + timedelta(days=11 * 366), acting_user=mo)
    assert _errors(raised)["by_when"] == ["By when must be within 10 years of today"]
    assert RecommendationAction.objects.count() == 1


def test_progress_is_dated_today_or_before(recommendation, mo):
    with pytest.raises(ValidationError) as raised:
        record_progress(recommendation, written_on=today() + timedelta(days=1), text="Ahead.", acting_user=mo)
    assert _errors(raised)["written_on"] == ["Date of the update must be today or in the past"]


def test_nothing_changes_a_closed_recommendation(recommendation, mo):
    close_recommendation(recommendation, outcome="Done.", impact_evidence="", acting_user=mo)
    with pytest.raises(ValidationError) as raised:
        add_action(recommendation, description="More", owner=mo, by_when=today(), acting_user=mo)
    assert _errors(raised)["__all__"] == ["This recommendation is closed"]
