"""Reasons for closure that map one to one onto the census's RC codes, and the census's CIN episode: from the
referral to the case's closure, across Journey's episodes of child in need, protection and care."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.casework.actions import close_episode, propose_closure, save_assessment, start_assessment
from journey.casework.census import census_code, cin_episodes
from journey.casework.codes import (
    CENSUS_CODE_FOR_CLOSURE,
    NOT_CLOSING_THE_CIN_EPISODE,
    ClosureReason,
    EpisodeKind,
    closure_reasons_for,
)
from journey.casework.models import Episode, Plan
from journey.codelists import lookup
from journey.lib.dates import today


def test_each_census_closure_is_exactly_one_rc_code_and_every_rc_code_valid_today_has_one(db):
    codes = list(CENSUS_CODE_FOR_CLOSURE.values())
    assert len(codes) == len(set(codes))
    assert set(codes) == {code for code, _ in lookup.choices("cin.reason_for_closure")}


def test_special_guardianship_and_child_arrangements_are_apart_and_steps_close_nothing():
    assert CENSUS_CODE_FOR_CLOSURE[ClosureReason.SPECIAL_GUARDIANSHIP] == "RC4"
    assert CENSUS_CODE_FOR_CLOSURE[ClosureReason.CHILD_ARRANGEMENTS] == "RC3"
    assert not NOT_CLOSING_THE_CIN_EPISODE & set(CENSUS_CODE_FOR_CLOSURE)


def test_early_help_is_never_offered_the_endings_that_only_follow_statutory_work():
    offered = set(closure_reasons_for(EpisodeKind.EARLY_HELP))
    assert not offered & {ClosureReason.ASSESSED_NO_FURTHER_ACTION, ClosureReason.ADOPTED, ClosureReason.CHILD_ARRANGEMENTS}
    assert set(closure_reasons_for(EpisodeKind.LOOKED_AFTER)) == set(ClosureReason)


def test_reasons_that_say_more_of_an_ending_are_services_ceased_for_any_other_reason():
    assert [census_code(reason) for reason in ("returned_home", "aged_out", "declined", "other", "stepped_down")] == ["RC7"] * 5


def test_a_reason_not_for_the_episodes_kind_is_refused_naming_the_field(mo, leo):
    with pytest.raises(ValidationError) as refused:
        close_episode(leo.episodes.get(), ended_on=today(), reason="adopted", acting_user=mo)
    assert refused.value.message_dict == {"reason": ["Select the reason the episode is closing"]}


def test_closed_after_assessment_needs_a_completed_assessment(mo, ruby):
    with pytest.raises(ValidationError) as refused:
        close_episode(ruby.episodes.get(), ended_on=today(), reason="assessed_nfa", acting_user=mo)
    assert "completed assessment" in refused.value.message_dict["reason"][0]
    assert ruby.episodes.get().is_open


def _assessed(ruby, alice, decision: str = "nfa"):
    episode = ruby.episodes.get()
    assessment = start_assessment(episode, acting_user=alice, started_on=today() - timedelta(days=20), due_on=today(), due_reason="Soon.")
    save_assessment(assessment, acting_user=alice, complete=True, completed_on=today() - timedelta(days=2), decision=decision,
                    developmental_needs_strengths="Settled at school.", analysis="No need for services.")
    return episode


def test_after_a_plan_the_case_closes_as_needs_met_not_as_closed_after_assessment(mo, alice, ruby):
    episode = _assessed(ruby, alice)
    Plan.objects.create(child=ruby, episode=episode, kind="child_in_need", started_on=today() - timedelta(days=1),
                        what_needs_to_change="Mum gets help with her health.", author=alice)
    with pytest.raises(ValidationError) as refused:
        propose_closure(episode, ended_on=today(), reason="assessed_early_help", acting_user=alice)
    assert refused.value.message_dict["reason"][0].startswith("Reason: a plan was made after the assessment")


def test_a_closure_after_assessment_with_no_further_action_ends_the_census_episode_rc8(mo, alice, ruby):
    episode = _assessed(ruby, alice)
    close_episode(episode, ended_on=today(), reason="assessed_nfa", acting_user=mo)

    [census] = cin_episodes(ruby)
    assert (census.start, census.end, census.reason_for_closure) == (
        ruby.referrals.get().referred_at.astimezone().date(), today(), "RC8",
    )
    assert census.referral_source == "6"  # the police raised the contact


def _episode(child, user, kind, started, ended=None, reason="", referral=None):
    return Episode.objects.create(child=child, kind=kind, started_on=started, ended_on=ended, closure_reason=reason,
                                  referral=referral, opened_by=user)


def test_stepping_up_to_child_protection_and_closing_later_is_one_census_episode(mo, ruby):
    cin = ruby.episodes.get()
    stepped = cin.started_on + timedelta(days=60)
    cin.ended_on, cin.closure_reason = stepped, ClosureReason.STEPPED_UP
    cin.save()
    _episode(ruby, mo, EpisodeKind.CHILD_PROTECTION, stepped, stepped + timedelta(days=120), ClosureReason.STEPPED_DOWN)
    _episode(ruby, mo, EpisodeKind.CHILD_IN_NEED, stepped + timedelta(days=121), stepped + timedelta(days=200), ClosureReason.NEEDS_MET)

    [census] = cin_episodes(ruby)
    assert census.start == ruby.referrals.get().referred_at.astimezone().date()
    assert (census.end, census.reason_for_closure, len(census.episodes)) == (stepped + timedelta(days=200), "RC7", 3)


def test_a_child_protection_plan_starting_while_child_in_need_is_open_is_no_closure(mo, ruby):
    cin = ruby.episodes.get()
    _episode(ruby, mo, EpisodeKind.CHILD_PROTECTION, cin.started_on + timedelta(days=30))

    [census] = cin_episodes(ruby)
    assert census.is_open and census.reason_for_closure == "" and len(census.episodes) == 2


def test_a_new_referral_after_the_case_closed_is_a_new_census_episode_and_early_help_is_outside_it(mo, ruby):
    cin = ruby.episodes.get()
    closed = cin.started_on + timedelta(days=50)
    cin.ended_on, cin.closure_reason = closed, ClosureReason.STEPPED_DOWN  # to early help: nothing in the census follows
    cin.save()
    _episode(ruby, mo, EpisodeKind.EARLY_HELP, closed, closed + timedelta(days=90), ClosureReason.STEPPED_UP)
    _episode(ruby, mo, EpisodeKind.CHILD_IN_NEED, closed + timedelta(days=90), None)

    first, second = cin_episodes(ruby)
    assert (first.end, first.reason_for_closure) == (closed, "RC7")
    assert second.start == closed + timedelta(days=90) and second.is_open


def test_a_gap_after_a_real_closure_is_never_joined_even_the_next_day(mo, ruby):
    cin = ruby.episodes.get()
    closed = cin.started_on + timedelta(days=50)
    cin.ended_on, cin.closure_reason = closed, ClosureReason.MOVED_AWAY
    cin.save()
    _episode(ruby, mo, EpisodeKind.CHILD_IN_NEED, closed + timedelta(days=1), closed + timedelta(days=9), ClosureReason.ADOPTED)

    assert [(c.end, c.reason_for_closure) for c in cin_episodes(ruby)] == [(closed, "RC5"), (closed + timedelta(days=9), "RC1")]


def test_the_close_page_offers_the_census_closures_for_a_child_in_need_episode(client_for, mo, charlie, ruby):
    url = f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/close/"
    page = client_for(mo).get(url).content.decode()
    assert "Child arrangements order" in page and "Special guardianship order" in page
    assert "Closed after assessment: no further action" in page
    assert "Stepping up or down to child in need, protection or care carries the case on" in page
    assert client_for(charlie).get(url).status_code == 403
