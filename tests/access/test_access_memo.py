"""Access questions are answered once a request, and asked afresh after any write (a write can change them)."""
import pytest

from journey.access.memo import request_scope
from journey.access.rules import is_front_door
from journey.accounts.models import TeamKind

pytestmark = pytest.mark.django_db


def test_a_question_asked_twice_in_a_request_is_answered_once(alice, django_assert_num_queries):
    with request_scope():
        with django_assert_num_queries(2):  # does she manage a team; is her team a front door
            assert not is_front_door(alice)
            assert not is_front_door(alice)


def test_outside_a_request_every_question_is_asked_afresh(alice, django_assert_num_queries):
    with django_assert_num_queries(4):
        is_front_door(alice)
        is_front_door(alice)


def test_a_write_in_the_request_forgets_the_answers(alice):
    with request_scope():
        assert not is_front_door(alice)
        alice.team.kind = TeamKind.FRONT_DOOR
        alice.team.save()
        assert is_front_door(alice)


def test_each_user_has_their_own_answer(alice, sam):
    with request_scope():
        assert not is_front_door(alice)
        assert is_front_door(sam)
