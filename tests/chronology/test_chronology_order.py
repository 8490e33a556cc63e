"""Consequences sort after their causes: an entry carries the moment things happened as exactly as the record says,
so an episode opened because of a contact never sorts before the contact and the decision that opened it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.casework.actions import allocate, open_episode
from journey.casework.codes import EpisodeKind
from journey.chronology.build import chronology_for
from journey.chronology.materialise import differences
from journey.lib.dates import today

pytestmark = pytest.mark.django_db


def oldest_first(child) -> list[str]:
    return [entry.title for entry in reversed(chronology_for(child))]


def test_an_episode_opened_by_a_referral_follows_the_contact_and_the_decision(ruby):
    titles = oldest_first(ruby)

    contact = next(i for i, t in enumerate(titles) if t.startswith("Contact from"))
    decision = next(i for i, t in enumerate(titles) if t.startswith("Decision"))
    episode = titles.index("Child in need episode opened")
    assert contact < decision < episode
    assert differences([ruby.pk]) == []


def test_an_episode_opened_today_carries_the_moment_it_was_recorded_not_midnight(ruby, mo):
    before = timezone.now()
    open_episode(ruby, EpisodeKind.EARLY_HELP, started_on=today(), acting_user=mo)

    opened = next(e for e in chronology_for(ruby) if e.title == "Early help episode opened")
    assert opened.occurred_at >= before - timedelta(seconds=1)


def test_an_episode_started_on_an_earlier_day_than_recorded_sits_at_the_start_of_that_day(ruby, mo):
    start = today() - timedelta(days=3)
    open_episode(ruby, EpisodeKind.EARLY_HELP, started_on=start, acting_user=mo)

    opened = next(e for e in chronology_for(ruby) if e.title == "Early help episode opened")
    assert (timezone.localtime(opened.occurred_at).date(), timezone.localtime(opened.occurred_at).hour) == (start, 0)


def test_an_allocation_made_today_follows_the_episode_it_allocates_and_names_who_allocated_it(ruby, alice, mo):
    episode = open_episode(ruby, EpisodeKind.EARLY_HELP, started_on=today(), acting_user=mo)
    allocate(episode, worker=alice, team=alice.team, started_on=today(), acting_user=mo)

    titles = oldest_first(ruby)
    allocated = len(titles) - 1 - titles[::-1].index("Allocated to Alice Akers (Assessment Team A)")
    assert titles.index("Early help episode opened") < allocated
    entry = next(e for e in chronology_for(ruby) if e.key.startswith("allocation") and "early help" in e.summary)
    assert entry.author == "Mo Malik"
    assert differences([ruby.pk]) == []


def test_an_allocation_backdated_to_an_earlier_day_sits_at_the_start_of_that_day(ruby, alice, mo):
    start = today() - timedelta(days=3)
    episode = open_episode(ruby, EpisodeKind.EARLY_HELP, started_on=start, acting_user=mo)
    allocate(episode, worker=alice, team=alice.team, started_on=start, acting_user=mo)

    entry = next(e for e in chronology_for(ruby) if e.key.startswith("allocation") and "early help" in e.summary)
    assert (timezone.localtime(entry.occurred_at).date(), timezone.localtime(entry.occurred_at).hour) == (start, 0)


def test_handing_on_to_another_worker_adds_an_entry_for_the_new_worker(ruby, bea, mo):
    episode = ruby.episodes.get()
    allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=mo)

    titles = oldest_first(ruby)
    assert titles[-1].startswith("Allocated to Bea Brown")
    assert sum(t.startswith("Allocated to") for t in titles) == 2
    assert differences([ruby.pk]) == []


def test_an_allocation_recorded_long_after_the_episode_opened_still_follows_it(ruby):
    """Ruby's episode opened at the moment of her referral, months ago; Mo allocated it later, dated its first day."""
    titles = oldest_first(ruby)

    assert titles.index("Child in need episode opened") < titles.index("Allocated to Alice Akers (Assessment Team A)")
    assert differences([ruby.pk]) == []
