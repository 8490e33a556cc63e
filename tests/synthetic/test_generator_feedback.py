"""The generator writes feedback that fits each child's story, obeying feedback's rules: about the child's own visit
or closed episode and after it, a complaint closed only with its response and outcome, an outcome only on a
complaint, a child's own feedback only from a child of eight or more, the family's link used once; each on the
child's chronology."""
import pytest

from journey.chronology.models import ChronologyEntry
from journey.feedback.models import Feedback, FeedbackLink, FeedbackTheme, Kind, Source
from journey.lib.dates import age_in_years, today
from tests.synthetic.conftest import generated

pytestmark = pytest.mark.django_db
authority_feedback = generated(800, 23)


def test_it_writes_each_kind_of_feedback_with_themes(authority_feedback):
    assert set(Feedback.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert not Feedback.objects.filter(themes__isnull=True).exists() and FeedbackTheme.objects.exists()
    assert Feedback.objects.filter(kind=Kind.COMPLAINT).count() < Feedback.objects.filter(kind=Kind.COMPLIMENT).count()


def test_feedback_is_about_the_childs_own_record_and_after_it(authority_feedback):
    for item in Feedback.objects.select_related("visit", "episode", "child__person"):
        assert item.received_on < today()
        if item.about == "visit":
            assert item.visit.child_id == item.child_id and item.visit.visited_at.date() <= item.received_on
        else:
            assert item.about == "closure" and item.episode.child_id == item.child_id and item.episode.ended_on <= item.received_on
        if item.source == Source.CHILD:
            assert age_in_years(item.child.person.date_of_birth, item.received_on) >= 8


def test_complaints_close_with_a_response_and_outcome_and_nothing_else_has_an_outcome(authority_feedback):
    assert Feedback.objects.filter(kind=Kind.COMPLAINT, closed_on__isnull=False).exists()
    for item in Feedback.objects.filter(closed_on__isnull=False):
        assert item.kind == Kind.COMPLAINT and item.response and item.outcome and item.responded_by_id
    assert not Feedback.objects.exclude(kind=Kind.COMPLAINT).exclude(outcome="").exists()
    assert not Feedback.objects.filter(kind=Kind.FEEDBACK).exclude(response="").exists()


def test_feedback_through_a_link_used_it_once(authority_feedback):
    through = Feedback.objects.filter(link__isnull=False).select_related("link")
    assert through.exists()
    for item in through:
        assert item.recorded_by_id is None and item.link.used_at is not None and item.link.child_id == item.child_id
    assert FeedbackLink.objects.count() == through.count()


def test_every_feedback_is_on_the_chronology(authority_feedback):
    assert ChronologyEntry.objects.filter(kind="feedback").count() == Feedback.objects.count() > 0


def test_feedback_about_a_visit_goes_with_the_visit_when_a_handed_back_episode_forgets_it():
    """A worker who handed an episode back recorded nothing after that day: the visit goes, and the feedback about it
    (its link and themes too), or the writer would point at a visit never written."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    from journey.casework.models import Visit
    from journey.synthetic import rows
    from journey.synthetic.batch import Batch
    from journey.synthetic.week import _forget_after

    day = today() - timedelta(days=5)
    seen = {"child_seen": True, "child_seen_alone": False}
    child, other = object(), object()
    batch = Batch()
    late, early = (batch.add(rows.Visit(child=child, visited_at=timezone.make_aware(datetime.combine(on, datetime.min.time())), recorded_by=None, **seen,
                                        recorded_at=timezone.now())) for on in (day + timedelta(days=2), day - timedelta(days=2)))
    kept_elsewhere = batch.add(rows.Visit(child=other, visited_at=late.visited_at, recorded_by=None, recorded_at=timezone.now(), **seen))
    said = {}
    for visit in (late, early, kept_elsewhere):
        link = batch.add(rows.FeedbackLink(child=visit.child, visit=visit, about="visit", token_hash="0", created_by=None, created_at=timezone.now(),
                                           expires_at=timezone.now()))
        said[id(visit)] = batch.add(rows.Feedback(child=visit.child, visit=visit, link=link, about="visit", source="parent_carer", kind="feedback",
                                                  received_on=day, said="x", recorded_at=timezone.now()))
        batch.add(rows.FeedbackTheme(feedback=said[id(visit)], theme="communication"))
    _forget_after(batch, child, day)
    assert batch.rows[Visit] == [early, kept_elsewhere]
    assert [f.visit for f in batch.rows[Feedback]] == [early, kept_elsewhere]
    assert [link.visit for link in batch.rows[FeedbackLink]] == [early, kept_elsewhere]
    assert [t.feedback for t in batch.rows[FeedbackTheme]] == [said[id(early)], said[id(kept_elsewhere)]]
