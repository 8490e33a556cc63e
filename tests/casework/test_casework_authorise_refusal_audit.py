"""Refusing to authorise an assessment answers 403 like any refusal, so it is in the audit log as one."""
from datetime import timedelta

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import save_assessment, start_assessment
from journey.lib.dates import today

COMPLETE = {
    "developmental_needs_strengths": "Doing well at school.", "developmental_needs_worries": "Often tired.",
    "parenting_capacity_strengths": "", "parenting_capacity_worries": "", "family_environment_strengths": "",
    "family_environment_worries": "", "childs_views": "I like my teacher.", "analysis": "Needs are met at home.",
    "decision": "early_help",
}


def test_a_practitioner_refused_authorising_leaves_a_refusal(client_for, alice, bea, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21), due_reason="Review.")
    save_assessment(assessment, acting_user=alice, complete=True, **COMPLETE)
    url = f"/casework/children/{ruby.pk}/assessments/{assessment.pk}/authorise/"

    assert client_for(bea).post(url).status_code == 403

    [event] = AuditEvent.objects.filter(action=Action.REFUSED)
    assert event.user == bea
    assert event.after == {"method": "POST", "path": url, "ids": {"child_id": ruby.pk, "assessment_id": assessment.pk}}


def test_the_manager_who_authorises_leaves_no_refusal(client_for, alice, mo, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21), due_reason="Review.")
    save_assessment(assessment, acting_user=alice, complete=True, **COMPLETE)

    url = f"/casework/children/{ruby.pk}/assessments/{assessment.pk}/authorise/"
    assert client_for(mo).post(url, {"authorisation_reasons": "Early help fits what school and Ruby said."}).status_code == 302
    assert not AuditEvent.objects.filter(action=Action.REFUSED).exists()
