from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Role
from journey.chronology.actions import record_significant_event
from journey.learning.review_actions import add_member, commission_review, mark_episode, write_finding
from journey.learning.review_models import FactorCategory
from journey.learning.review_timeline import timeline_of
from journey.lib.dates import today
from tests.conftest import make_user
from tests.practice.conftest import leo, tom  # noqa: F401  (fixtures: Leo, 3, in Team A with Alice; Tom, 12, in Team B with Charlie)

PERIOD_FROM, PERIOD_TO = 305, 280  # days ago: Ruby's police contact, its screening, her episode and Alice's first visit


def at(days_ago: int, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(today() - timedelta(days=days_ago), time(hour, minute)))


@pytest.fixture
def edges(ruby, alice):
    """Significant events just inside and just outside the period, in local time, to hold its edges."""
    return {
        "first": record_significant_event(ruby, acting_user=alice, occurred_at=at(PERIOD_FROM, 0, 5), description="Moved to Elm Road.").pk,
        "last": record_significant_event(ruby, acting_user=alice, occurred_at=at(PERIOD_TO, 23, 50), description="Started at a new school.").pk,
        "before": record_significant_event(ruby, acting_user=alice, occurred_at=at(PERIOD_FROM + 1, 23, 50), description="Baby born.").pk,
        "after": record_significant_event(ruby, acting_user=alice, occurred_at=at(PERIOD_TO - 1, 0, 5), description="Grandad died.").pk,
    }


@pytest.fixture
def review(officer, ruby, helen, alice, edges):
    """Helen's review of Ruby's case (serious harm) over the period, with Alice and Priya of the police on the team."""
    made = commission_review(ruby, reason="serious_harm", terms_of_reference="How did agencies share what they knew?",
                             period_from=today() - timedelta(days=PERIOD_FROM), period_to=today() - timedelta(days=PERIOD_TO), acting_user=helen)
    add_member(made, alice, acting_user=helen)
    add_member(made, officer, acting_user=helen)
    return made


@pytest.fixture
def episode(review, alice):
    """The team's first key practice episode: the police contact and its screening, with two contributory factors."""
    keys = list(timeline_of(review).filter(kind__in=["contact", "screening"]).values_list("key", flat=True)) or [timeline_of(review).first().key]
    return mark_episode(review, title="The police contact is screened", what_happened="The contact was screened to referral in a day.",
                        why_it_made_sense="The front door saw repeat incidents.", entry_keys=keys, acting_user=alice,
                        factors=[(FactorCategory.INTER_AGENCY, "The police notification carried no history."), (FactorCategory.WORKLOAD, "Twelve contacts waited that morning.")])


@pytest.fixture
def finding(review, episode, alice):
    return write_finding(review, title="Police notifications reach the front door without the history", pattern="Notifications carry one incident at a time.",
                         evidence="", episodes=[episode], acting_user=alice)


@pytest.fixture
def recommendation(finding, helen, mo):
    """Helen's recommendation from the review's finding, owned by Mo, with one action and one update."""
    from journey.learning.recommendation_actions import add_action, record_progress, record_recommendation

    made = record_recommendation(title="Police notifications carry the history of the last year", source_kind="review_finding", finding=finding,
                                 source_detail="", options_weighed="A new form; a call for each; a shared system.", owner=mo, acting_user=helen)
    add_action(made, description="Agree the notification template with the police", owner=mo, by_when=today() + timedelta(days=60), acting_user=helen)
    record_progress(made, written_on=today(), text="Template drafted with the public protection unit.", acting_user=mo)
    return made


@pytest.fixture
def audra(council):
    """Audra Adams: a case auditor, in no team: she sees no child but the sample of a round that names her, while it lasts."""
    return make_user("audra", Role.AUDITOR, council, None, "Audra", "Adams", "Case auditor")
