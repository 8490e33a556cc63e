"""What the census needs of an assessment: the primary need when it finds the child in need, and what was found
(the factors), chosen as findings, never required."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.casework.actions import save_assessment, start_assessment
from journey.casework.census import FACTOR_GROUPS, factor_groups
from journey.codelists import lookup
from journey.lib.dates import today

WRITTEN = {
    "developmental_needs_strengths": "Ruby is doing well at school.", "childs_views": "I like my teacher.",
    "analysis": "Ruby needs help while her mum is unwell.",
}


@pytest.fixture
def assessment(ruby, alice):
    return start_assessment(
        ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21), due_reason="Before the review.",
    )


def page_url(assessment) -> str:
    return f"/casework/children/{assessment.child_id}/assessments/{assessment.pk}/"


def test_completing_with_a_child_in_need_decision_needs_the_primary_need(assessment, alice):
    with pytest.raises(ValidationError) as refused:
        save_assessment(assessment, acting_user=alice, complete=True, decision="child_in_need", **WRITTEN)
    assert refused.value.message_dict == {"primary_need": ["Select the child's primary need: the assessment finds them in need"]}
    assessment.refresh_from_db()
    assert not assessment.is_complete


def test_a_child_found_in_need_cannot_have_a_primary_need_saying_otherwise(assessment, alice):
    with pytest.raises(ValidationError) as refused:
        save_assessment(assessment, acting_user=alice, complete=True, decision="strategy", primary_need="N9", **WRITTEN)
    assert "Primary need must say why the child is in need" in refused.value.message_dict["primary_need"][0]


def test_it_completes_with_the_primary_need_and_the_factors_found(assessment, alice):
    save_assessment(assessment, acting_user=alice, complete=True, decision="child_in_need", primary_need="N3",
                    factors=["4B", "7A", "4B"], **WRITTEN)
    assessment.refresh_from_db()
    assert (assessment.primary_need, assessment.factors) == ("N3", ["4B", "7A"])
    assert assessment.factor_labels() == ["Mental health: of a parent or carer", "Young carer"]


def test_no_further_action_needs_no_primary_need_and_no_factors(assessment, alice):
    save_assessment(assessment, acting_user=alice, complete=True, decision="nfa", **WRITTEN)
    assessment.refresh_from_db()
    assert assessment.is_complete and (assessment.primary_need, assessment.factors) == ("", [])


def test_a_code_outside_the_list_is_refused_naming_the_field_even_in_a_draft(assessment, alice):
    with pytest.raises(ValidationError) as refused:
        save_assessment(assessment, acting_user=alice, complete=False, primary_need="N42", factors=["99Z"], **WRITTEN)
    assert set(refused.value.message_dict) == {"primary_need", "factors"}
    assert refused.value.message_dict["factors"][0].startswith("Factors must be one of the codes valid on")
    assessment.refresh_from_db()
    assert assessment.analysis == ""


def test_no_factors_identified_stands_alone(assessment, alice):
    with pytest.raises(ValidationError) as refused:
        save_assessment(assessment, acting_user=alice, complete=False, factors=["21", "3B"], **WRITTEN)
    assert refused.value.message_dict == {"factors": ["Factors: choose 'No factors identified' on its own, or the factors you found"]}


def test_codes_are_checked_against_the_list_valid_on_the_completion_day(assessment, alice):
    """The lists begin on 1 April 2024: a code is not valid for an assessment completed before it."""
    from journey.codelists.models import Code

    Code.objects.filter(code_list__key="cin.assessment_factor", code="24A").update(valid_from=today() + timedelta(days=1))
    lookup.clear_cache()
    try:
        with pytest.raises(ValidationError) as refused:
            save_assessment(assessment, acting_user=alice, complete=True, decision="nfa", factors=["24A"], **WRITTEN)
        assert "factors" in refused.value.message_dict
    finally:
        lookup.clear_cache()


def test_every_factor_valid_today_is_offered_in_exactly_one_group(db):
    offered = [code for code, _ in lookup.choices("cin.assessment_factor")]
    shown = [code for _, codes in factor_groups(offered) for code in codes]
    assert sorted(shown) == sorted(offered)
    assert all(code in offered for _, codes in FACTOR_GROUPS for code in codes)


def test_a_factor_the_dfe_adds_later_shows_under_other():
    assert factor_groups(["1A", "99X"]) == [("Alcohol or drugs", ["1A"]), ("Other", ["99X"])]


def test_the_page_asks_what_we_found_grouped_and_optional(client_for, alice, assessment):
    page = client_for(alice).get(page_url(assessment)).content.decode()
    assert "What we found (optional)" in page
    assert "This is not a checklist" in page
    assert '<h3 class="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">Domestic abuse</h3>' in page
    assert 'id="id_factors_0"' in page
    assert "What is the child&#x27;s main need? (primary need)" in page


def test_the_page_keeps_what_was_chosen_when_completing_is_refused(client_for, alice, assessment):
    data = {**WRITTEN, "decision": "child_in_need", "factors": ["3B", "4B"], "action": "complete"}
    response = client_for(alice).post(page_url(assessment), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_primary_need_0"' in page
    assert page.count('type="checkbox" value="3B" checked') == 1 and 'value="4B" checked' in page
    assert 'value="child_in_need" checked' in page


def test_the_completed_assessment_shows_the_primary_need_and_what_was_found(client_for, alice, assessment):
    data = {**WRITTEN, "decision": "child_in_need", "primary_need": "N4", "factors": ["3B"], "action": "complete"}
    assert client_for(alice).post(page_url(assessment), data).status_code == 302
    page = client_for(alice).get(page_url(assessment)).content.decode()
    assert "Family in acute stress" in page
    assert "Domestic abuse: a parent or carer is the subject" in page


def test_another_teams_worker_can_neither_read_nor_write_the_codes(client_for, charlie, assessment):
    data = {**WRITTEN, "decision": "child_in_need", "primary_need": "N4", "action": "complete"}
    assert client_for(charlie).get(page_url(assessment)).status_code == 403
    assert client_for(charlie).post(page_url(assessment), data).status_code == 403
    assessment.refresh_from_db()
    assert assessment.primary_need == ""
