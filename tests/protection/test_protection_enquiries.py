"""Section 47 enquiries: started only from a discussion that decided one, completed with findings and an outcome
with reasons (refused otherwise, naming each field, nothing saved), and a practitioner's 'by when' with its history."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today
from journey.protection.actions import change_enquiry_by_when, complete_section_47, start_section_47
from journey.protection.models import EnquiryByWhen, Section47Enquiry

pytestmark = pytest.mark.django_db

OUTCOME = {
    "findings": "Bruising explained by neither parent.", "concerns_substantiated": True, "continuing_risk": True,
    "conference_needed": True, "outcome_reasons": "Injuries and repeat incidents.", "child_seen": True, "child_seen_alone": True,
}


@pytest.fixture
def enquiry(discussion, alice):
    return start_section_47(discussion, started_on=today(), due_on=today() + timedelta(days=10), due_reason="Before the school holidays.",
                            acting_user=alice)


def test_the_worker_starts_the_enquiry_the_discussion_decided_with_a_by_when_and_its_reason(enquiry, discussion):
    assert enquiry.strategy_discussion == discussion and enquiry.episode == discussion.episode
    assert [(b.due_on, b.reason) for b in enquiry.by_when_dates.all()] == [(today() + timedelta(days=10), "Before the school holidays.")]


def test_a_discussion_that_decided_otherwise_starts_no_enquiry(discussion, alice):
    discussion.decision = "single_assessment"
    discussion.save()
    with pytest.raises(ValidationError, match="decided a section 47 enquiry"):
        start_section_47(discussion, started_on=today(), due_on=today(), due_reason="Soon.", acting_user=alice)


def test_a_discussion_starts_one_enquiry_only(enquiry, discussion, alice):
    with pytest.raises(ValidationError, match="already started"):
        start_section_47(discussion, started_on=today(), due_on=today(), due_reason="Soon.", acting_user=alice)


def test_an_enquiry_cannot_start_before_the_discussion_and_needs_its_by_when(discussion, alice):
    with pytest.raises(ValidationError) as refused:
        start_section_47(discussion, started_on=today() - timedelta(days=5), due_on=None, due_reason=" ", acting_user=alice)
    assert list(refused.value.message_dict) == ["started_on", "due_on", "due_reason"]
    assert not Section47Enquiry.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "sam", "officer"])
def test_others_may_not_start_one(discussion, who, request):
    with pytest.raises(ValidationError, match="Only the child's worker"):
        start_section_47(discussion, started_on=today(), due_on=today(), due_reason="Soon.", acting_user=request.getfixturevalue(who))


def test_the_worker_completes_it_with_the_outcome_and_reasons(enquiry, alice, ruby):
    complete_section_47(enquiry, completed_on=today(), acting_user=alice, **OUTCOME)
    enquiry.refresh_from_db()
    assert enquiry.is_complete and enquiry.continuing_risk and enquiry.completed_by == alice
    titles = list(ChronologyEntry.objects.filter(child=ruby, kind="section_47").order_by("occurred_at").values_list("title", flat=True))
    assert titles == ["Section 47 enquiry started", "Section 47 enquiry completed: concerns substantiated; at continuing risk of "
                      "significant harm; initial conference needed"]
    assert differences([ruby.pk]) == []


def test_an_outcome_without_reasons_is_refused_naming_the_field_and_nothing_is_saved(enquiry, alice):
    with pytest.raises(ValidationError) as refused:
        complete_section_47(enquiry, completed_on=today(), acting_user=alice, **(OUTCOME | {"outcome_reasons": "  "}))
    assert refused.value.message_dict == {"outcome_reasons": ["Enter the reasons for the enquiry's outcome"]}
    enquiry.refresh_from_db()
    assert not enquiry.is_complete and enquiry.findings == ""


def test_every_unanswered_part_is_named_at_once(enquiry, alice):
    blank = {name: None for name in OUTCOME} | {"findings": "", "outcome_reasons": ""}
    with pytest.raises(ValidationError) as refused:
        complete_section_47(enquiry, completed_on=None, acting_user=alice, **blank)
    assert set(refused.value.message_dict) == {*OUTCOME, "completed_on"}


def test_seen_alone_means_seen_and_completion_is_not_before_the_start(enquiry, alice):
    with pytest.raises(ValidationError) as refused:
        complete_section_47(enquiry, completed_on=today() - timedelta(days=1), acting_user=alice,
                            **(OUTCOME | {"child_seen": False, "child_seen_alone": True}))
    assert set(refused.value.message_dict) == {"completed_on", "child_seen_alone"}


def test_a_completed_enquiry_cannot_be_completed_again_nor_its_date_moved(enquiry, alice):
    complete_section_47(enquiry, completed_on=today(), acting_user=alice, **OUTCOME)
    with pytest.raises(ValidationError, match="already complete"):
        complete_section_47(enquiry, completed_on=today(), acting_user=alice, **OUTCOME)
    with pytest.raises(ValidationError, match="complete"):
        change_enquiry_by_when(enquiry, due_on=today(), reason="Later.", acting_user=alice)


def test_moving_the_by_when_keeps_the_history(enquiry, alice, mo):
    change_enquiry_by_when(enquiry, due_on=today() + timedelta(days=20), reason="Mother in hospital this week.", acting_user=mo)
    assert [b.reason for b in EnquiryByWhen.objects.filter(enquiry=enquiry).order_by("set_at", "pk")] == [
        "Before the school holidays.", "Mother in hospital this week."]
    assert enquiry.current_by_when().set_by == mo


def test_a_by_when_without_a_reason_or_before_the_start_is_refused(enquiry, alice):
    with pytest.raises(ValidationError) as refused:
        change_enquiry_by_when(enquiry, due_on=today() - timedelta(days=3), reason="", acting_user=alice)
    assert set(refused.value.message_dict) == {"due_on", "reason"}


def test_the_database_refuses_an_outcome_without_reasons_however_it_is_written(enquiry):
    from django.db import IntegrityError, transaction

    enquiry.completed_on, enquiry.completed_by = today(), enquiry.recorded_by
    for name, value in OUTCOME.items():
        setattr(enquiry, name, value)
    enquiry.outcome_reasons = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        enquiry.save()


def test_nothing_turns_red_for_a_national_deadline(client_for, alice, enquiry, ruby):
    """45 working days pass without a red flag: the page shows the dates and the practitioner's 'by when'."""
    Section47Enquiry.objects.filter(pk=enquiry.pk).update(started_on=today() - timedelta(days=90))
    page = client_for(alice).get(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/").content.decode()
    assert "govuk-tag--red" not in page and "overdue" not in page.lower() and "Before the school holidays." in page
