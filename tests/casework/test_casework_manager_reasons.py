"""A manager's reasons are part of their decision: authorising an assessment and agreeing a closure each need them
(as sending a closure back already did), refused with a message naming the field and nothing saved when they are
missing; they show on the assessment or closure page, on the child's chronology and, for the assessment, in the
subject access export."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.casework.actions import agree_closure, authorise_assessment, propose_closure, save_assessment, start_assessment
from journey.casework.models import ClosureProposal
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today
from journey.lib.text import SHORT_TEXT_MAX_LENGTH
from tests.casework.managers import chronology_agrees, tariq  # noqa: F401  (fixtures)

AUTHORISED = "Alice's analysis weighs the school's view against Mum's; early help fits what Ruby told us."
AGREED = "Ruby has been settled at school for a term and Mum now uses the family hub without prompting."


@pytest.fixture
def completed(ruby, alice):
    """Alice's completed assessment of Ruby, waiting for Mo to authorise it."""
    assessment = start_assessment(
        ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=21), due_reason="School review.",
    )
    return save_assessment(assessment, acting_user=alice, complete=True, developmental_needs_strengths="Doing well at school.",
                           analysis="Needs are met at home with support.", decision="early_help")


@pytest.fixture
def proposal(alice, ruby) -> ClosureProposal:
    return propose_closure(ruby.episodes.get(), ended_on=today(), reason="needs_met", note="Family doing well.", acting_user=alice)


def _assessment_url(assessment) -> str:
    return f"/casework/children/{assessment.child_id}/assessments/{assessment.pk}/"


# Authorising an assessment

@pytest.mark.parametrize("reasons", ["", "   \n "])
def test_authorising_without_reasons_is_refused_naming_the_field_and_nothing_is_saved(mo, completed, reasons):
    with pytest.raises(ValidationError) as refused:
        authorise_assessment(completed, reasons=reasons, acting_user=mo)
    assert refused.value.message_dict == {"authorisation_reasons": ["Enter your reasons for authorising the assessment"]}
    completed.refresh_from_db()
    assert (completed.authorised_on, completed.authorised_by, completed.authorisation_reasons) == (None, None, "")


def test_reasons_longer_than_the_bound_are_refused_and_nothing_is_saved(mo, completed):
    with pytest.raises(ValidationError) as refused:
        authorise_assessment(completed, reasons="x" * (SHORT_TEXT_MAX_LENGTH + 1), acting_user=mo)
    assert "authorisation_reasons" in refused.value.message_dict
    completed.refresh_from_db()
    assert completed.authorised_on is None


def test_the_reasons_are_kept_trimmed_with_the_sign_off(mo, completed):
    authorise_assessment(completed, reasons=f"  {AUTHORISED}\n", acting_user=mo)
    completed.refresh_from_db()
    assert (completed.authorised_by, completed.authorised_on, completed.authorisation_reasons) == (mo, today(), AUTHORISED)


def test_the_manager_gives_reasons_on_the_page_and_they_show_there_and_on_the_chronology(client_for, mo, alice, completed, ruby):
    url = _assessment_url(completed)
    page = client_for(mo).get(url).content.decode()
    assert "Your reasons for authorising" in page and 'name="authorisation_reasons"' in page
    assert client_for(mo).post(f"{url}authorise/", {"authorisation_reasons": AUTHORISED}).status_code == 302
    shown = client_for(alice).get(url).content.decode()
    assert "Manager's reasons for authorising" in shown and "analysis weighs the school" in shown
    chronology_agrees(ruby)
    entry = ChronologyEntry.objects.get(child=ruby, kind="assessment", title="Assessment authorised")
    assert (entry.author, entry.summary, entry.occurred_at.date()) == ("Mo Malik", AUTHORISED, today())


def test_the_page_refuses_missing_reasons_with_the_field_named_and_nothing_saved(client_for, mo, completed):
    response = client_for(mo).post(f"{_assessment_url(completed)}authorise/", {"authorisation_reasons": " "})
    page = response.content.decode()
    assert response.status_code == 200 and "Enter your reasons for authorising the assessment" in page
    assert 'href="#id_authorisation_reasons"' in page and page.count("<title>Error: ") == 1
    completed.refresh_from_db()
    assert completed.authorised_on is None and completed.authorisation_reasons == ""


