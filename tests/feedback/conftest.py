from datetime import timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.feedback.actions import Subject, create_feedback_link, record_feedback
from journey.lib.dates import today
from journey.people.actions import create_child


@pytest.fixture
def visit_subject(ruby):
    """Ruby's visit, as what feedback is about."""
    return Subject("visit", ruby.visits.get())


@pytest.fixture
def complaint(ruby, alice, visit_subject):
    """Ruby's mother's complaint about the visit, recorded by Alice last week: communication and being kept informed."""
    return record_feedback(
        ruby, subject=visit_subject, source="parent_carer", kind="complaint", received_on=today() - timedelta(days=7),
        said="Nobody told me the visit was moved.", themes=["communication", "kept_informed"], acting_user=alice,
    )


@pytest.fixture
def compliment(ruby, alice):
    """Ruby's own compliment, about something else: being listened to."""
    return record_feedback(
        ruby, subject=Subject("other", None, "Her review meeting"), source="child", kind="compliment", received_on=today(),
        said="Alice listened to me.", themes=["listened_to"], acting_user=alice,
    )


@pytest.fixture
def leo(alice, sam):
    """Leo Jones, 5: an early help episode allocated to Alice a week ago."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=5 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child


@pytest.fixture
def tom(charlie, sam):
    """Tom Baker, 15: an early help episode allocated to Charlie in Team B; nothing to do with Alice or Mo."""
    child = create_child(acting_user=sam, first_name="Tom", last_name="Baker", date_of_birth=today() - timedelta(days=15 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=charlie)
    return child


@pytest.fixture
def parent_link(ruby, alice, visit_subject):
    """(link, token): Alice's link for Ruby's parent to give feedback about the visit."""
    return create_feedback_link(ruby, subject=visit_subject, for_whom="parent_carer", acting_user=alice)


@pytest.fixture
def date_fields():
    def fields(name: str, value) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields
