"""Recording a strategy discussion: who may, what is refused (naming the field, nothing partial saved), police and
health expected but never demanded, and a further discussion after the earlier one."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.chronology.materialise import differences
from journey.protection.actions import Participant, record_strategy_discussion
from journey.protection.models import StrategyDiscussion, StrategyParticipant

pytestmark = pytest.mark.django_db


def record(episode, user, **changes):
    police = changes.pop("police")
    values = {
        "held_at": timezone.now() - timedelta(hours=2), "what_was_shared": "What each agency knew.", "decision": "section_47",
        "reasons": "Possible significant harm.", "participants": [Participant("DS Green", police, "Detective sergeant")],
    } | changes
    return record_strategy_discussion(episode, acting_user=user, **values)


def test_the_allocated_worker_records_a_discussion_with_who_took_part_and_their_accounts(discussion, officer, alice):
    assert discussion.recorded_by == alice and discussion.decided_section_47
    assert [(p.name, p.agency.kind, p.user) for p in discussion.participants.all()] == [
        ("Alice Akers", "csc", None), ("Priya Patel", "police", officer), ("Hana Hill", "health", None),
    ]
    assert discussion.missing_agencies() == []


def test_a_discussion_the_front_door_decided_remembers_the_referral_that_called_it(ruby, alice, police):
    from journey.frontdoor.models import Referral

    made = record(ruby.episodes.get(), alice, police=police)
    assert made.referral is None and made.assessment is None  # Ruby's referral was for assessment, not a strategy discussion
    assert Referral.objects.filter(child=ruby).exists()


@pytest.mark.parametrize("who", ["mo", "bea", "helen"])
def test_the_team_and_manager_line_may_record_one(ruby, police, who, request, childrens_service):
    assert record(ruby.episodes.get(), request.getfixturevalue(who), police=police).pk


@pytest.mark.parametrize("who", ["charlie", "sam", "officer", "teacher"])
def test_an_uninvolved_worker_the_front_door_and_partners_may_not(ruby, police, who, request):
    with pytest.raises(ValidationError, match="Only the child's worker"):
        record(ruby.episodes.get(), request.getfixturevalue(who), police=police)
    assert not StrategyDiscussion.objects.exists()


def test_without_health_it_is_recorded_with_a_warning_not_refused(ruby, alice, police):
    made = record(ruby.episodes.get(), alice, police=police)
    assert made.missing_agencies() == ["health"]


def test_someone_who_sent_apologies_did_not_take_part(ruby, alice, police, health):
    made = record(ruby.episodes.get(), alice, police=police, participants=[
        Participant("DS Green", police), Participant("Hana Hill", health, sent_apologies=True),
    ])
    assert made.missing_agencies() == ["health"]


def test_every_missing_answer_is_refused_at_once_naming_its_field_and_nothing_is_saved(ruby, alice, police):
    with pytest.raises(ValidationError) as refused:
        record(ruby.episodes.get(), alice, police=police, held_at=timezone.now() + timedelta(hours=2), what_was_shared=" ",
               decision="", reasons="  ", participants=[])
    assert refused.value.message_dict == {
        "held_at": ["Date of the discussion must be now or in the past"], "what_was_shared": ["Enter what each agency shared"],
        "decision": ["Select what the discussion decided"], "reasons": ["Enter the reasons for the decision"],
        "participant_1_name": ["Add at least one person who took part in the discussion"],
    }
    assert not StrategyDiscussion.objects.exists() and not StrategyParticipant.objects.exists()


def test_a_participant_row_missing_its_name_or_agency_is_refused_beside_its_row(ruby, alice, police):
    with pytest.raises(ValidationError) as refused:
        record(ruby.episodes.get(), alice, police=police, participants=[
            Participant("DS Green", police, number=1), Participant("", None, number=3),
        ])
    assert refused.value.message_dict == {
        "participant_3_name": ["Enter the name of participant 3"], "participant_3_agency": ["Select the agency of participant 3"],
    }
    assert not StrategyDiscussion.objects.exists()


def test_an_email_that_is_no_journey_user_of_that_agency_is_refused(ruby, alice, police, teacher):
    with pytest.raises(ValidationError) as refused:
        record(ruby.episodes.get(), alice, police=police, participants=[Participant("Tess", police, email=teacher.email)])
    assert list(refused.value.message_dict) == ["participant_1_email"]


def test_a_discussion_is_held_in_an_open_child_in_need_or_protection_episode(ruby, alice, police, mo):
    from journey.casework.actions import close_episode

    episode = ruby.episodes.get()
    close_episode(episode, ended_on=timezone.localdate(), reason="needs_met", acting_user=mo)
    with pytest.raises(ValidationError) as refused:
        record(episode, mo, police=police)
    assert "episode" in refused.value.message_dict


def test_a_further_discussion_follows_the_earlier_one(discussion, alice, police):
    later = record(discussion.episode, alice, police=police, previous=discussion, decision="no_further_action")
    assert later.previous == discussion and later.referral is None
    assert list(discussion.further.all()) == [later]


def test_a_further_discussion_held_before_the_earlier_one_is_refused(discussion, alice, police):
    with pytest.raises(ValidationError) as refused:
        record(discussion.episode, alice, police=police, previous=discussion, held_at=discussion.held_at - timedelta(hours=1))
    assert list(refused.value.message_dict) == ["held_at"]
    assert StrategyDiscussion.objects.count() == 1


def test_a_text_over_its_bound_is_refused_by_name(ruby, alice, police):
    with pytest.raises(ValidationError) as refused:
        record(ruby.episodes.get(), alice, police=police, reasons="x" * 30_001)
    assert list(refused.value.message_dict) == ["reasons"]
    assert not StrategyParticipant.objects.exists()


def test_the_chronology_shows_the_discussion_at_its_time_with_its_decision_and_agencies(discussion, ruby):
    from journey.chronology.models import ChronologyEntry

    entry = ChronologyEntry.objects.get(child=ruby, kind="strategy_discussion")
    assert entry.occurred_at == discussion.held_at
    assert entry.title == "Strategy discussion: section 47 enquiry"
    assert entry.author == "Alice Akers" and entry.agency == "Northfield Children's Services"
    assert entry.url == f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/"
    assert ("Agencies taking part", "Northfield Children's Services, Northfield Community Health, Northfield Police") in [tuple(d) for d in entry.details]
    assert differences([ruby.pk]) == []
