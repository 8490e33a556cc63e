"""The generator writes reflective supervision as a manager would record it: each practitioner supervised by their
line manager about monthly, discussing children they held on the day, every decision with someone responsible; the
decisions reach each child's chronology, the practitioner's private feelings never do."""
from datetime import date

import pytest
from django.db.models import Count, Q

from journey.casework.models import Allocation
from journey.chronology.models import ChronologyEntry
from journey.practice.models import SupervisionDecision, SupervisionDiscussion, SupervisionSession
from journey.practice.rules import recording_refusal
from journey.synthetic.supervision import SUPERVISION_MONTHS
from tests.synthetic.conftest import generated

pytestmark = pytest.mark.django_db

authority = generated(500, 3)


def test_each_session_is_recorded_by_the_practitioners_line_manager_before_today(authority):
    sessions = list(SupervisionSession.objects.select_related("practitioner__team", "supervisor"))
    assert len(sessions) > 50
    for session in sessions:
        assert session.supervisor == session.practitioner.team.manager == session.recorded_by
        assert recording_refusal(session.supervisor, session.practitioner) is None
        assert session.held_on < date.today() and session.held_on.isoweekday() <= 5


def test_a_practitioner_is_supervised_at_most_once_a_month_over_the_last_two_years(authority):
    months = SupervisionSession.objects.values_list("practitioner_id", "held_on")
    per_month = {(p, on.year, on.month) for p, on in months}
    assert len(per_month) == len(months)
    assert (max(on for _, on in months) - min(on for _, on in months)).days <= SUPERVISION_MONTHS * 31


def test_every_child_discussed_was_allocated_to_the_practitioner_on_the_day(authority):
    for discussion in SupervisionDiscussion.objects.select_related("session"):
        session = discussion.session
        assert Allocation.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=session.held_on), worker=session.practitioner_id,
            episode_id=discussion.episode_id, episode__child_id=discussion.child_id, started_on__lte=session.held_on,
        ).exists()


def test_most_discussions_give_an_alternative_hypothesis_and_every_one_a_decision(authority):
    discussions = SupervisionDiscussion.objects.annotate(decided=Count("decisions"))
    assert not discussions.filter(decided=0).exists()
    without = discussions.filter(alternative="").count() / discussions.count()
    assert 0.05 < without < 0.4
    assert not SupervisionDecision.objects.filter(responsible__isnull=True).exists()


def test_the_decisions_reach_the_chronology_and_the_private_feelings_do_not(authority):
    assert ChronologyEntry.objects.filter(kind="supervision_decision").count() == SupervisionDecision.objects.count()
    feeling = SupervisionDiscussion.objects.exclude(feelings="").values_list("feelings", flat=True).first()
    assert feeling and not ChronologyEntry.objects.filter(Q(summary__contains=feeling) | Q(title__contains=feeling)).exists()
