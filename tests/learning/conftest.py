from datetime import timedelta

import pytest

from journey.accounts.models import Role
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child
from tests.conftest import make_user


@pytest.fixture
def audra(council):
    """Audra Adams: a case auditor, in no team: she sees no child but the sample of a round that names her, while it lasts."""
    return make_user("audra", Role.AUDITOR, council, None, "Audra", "Adams", "Case auditor")


@pytest.fixture
def leo(alice, sam):
    """Leo Jones, 3: an early help episode in Team A, allocated to Alice a week ago."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child


@pytest.fixture
def tom(charlie, sam):
    """Tom Baker, 12: an early help episode allocated to Charlie in Team B; outside Mo's teams."""
    child = create_child(acting_user=sam, first_name="Tom", last_name="Baker", date_of_birth=today() - timedelta(days=12 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=charlie)
    return child
