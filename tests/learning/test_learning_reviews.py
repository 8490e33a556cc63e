"""Systems case reviews, their rules: a head of service commissions one for a child they may open, over a bounded
period; its timeline holds every agency's entries for the period and none outside it; episodes are marked on the
timeline's entries with contributory factors in their categories; a finding draws on episodes and names no one; the
review closes once it has a finding; only its existence reaches the child's chronology."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.chronology.models import ChronologyEntry
from journey.learning.review_actions import add_member, close_review, commission_review, mark_episode, write_finding
from journey.learning.review_models import CaseReview, PracticeEpisode, ReviewFinding
from journey.learning.review_rules import reading_refusal, working_refusal
from journey.learning.review_timeline import timeline_of
from journey.lib.dates import today

from .conftest import PERIOD_FROM, PERIOD_TO

pytestmark = pytest.mark.django_db


def _errors(raised) -> dict:
    return raised.value.message_dict


def test_the_timeline_holds_every_agencys_entries_for_its_period_and_none_outside_it(review, edges):
    shown = list(timeline_of(review).values_list("key", flat=True))
    everything = ChronologyEntry.objects.filter(child=review.child).exclude(kind="case_review")
    start, end = today() - timedelta(days=PERIOD_FROM), today() - timedelta(days=PERIOD_TO)
    inside = [e.key for e in everything.order_by("occurred_at", "key") if start <= timezone.localtime(e.occurred_at).date() <= end]
    assert shown == inside
    assert f"significant_event:{edges['first']}" in shown and f"significant_event:{edges['last']}" in shown
    assert f"significant_event:{edges['before']}" not in shown and f"significant_event:{edges['after']}" not in shown
    agencies = set(timeline_of(review).values_list("agency", flat=True))
    assert {"Northfield Police", "Northfield Children's Services"} <= agencies
    assert {"contact", "decision", "episode", "allocation", "visit"} <= set(timeline_of(review).values_list("kind", flat=True))


def test_a_late_entry_about_the_period_joins_the_timeline(review, alice):
    from journey.chronology.actions import record_significant_event

    from .conftest import at

    event = record_significant_event(review.child, acting_user=alice, occurred_at=at(PERIOD_TO + 2, 12), description="Left the nursery.")
    assert timeline_of(review).filter(key=f"significant_event:{event.pk}").exists()


def test_only_a_head_of_service_commissions_a_review(ruby, mo):
    with pytest.raises(ValidationError) as raised:
        commission_review(ruby, reason="serious_harm", terms_of_reference="Why?", period_from=today() - timedelta(days=10),
                          period_to=today(), acting_user=mo)
    assert _errors(raised)["__all__"] == ["Only a head of service commissions a systems case review"]
    assert not CaseReview.objects.exists()


def test_it_refuses_a_child_the_head_of_service_may_not_open(helen, sam):
    from journey.people.actions import create_child

    stranger = create_child(acting_user=sam, first_name="Sol", last_name="Reed", date_of_birth=today() - timedelta(days=900))
    with pytest.raises(ValidationError) as raised:
        commission_review(stranger, reason="good_practice", terms_of_reference="Why?", period_from=today() - timedelta(days=10),
                          period_to=today(), acting_user=helen)
    assert _errors(raised)["child"] == ["Enter the record number of a child whose record you may open"]


@pytest.mark.parametrize(("start", "end", "field", "message"), [
    (None, 0, "period_from", "Enter the start of the period"),
    (10, None, "period_to", "Enter the end of the period"),
    (5, 10, "period_to", "End of the period must be the same as or after its start"),
    (5, -1, "period_to", "End of the period must be today or in the past"),
    (19 * 366, 0, "period_from", "The period can be at most 18 years long"),
])
def test_it_refuses_a_period_out_of_bounds(ruby, helen, start, end, field, message):
    def day(n):
        return None if n is None else today() - timedelta(days=n)

    with pytest.raises(ValidationError) as raised:
        commission_review(ruby, reason="serious_harm", terms_of_reference="Why?", period_from=day(start), period_to=day(end), acting_user=helen)
    assert _errors(raised)[field] == [message]
    assert not CaseReview.objects.exists()


def test_it_names_every_missing_part_at_once(ruby, helen):
    with pytest.raises(ValidationError) as raised:
        commission_review(ruby, reason="", terms_of_reference="  ", period_from=None, period_to=None, acting_user=helen)
    assert set(_errors(raised)) == {"reason", "terms_of_reference", "period_from", "period_to"}


def test_the_team_reads_the_review_and_nobody_else(review, alice, officer, helen, bea, mo, charlie):
    for user in (helen, alice, officer):
        assert reading_refusal(user, review) is None and working_refusal(user, review) is None
    for user in (bea, mo, charlie):
        assert reading_refusal(user, review) is not None


def test_only_the_commissioner_names_the_team(review, alice, bea):
    with pytest.raises(ValidationError):
        add_member(review, bea, acting_user=alice)
    assert not review.members.filter(user=bea).exists()


def test_a_reviewer_joins_the_team_once(review, helen, alice):
    with pytest.raises(ValidationError) as raised:
        add_member(review, alice, acting_user=helen)
    assert _errors(raised)["user"] == ["Alice Akers is already on the review team"]


def test_an_episode_holds_its_entries_and_its_factors_in_their_categories(episode):
    assert episode.entries.count() >= 1
    assert {(f.category, f.description) for f in episode.factors.all()} == {
        ("inter_agency", "The police notification carried no history."), ("workload", "Twelve contacts waited that morning.")}


def test_an_episode_needs_entries_from_the_timeline(review, alice, edges):
    common = {"title": "A visit", "what_happened": "Seen alone.", "why_it_made_sense": "Policy.", "factors": [], "acting_user": alice}
    with pytest.raises(ValidationError) as raised:
        mark_episode(review, entry_keys=[], **common)
    assert _errors(raised)["entries"] == ["Choose at least one entry on the timeline for this episode"]
    with pytest.raises(ValidationError) as raised:
        mark_episode(review, entry_keys=[f"significant_event:{edges['after']}"], **common)
    assert _errors(raised)["entries"] == ["Choose entries from this review's timeline"]
    assert not PracticeEpisode.objects.exists()


def test_an_episode_names_each_missing_answer_and_a_factor_over_its_bound(review, alice):
    key = timeline_of(review).first().key
    with pytest.raises(ValidationError) as raised:
        mark_episode(review, title="", what_happened="", why_it_made_sense="", entry_keys=[key], acting_user=alice,
                     factors=[("tools", "x" * 2001), ("nonsense", "y")])
    errors = _errors(raised)
    assert errors["title"] == ["Enter a title for the episode"] and errors["what_happened"] == ["Enter what happened"]
    assert errors["why_it_made_sense"] == ["Enter why it made sense to the people at the time"]
    assert errors["factor_tools"] == ["Description must be 2,000 characters or fewer"]
    assert errors["factors"] == ["Choose a category for each contributory factor"]
    assert not PracticeEpisode.objects.exists()


def test_a_finding_needs_an_episode_to_draw_on(review, alice):
    with pytest.raises(ValidationError) as raised:
        write_finding(review, title="Notifications lack history", pattern="One incident at a time.", evidence="", episodes=[], acting_user=alice)
    assert _errors(raised)["episodes"] == ["Choose at least one key practice episode this finding draws on: a finding needs its evidence"]
    assert not ReviewFinding.objects.exists()


@pytest.mark.parametrize(("field", "text", "named"), [
    ("title", "Alice Akers did not check the history", "Alice Akers"),
    ("pattern", "ruby smith was not seen alone", "Ruby Smith"),
    ("evidence", "As Sam Shah told us.", "Sam Shah"),
    ("pattern", "DC Green sent it late.", "DC Green"),
])
def test_a_finding_that_names_an_individual_is_refused(review, episode, alice, field, text, named):
    answers = {"title": "Notifications lack history", "pattern": "One incident at a time.", "evidence": "", field: text}
    with pytest.raises(ValidationError) as raised:
        write_finding(review, episodes=[episode], acting_user=alice, **answers)
    assert named in _errors(raised)[field][0] and "about the system, not individuals" in _errors(raised)[field][0]
    assert not ReviewFinding.objects.exists()


def test_a_finding_draws_only_on_its_own_reviews_episodes(review, episode, finding, helen, alice, ruby):
    other = commission_review(ruby, reason="good_practice", terms_of_reference="What went well?", period_from=review.period_from,
                              period_to=review.period_to, acting_user=helen)
    with pytest.raises(ValidationError) as raised:
        write_finding(other, title="Something", pattern="Something.", evidence="", episodes=[episode], acting_user=helen)
    assert _errors(raised)["episodes"] == ["Choose episodes of this review"]
    assert [link.episode for link in finding.drawn_on.all()] == [episode]


def test_a_review_closes_only_with_a_finding_and_then_its_timeline_is_shut(review, episode, helen, alice):
    with pytest.raises(ValidationError) as raised:
        close_review(review, acting_user=helen)
    assert _errors(raised)["__all__"] == ["Write at least one finding before closing the review"]
    with pytest.raises(ValidationError):
        close_review(review, acting_user=alice)
    write_finding(review, title="History is lost", pattern="One incident at a time.", evidence="", episodes=[episode], acting_user=alice)
    close_review(review, acting_user=helen)
    review.refresh_from_db()
    assert not review.is_open
    assert reading_refusal(alice, review) is None and working_refusal(alice, review) is not None
    with pytest.raises(ValidationError):
        mark_episode(review, title="Late", what_happened="x", why_it_made_sense="y", entry_keys=[], factors=[], acting_user=alice)


def test_only_the_reviews_existence_reaches_the_childs_chronology(review, episode, finding):
    entries = ChronologyEntry.objects.filter(child=review.child, kind="case_review")
    assert [(e.key, e.title) for e in entries] == [(f"case_review:{review.pk}", "Systems case review commissioned: a child seriously harmed")]
    text = str(list(ChronologyEntry.objects.filter(child=review.child).values_list("title", "summary", "details")))
    for private in (episode.title, episode.what_happened, "Twelve contacts", finding.title, review.terms_of_reference):
        assert private not in text
    assert not timeline_of(review).filter(kind="case_review").exists()
