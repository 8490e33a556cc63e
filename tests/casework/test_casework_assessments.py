"""The single assessment: a 'by when' date set for this child with a reason, its history, completing and authorising."""
from datetime import timedelta

import pytest

from journey.casework.actions import close_episode, save_assessment, start_assessment
from journey.casework.models import Assessment
from journey.lib.dates import today


@pytest.fixture
def assessment(ruby, alice):
    """Alice's assessment of Ruby, started today, to be done in three weeks."""
    return start_assessment(
        ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21),
        due_reason="Ruby's review at school is in three weeks.",
    )


def page_url(assessment) -> str:
    return f"/casework/children/{assessment.child_id}/assessments/{assessment.pk}/"


COMPLETE = {
    "developmental_needs_strengths": "Ruby is doing well at school.", "developmental_needs_worries": "She is often tired.",
    "parenting_capacity_strengths": "", "parenting_capacity_worries": "", "family_environment_strengths": "",
    "family_environment_worries": "", "childs_views": "I like my teacher.", "analysis": "Needs are met at home with support.",
    "decision": "early_help",
}


def test_starting_an_assessment_needs_a_reason_for_the_by_when_date(client_for, alice, ruby, date_fields):
    episode = ruby.episodes.get()
    data = {**date_fields("started_on", today()), **date_fields("due_on", today() + timedelta(days=10)), "due_reason": " "}
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/assessments/new/", data)
    assert response.status_code == 200
    assert "Enter why this &#x27;by when&#x27; date is right for this child" in response.content.decode()
    assert not Assessment.objects.exists()


def test_it_starts_an_assessment_and_opens_it(client_for, alice, ruby, date_fields):
    episode = ruby.episodes.get()
    due = today() + timedelta(days=10)
    data = {**date_fields("started_on", today()), **date_fields("due_on", due), "due_reason": "Before the school holidays."}
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/assessments/new/", data)
    assessment = Assessment.objects.get()
    assert response["Location"] == page_url(assessment)
    page = client_for(alice).get(page_url(assessment)).content.decode()
    assert f"{due:%-d %B %Y}" in page and "Before the school holidays." in page
    for domain in ["The child&#x27;s developmental needs", "Parenting capacity", "Family and environmental factors"]:
        assert domain in page
    assert page.count("What is going well (strengths)") == 3


def test_it_will_not_start_an_assessment_in_a_closed_episode(client_for, alice, mo, ruby, date_fields):
    episode = ruby.episodes.get()
    close_episode(episode, ended_on=today(), reason="needs_met", acting_user=mo)
    data = {**date_fields("started_on", today()), **date_fields("due_on", today()), "due_reason": "Soon."}
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/assessments/new/", data).content.decode()
    assert "An assessment can only be started in an open episode" in page
    assert not Assessment.objects.exists()


def test_changing_the_by_when_date_keeps_the_history(client_for, alice, assessment, date_fields):
    later = today() + timedelta(days=35)
    data = {**date_fields("by_when-due_on", later), "by_when-reason": "Dad is back from working away on the 1st."}
    response = client_for(alice).post(f"{page_url(assessment)}by-when/", data)
    assert response.status_code == 302
    assert assessment.current_by_when().due_on == later
    assert assessment.by_when_dates.count() == 2
    page = client_for(alice).get(page_url(assessment)).content.decode()
    assert "Dad is back from working away on the 1st." in page and "Ruby&#x27;s review at school is in three weeks." in page


def test_changing_the_by_when_date_needs_a_reason(client_for, alice, assessment, date_fields):
    data = {**date_fields("by_when-due_on", today() + timedelta(days=35)), "by_when-reason": ""}
    response = client_for(alice).post(f"{page_url(assessment)}by-when/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter why the &#x27;by when&#x27; date is changing" in page and 'href="#id_by_when-reason"' in page
    assert assessment.by_when_dates.count() == 1


def test_completing_needs_an_analysis_a_decision_and_a_strength(client_for, alice, assessment):
    data = {**COMPLETE, "developmental_needs_strengths": "", "analysis": "", "decision": "", "action": "complete"}
    page = client_for(alice).post(page_url(assessment), data).content.decode()
    assert "Enter your analysis before completing the assessment" in page
    assert "Select the decision before completing the assessment" in page
    assert "Record at least one strength" in page
    assert "She is often tired.</textarea>" in page
    assessment.refresh_from_db()
    assert not assessment.is_complete and assessment.developmental_needs_worries == ""


def test_a_draft_saves_without_an_analysis(client_for, alice, assessment):
    data = {**COMPLETE, "analysis": "", "decision": "", "action": "save"}
    assert client_for(alice).post(page_url(assessment), data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.developmental_needs_worries == "She is often tired." and not assessment.is_complete


def test_a_completed_assessment_is_read_only(client_for, alice, assessment):
    assert client_for(alice).post(page_url(assessment), {**COMPLETE, "action": "complete"}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.completed_on == today()
    page = client_for(alice).get(page_url(assessment)).content.decode()
    assert "<textarea" not in page and "Ruby is doing well at school." in page
    changed = client_for(alice).post(page_url(assessment), {**COMPLETE, "analysis": "Changed", "action": "save"})
    assert "This assessment is complete and can no longer be changed" in changed.content.decode()
    assessment.refresh_from_db()
    assert assessment.analysis == "Needs are met at home with support."


def test_the_team_manager_can_authorise_a_completed_assessment(client_for, alice, mo, assessment):
    save_assessment(assessment, acting_user=alice, complete=True, **COMPLETE)
    assert "Authorise assessment" in client_for(mo).get(page_url(assessment)).content.decode()
    reasons = "The analysis follows from what Ruby and school said; early help fits."
    assert client_for(mo).post(f"{page_url(assessment)}authorise/", {"authorisation_reasons": reasons}).status_code == 302
    assessment.refresh_from_db()
    assert (assessment.authorised_by, assessment.authorised_on, assessment.authorisation_reasons) == (mo, today(), reasons)


def test_the_author_cannot_authorise_their_own_assessment(client_for, mo, ruby):
    own = start_assessment(ruby.episodes.get(), acting_user=mo, started_on=today(), due_on=today(), due_reason="Urgent.")
    save_assessment(own, acting_user=mo, complete=True, **COMPLETE)
    assert "Authorise assessment" not in client_for(mo).get(page_url(own)).content.decode()
    page = client_for(mo).post(f"{page_url(own)}authorise/").content.decode()
    assert "An assessment is authorised by a manager, not by its author" in page
    own.refresh_from_db()
    assert own.authorised_on is None


def test_a_practitioner_cannot_authorise(client_for, alice, bea, assessment):
    save_assessment(assessment, acting_user=alice, complete=True, **COMPLETE)
    response = client_for(bea).post(f"{page_url(assessment)}authorise/")
    assert response.status_code == 403
    assert "Only a manager of the team holding this child can authorise an assessment" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.authorised_on is None


def test_authorising_answers_get_with_method_not_allowed(client_for, mo, assessment):
    assert client_for(mo).get(f"{page_url(assessment)}authorise/").status_code == 405
