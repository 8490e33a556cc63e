"""Only a team manager, not the assessment's author, authorises a completed assessment: the rule lives in the
action (``casework.rules.can_authorise``), so calling the action directly cannot get round the page's check."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import authorise_assessment, save_assessment, start_assessment
from journey.casework.rules import can_authorise
from journey.lib.dates import today

COMPLETE = {
    "developmental_needs_strengths": "Ruby is doing well at school.", "childs_views": "I like my teacher.",
    "analysis": "Needs are met at home with support.", "decision": "early_help",
}
REASONS = "The analysis weighs school's view fairly; early help fits Ruby's needs."


@pytest.fixture
def completed(ruby, alice):
    """Alice's completed assessment of Ruby, waiting for her manager."""
    assessment = start_assessment(
        ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21), due_reason="School review.",
    )
    return save_assessment(assessment, acting_user=alice, complete=True, **COMPLETE)


def test_the_team_manager_authorises_by_calling_the_action(mo, completed):
    assert can_authorise(mo, completed)
    authorise_assessment(completed, reasons=REASONS, acting_user=mo)
    completed.refresh_from_db()
    assert (completed.authorised_by, completed.authorised_on) == (mo, today())
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="casework.assessment", object_id=str(completed.pk), after__has_key="authorised_by_id")
    assert event.user == mo and event.after["authorised_by_id"] == mo.pk


def test_a_practitioner_cannot_authorise_by_calling_the_action(bea, completed):
    assert not can_authorise(bea, completed)
    with pytest.raises(ValidationError, match="Only a manager of the team holding this child can authorise an assessment"):
        authorise_assessment(completed, reasons=REASONS, acting_user=bea)
    completed.refresh_from_db()
    assert completed.authorised_on is None and completed.authorised_by is None


def test_an_assessment_is_authorised_once(mo, completed):
    authorise_assessment(completed, reasons=REASONS, acting_user=mo)
    assert not can_authorise(mo, completed)
    with pytest.raises(ValidationError, match="already authorised"):
        authorise_assessment(completed, reasons=REASONS, acting_user=mo)


def test_the_page_offers_the_button_only_to_those_the_rule_allows(client_for, mo, bea, completed):
    url = f"/casework/children/{completed.child_id}/assessments/{completed.pk}/"
    assert "Authorise assessment" in client_for(mo).get(url).content.decode()
    assert "Authorise assessment" not in client_for(bea).get(url).content.decode()
    refused = client_for(bea).post(f"{url}authorise/")
    assert refused.status_code == 403 and "Only a manager of the team holding this child can authorise an assessment" in refused.content.decode()
