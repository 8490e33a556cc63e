"""The generated authority records what the census needs where the work happens: every referral's source, a
primary need for every assessment that found the child in need, closures after assessment as RC8 and RC9."""
from collections import Counter

import pytest

from journey.casework.census import FINDS_IN_NEED, NOT_IN_NEED, cin_episodes
from journey.casework.codes import ClosureReason
from journey.casework.models import Assessment, Episode
from journey.codelists import lookup
from journey.frontdoor.models import Referral
from journey.people.models import Child

pytestmark = pytest.mark.django_db


def test_every_referral_records_a_source_from_the_list(authority_2000):
    sources = Counter(Referral.objects.values_list("source", flat=True))
    assert sources and "" not in sources
    assert all(lookup.exists("cin.referral_source", code) for code in sources)
    assert {"6", "2A"} <= set(sources)  # police and schools refer most


def test_an_assessment_that_found_the_child_in_need_has_a_primary_need_saying_why(authority_2000):
    completed = Assessment.objects.filter(completed_on__isnull=False)
    assert completed.exists()
    for assessment in completed:
        if assessment.decision in FINDS_IN_NEED:
            assert assessment.primary_need and assessment.primary_need not in NOT_IN_NEED
        assert all(lookup.exists("cin.assessment_factor", code) for code in assessment.factors)


def test_closures_straight_after_assessment_are_the_census_closures_after_assessment(authority_2000):
    reasons = set(Episode.objects.exclude(closure_reason="").values_list("closure_reason", flat=True))
    assert {ClosureReason.ASSESSED_NO_FURTHER_ACTION, ClosureReason.ASSESSED_EARLY_HELP} <= reasons


def test_each_generated_childs_census_episodes_start_at_a_referral_and_never_overlap(authority_2000):
    children = Child.objects.filter(referrals__isnull=False).distinct()[:150]
    counted = 0
    for child in children:
        episodes = cin_episodes(child)
        for earlier, later in zip(episodes, episodes[1:], strict=False):
            assert earlier.end is not None and earlier.end <= later.start
        for census in episodes:
            counted += 1
            assert census.is_open or census.reason_for_closure.startswith("RC")
    assert counted >= 100
