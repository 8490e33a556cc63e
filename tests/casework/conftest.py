"""Casework fixtures: a second child for Alice who has never been seen, and a way to type GOV.UK dates."""
from datetime import date, timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child


@pytest.fixture
def date_fields():
    """``date_fields("visited_at", some_date)``: the day, month and year boxes of a GOV.UK date input."""

    def fields(name: str, value: date) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields


@pytest.fixture
def leo(alice, sam):
    """Leo Jones, 3: an early help episode allocated to Alice a week ago; nobody has seen him yet."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child