@pytest.mark.parametrize("persona", ["alice", "bea", "tariq"])
def test_only_the_childs_team_manager_may_authorise_with_reasons(client_for, request, persona, mo, completed):
    """Paired with the test above: Mo may; the author, her colleague and another team's manager may not, reasons or not."""
    user = request.getfixturevalue(persona)
    page = client_for(user).get(_assessment_url(completed))
    assert page.status_code in (200, 403, 404) and 'name="authorisation_reasons"' not in page.content.decode()
    assert client_for(user).post(f"{_assessment_url(completed)}authorise/", {"authorisation_reasons": AUTHORISED}).status_code in (403, 404)
    with pytest.raises(ValidationError):
        authorise_assessment(completed, reasons=AUTHORISED, acting_user=user)
    completed.refresh_from_db()
    assert completed.authorised_on is None and completed.authorisation_reasons == ""


# Agreeing a closure

@pytest.mark.parametrize("reasons", ["", "  "])
def test_agreeing_a_closure_without_reasons_is_refused_naming_the_field_and_nothing_closes(mo, proposal, ruby, reasons):
    with pytest.raises(ValidationError) as refused:
        agree_closure(proposal, reasons=reasons, acting_user=mo)
    assert refused.value.message_dict == {"agreed_reasons": ["Enter your reasons for agreeing the closure"]}
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.decided_by, proposal.agreed_reasons) == ("pending", None, "")
    assert ruby.episodes.get().is_open


def test_the_close_page_asks_for_reasons_to_agree_and_keeps_the_episode_open_without_them(client_for, mo, proposal, ruby):
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/"
    assert "If you are agreeing it, your reasons" in client_for(mo).get(url).content.decode()
    page = client_for(mo).post(url + "decide/", {"decision": "accept"}).content.decode()
    assert "Enter your reasons for agreeing the closure" in page and 'href="#id_agreed_reasons"' in page
    assert ruby.episodes.get().is_open
    assert ClosureProposal.objects.get().is_pending


def test_the_managers_reasons_for_agreeing_show_on_the_closure_page_and_the_chronology(client_for, mo, alice, proposal, ruby):
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/"
    assert client_for(mo).post(url + "decide/", {"decision": "accept", "agreed_reasons": AGREED}).status_code == 302
    assert not ruby.episodes.get().is_open
    page = client_for(alice).get(url).content.decode()
    assert "Manager's reasons for agreeing" in page and "Mum now uses the family hub" in page
    chronology_agrees(ruby)
    entry = ChronologyEntry.objects.get(child=ruby, kind="closure", title="Closure of the child in need episode agreed")
    assert (entry.author, entry.summary) == ("Mo Malik", AGREED)


def test_sending_back_still_needs_its_own_reason_not_the_agreeing_one(client_for, mo, proposal, ruby):
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/decide/"
    page = client_for(mo).post(url, {"decision": "return", "agreed_reasons": AGREED}).content.decode()
    assert "Enter why you are returning it" in page and "Enter your reasons for agreeing the closure" not in page
    assert ClosureProposal.objects.get().is_pending


@pytest.mark.parametrize("persona", ["alice", "bea", "tariq"])
def test_only_the_childs_manager_line_agrees_with_reasons(client_for, request, persona, proposal, ruby):
    """Paired with the test above: the page's decision form is offered only to the manager line."""
    user = request.getfixturevalue(persona)
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/"
    page = client_for(user).get(url)
    assert 'name="agreed_reasons"' not in page.content.decode()
    assert client_for(user).post(url + "decide/", {"decision": "accept", "agreed_reasons": AGREED}).status_code in (403, 404)
    with pytest.raises(ValidationError):
        agree_closure(proposal, reasons=AGREED, acting_user=user)
    assert ruby.episodes.get().is_open and ClosureProposal.objects.get().agreed_reasons == ""
