from datetime import timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.practice.actions import Decision, Discussion, record_supervision


@pytest.fixture
def leo(alice, sam):
    """Leo Jones, 3: an early help episode allocated to Alice a week ago."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child


@pytest.fixture
def tom(charlie, sam):
    """Tom Baker, 12: an early help episode allocated to Charlie in Team B; nothing to do with Alice."""
    child = create_child(acting_user=sam, first_name="Tom", last_name="Baker", date_of_birth=today() - timedelta(days=12 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=charlie)
    return child


@pytest.fixture
def supervised(mo, alice, ruby, leo, helen):
    """Mo's supervision of Alice yesterday, discussing Ruby (a decision, an alternative hypothesis and a private
    reflection) and Leo (no alternative given, no decision)."""
    return record_supervision(
        practitioner=alice, held_on=today() - timedelta(days=1), acting_user=mo,
        discussions=[
            Discussion(ruby, happening="Mum is struggling since the baby came.", alternative="Ruby may be caring for the baby.",
                       feelings="I dread these visits; Dad shouts at me.", child_says="Tea with Mum is the best bit.",
                       decisions=[Decision("Visit weekly until the review", "Ruby's attendance has fallen.", alice, today() + timedelta(days=14))]),
            Discussion(leo, gut_feeling="Something is not right at home."),
        ],
    )
