"""Reflective supervision's rules: the practitioner's line manager (their team's manager or a manager above it)
records it; only children the practitioner works are discussed; the prompts are asked, never forced (a missing
alternative hypothesis is noted, not refused); a decision with no responsible person is refused; nothing partial is
saved; decisions reach the child's chronology and the private reflection never does."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.chronology.materialise import differences, stored_entries
from journey.lib.dates import today
from journey.practice import rules
from journey.practice.actions import NO_RESPONSIBLE, Decision, Discussion, record_supervision
from journey.practice.models import PROMPT_MAX_LENGTH, SupervisionDecision, SupervisionDiscussion, SupervisionSession

pytestmark = pytest.mark.django_db
YESTERDAY = today() - timedelta(days=1)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def _nothing_saved() -> bool:
    return not (SupervisionSession.objects.exists() or SupervisionDiscussion.objects.exists() or SupervisionDecision.objects.exists())


def test_the_team_manager_records_a_supervision_with_its_discussions_and_decisions(supervised, alice, mo, ruby, leo):
    assert supervised.practitioner == alice and supervised.supervisor == mo and supervised.recorded_by == mo
    ruby_talk, leo_talk = supervised.discussions.all()
    assert ruby_talk.child == ruby and ruby_talk.decisions.get().responsible == alice
    assert leo_talk.child == leo and not leo_talk.decisions.exists()


def test_the_manager_above_the_team_records_a_supervision(helen, alice, ruby):
    made = record_supervision(practitioner=alice, held_on=YESTERDAY, discussions=[Discussion(ruby)], acting_user=helen)
    assert made.supervisor == helen


@pytest.mark.parametrize("who", ["bea", "charlie", "alice", "chris", "officer"])
def test_no_one_but_the_practitioners_manager_line_records_their_supervision(request, police, alice, ruby, who):
    user = request.getfixturevalue(who)
    errors = _errors(lambda: record_supervision(practitioner=alice, held_on=YESTERDAY, discussions=[Discussion(ruby)], acting_user=user))
    assert errors == {"practitioner": [rules.NOT_THEIR_MANAGER]} and _nothing_saved()


def test_a_manager_does_not_supervise_a_practitioner_of_another_team(mo, charlie, tom):
    errors = _errors(lambda: record_supervision(practitioner=charlie, held_on=YESTERDAY, discussions=[Discussion(tom)], acting_user=mo))
    assert errors == {"practitioner": [rules.NOT_THEIR_MANAGER]}


def test_only_a_child_the_practitioner_works_is_discussed(mo, alice, ruby, tom):
    errors = _errors(lambda: record_supervision(
        practitioner=alice, held_on=YESTERDAY, discussions=[Discussion(ruby), Discussion(tom)], acting_user=mo,
    ))
    assert errors == {"child_2": [rules.NOT_THEIR_CHILD]} and _nothing_saved()


def test_a_child_of_the_practitioners_team_is_discussed_though_not_allocated_to_her(mo, bea, ruby):
    made = record_supervision(practitioner=bea, held_on=YESTERDAY, discussions=[Discussion(ruby)], acting_user=mo)
    assert made.discussions.get().child == ruby


def test_a_supervision_decision_with_no_responsible_person_is_refused_and_nothing_is_saved(mo, alice, ruby, leo):
    errors = _errors(lambda: record_supervision(
        practitioner=alice, held_on=YESTERDAY, acting_user=mo,
        discussions=[Discussion(leo), Discussion(ruby, decisions=[Decision("Visit weekly", "Attendance has fallen.", None)])],
    ))
    assert errors == {"child_2_responsible": [NO_RESPONSIBLE]} and _nothing_saved()


def test_a_partner_is_not_made_responsible_for_a_decision(police, mo, alice, ruby, officer):
    errors = _errors(lambda: record_supervision(
        practitioner=alice, held_on=YESTERDAY, acting_user=mo, discussions=[Discussion(ruby, decisions=[Decision("Ask the police", "", officer)])],
    ))
    assert list(errors) == ["child_1_responsible"]


def test_each_failure_is_named_in_one_pass(mo, alice, ruby):
    errors = _errors(lambda: record_supervision(
        practitioner=alice, held_on=today() + timedelta(days=1), acting_user=mo,
        discussions=[Discussion(ruby, happening="x" * (PROMPT_MAX_LENGTH + 1), decisions=[Decision("", "Because.", alice)]), Discussion(ruby)],
    ))
    assert set(errors) == {"held_on", "child_1_happening", "child_1_decision", "child_2"}
    assert _nothing_saved()


def test_a_supervision_needs_a_date_and_a_child(mo, alice):
    errors = _errors(lambda: record_supervision(practitioner=alice, held_on=None, discussions=[], acting_user=mo))
    assert set(errors) == {"held_on", "child_1"}


def test_every_prompt_is_optional_and_a_missing_alternative_hypothesis_is_noted(supervised):
    ruby_talk, leo_talk = supervised.discussions.all()
    assert not ruby_talk.no_alternative and leo_talk.no_alternative


def test_a_supervision_decision_appears_on_the_childs_chronology_and_the_private_reflection_does_not(supervised, ruby, leo):
    entries = [e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "supervision_decision"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.title == "Supervision decision: Visit weekly until the review"
    assert entry.summary == "Ruby's attendance has fallen." and entry.author == "Mo Malik"
    assert dict(entry.details)["Responsible"] == "Alice Akers" and "By when" in dict(entry.details)
    everything = " ".join(f"{e.title} {e.summary} {e.details}" for e in stored_entries([ruby.pk])[ruby.pk])
    assert "dread" not in everything and "Mum is struggling" not in everything
    assert not [e for e in stored_entries([leo.pk])[leo.pk] if e.kind == "supervision_decision"]
    assert differences([ruby.pk, leo.pk]) == []


@pytest.mark.parametrize(("who", "reads"), [
    ("alice", True), ("mo", True), ("helen", True), ("bea", False), ("charlie", False), ("chris", False), ("officer", False), ("teacher", False),
])
def test_the_practitioner_the_supervisor_and_the_manager_line_read_a_supervision(request, police, supervised, who, reads):
    assert rules.can_read(request.getfixturevalue(who), supervised) is reads
