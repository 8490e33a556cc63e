"""Closing an episode: the worker proposes (the date and the reason), a manager of the child agrees (the episode
closes, closed by the manager) or sends it back with a reason; a manager closing directly agrees their own
proposal in one step. Both steps on the chronology."""
import pytest
from django.core.exceptions import ValidationError

from journey.casework.actions import agree_closure, close_episode, propose_closure, send_back_closure
from journey.casework.models import ClosureProposal
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today
from tests.casework.managers import chronology_agrees, tariq  # noqa: F401  (fixtures)

AGREED = "Ruby has been settled at school for a term and Mum uses the family hub."


@pytest.fixture
def proposal(alice, ruby) -> ClosureProposal:
    return propose_closure(ruby.episodes.get(), ended_on=today(), reason="needs_met", note="Family doing well.", acting_user=alice)


def test_the_worker_proposes_on_the_close_page_and_the_episode_stays_open(client_for, alice, ruby, date_fields):
    episode = ruby.episodes.get()
    url = f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/"
    assert "Propose closing the episode" in client_for(alice).get(url).content.decode()
    response = client_for(alice).post(url, {"reason": "needs_met", "note": "Doing well.", **date_fields("ended_on", today())})
    assert response.status_code == 302
    assert ruby.episodes.get().is_open
    assert ClosureProposal.objects.get().proposed_by == alice
    chronology_agrees(ruby)


def test_the_close_form_names_each_bad_field_and_keeps_the_note(client_for, alice, ruby, date_fields):
    url = f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/close/"
    page = client_for(alice).post(url, {"note": "Kept note", **date_fields("ended_on", today().replace(year=1800))}).content.decode()
    assert "Select the reason the episode is closing" in page and "Kept note" in page
    assert not ClosureProposal.objects.exists()


def test_a_worker_cannot_close_directly(alice, ruby):
    with pytest.raises(ValidationError):
        close_episode(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=alice)
    assert ruby.episodes.get().is_open


def test_the_manager_agrees_and_the_episode_closes_with_the_manager_as_closer(client_for, proposal, mo, ruby):
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/"
    assert "Agree the closure" in client_for(mo).get(url).content.decode()
    assert client_for(mo).post(url + "decide/", {"decision": "accept", "agreed_reasons": AGREED}).status_code == 302
    episode = ruby.episodes.get()
    assert (episode.ended_on, episode.closure_reason, episode.closed_by, episode.closure_note) == (today(), "needs_met", mo, "Family doing well.")
    assert episode.current_allocation() is None and not episode.allocations.filter(ended_on__isnull=True).exists()
    chronology_agrees(ruby)
    titles = set(ChronologyEntry.objects.filter(child=ruby, kind="closure").values_list("title", "author"))
    assert titles == {(f"Closure of the child in need episode proposed for {today():%-d %B %Y}", "Alice Akers"),
                      ("Closure of the child in need episode agreed", "Mo Malik")}


def test_the_manager_sends_it_back_with_a_reason_and_nothing_closes(client_for, proposal, mo, alice, ruby):
    url = f"/casework/children/{ruby.pk}/closures/{proposal.pk}/decide/"
    assert "Enter why you are returning it" in client_for(mo).post(url, {"decision": "return"}).content.decode()
    client_for(mo).post(url, {"decision": "return", "return_reason": "Visit once more first."})
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.return_reason) == ("returned", "Visit once more first.")
    assert ruby.episodes.get().is_open
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/close/").content.decode()
    assert "Visit once more first." in page
    chronology_agrees(ruby)


@pytest.mark.parametrize("persona", ["alice", "bea", "charlie", "tariq", "teacher"])
def test_only_the_childs_manager_line_answers(client_for, request, persona, proposal, ruby):
    user = request.getfixturevalue(persona)
    assert client_for(user).post(f"/casework/children/{ruby.pk}/closures/{proposal.pk}/decide/", {"decision": "accept", "agreed_reasons": AGREED}).status_code == 403
    with pytest.raises(ValidationError):
        agree_closure(proposal, reasons=AGREED, acting_user=user)
    with pytest.raises(ValidationError):
        send_back_closure(proposal, reason="No.", acting_user=user)
    assert ruby.episodes.get().is_open


def test_the_head_of_service_may_agree(proposal, helen, ruby):
    agree_closure(proposal, reasons=AGREED, acting_user=helen)
    assert ruby.episodes.get().closed_by == helen


def test_a_manager_closing_directly_agrees_their_own_proposal_in_one_step(mo, ruby):
    close_episode(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=mo)
    proposal = ClosureProposal.objects.get()
    assert (proposal.proposed_by, proposal.decided_by, proposal.decision) == (mo, mo, "accepted")
    chronology_agrees(ruby)
    assert not ChronologyEntry.objects.filter(child=ruby, kind="closure").exists()
    assert ChronologyEntry.objects.filter(child=ruby, kind="episode", title__endswith="closed", author="Mo Malik").exists()


def test_a_second_proposal_waits_for_the_first(alice, bea, proposal, ruby):
    with pytest.raises(ValidationError):
        propose_closure(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=bea)


def test_the_other_teams_worker_cannot_propose(client_for, charlie, ruby):
    with pytest.raises(ValidationError):
        propose_closure(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=charlie)
    assert client_for(charlie).get(f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/close/").status_code == 403


def test_the_team_queue_lists_closures_waiting(client_for, proposal, mo, ruby):
    page = client_for(mo).get("/casework/team/").content.decode()
    assert "Closures waiting for you to agree" in page and f"/casework/children/{ruby.pk}/closures/{proposal.pk}/" in page
