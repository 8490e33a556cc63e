"""Consequences sort after their causes: an entry carries the moment things happened as exactly as the record says,
so an episode opened because of a contact never sorts before the contact and the decision that opened it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.casework.actions import open_episode
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
