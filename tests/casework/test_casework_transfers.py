"""A transfer between teams: proposed by the holding team's manager with a reason, accepted (the episode moves and
waits to be allocated) or returned with a reason (nothing moves) by the receiving manager; both on the chronology;
the receiving manager line may open the child while it waits, and nobody else gains anything."""
import pytest
from django.core.exceptions import ValidationError

from journey.access.rules import involvement
from journey.casework.actions import accept_transfer, propose_transfer, return_transfer
from journey.casework.involvement import RECEIVING_MANAGER
from journey.casework.models import Transfer
from journey.chronology.models import ChronologyEntry
from tests.casework.managers import chronology_agrees, tariq  # noqa: F401  (fixtures)


@pytest.fixture
def proposed(mo, team_b, ruby, tariq) -> Transfer:
    return propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Needs longer-term child in need work.", acting_user=mo)


def test_the_manager_proposes_a_transfer_on_a_page(client_for, mo, team_b, tariq, ruby):
    episode = ruby.episodes.get()
    url = f"/casework/children/{ruby.pk}/episodes/{episode.pk}/transfer/"
    assert "Child in Need Team B" in client_for(mo).get(url).content.decode()
    response = client_for(mo).post(url, {"to_team": team_b.pk, "reason": "Longer-term work."})
    transfer = Transfer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casework/children/{ruby.pk}/transfers/{transfer.pk}/"
    assert (transfer.from_team.name, transfer.to_team, transfer.proposed_by, transfer.is_pending) == ("Assessment Team A", team_b, mo, True)
    assert ruby.episodes.get().team.name == "Assessment Team A"
    chronology_agrees(ruby)


def test_the_transfer_form_names_each_missing_field_and_keeps_what_was_typed(client_for, mo, tariq, ruby):
    url = f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/transfer/"
    page = client_for(mo).post(url, {"reason": "Kept words"}).content.decode()
    assert "Select the team to transfer the episode to" in page and "Kept words" in page
    page = client_for(mo).post(url, {"reason": "x" * 2001, "to_team": "999999"}).content.decode()
    assert "Select the team from the list" in page and "Reason must be 2,000 characters or fewer" in page
    assert not Transfer.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "bea", "charlie", "tariq", "teacher"])
def test_only_the_holding_teams_manager_line_proposes(client_for, request, persona, team_b, ruby):
    user = request.getfixturevalue(persona)
    episode = ruby.episodes.get()
    assert client_for(user).get(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/transfer/").status_code == 403
    with pytest.raises(ValidationError):
        propose_transfer(episode, to_team=team_b, reason="Because.", acting_user=user)


def test_the_action_refuses_the_same_team_a_service_area_and_a_second_transfer(mo, team_a, team_b, childrens_service, tariq, ruby):
    episode = ruby.episodes.get()
    for team, field in ((team_a, "to_team"), (childrens_service, "to_team")):
        with pytest.raises(ValidationError) as refused:
            propose_transfer(episode, to_team=team, reason="Because.", acting_user=mo)
        assert field in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        propose_transfer(episode, to_team=team_b, reason="  ", acting_user=mo)
    assert "reason" in refused.value.message_dict
    propose_transfer(episode, to_team=team_b, reason="Because.", acting_user=mo)
    with pytest.raises(ValidationError):
        propose_transfer(episode, to_team=team_b, reason="Again.", acting_user=mo)


def test_a_pending_transfer_opens_the_child_to_the_receiving_manager_line_only(proposed, tariq, charlie, ruby):
    assert involvement(tariq, ruby) == RECEIVING_MANAGER
    assert involvement(charlie, ruby) is None


def test_without_a_transfer_the_other_teams_manager_cannot_open_the_child(tariq, ruby):
    assert involvement(tariq, ruby) is None


def test_a_returned_transfer_closes_the_child_to_the_receiving_manager_again(proposed, tariq, ruby):
    return_transfer(proposed, reason="We have no capacity this month.", acting_user=tariq)
    assert involvement(tariq, ruby) is None


def test_the_receiving_manager_cannot_allocate_while_it_waits(client_for, proposed, tariq, ruby):
    assert client_for(tariq).get(f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/allocate/").status_code == 403


def test_accepting_moves_the_episode_ends_the_allocation_and_puts_it_in_the_queue(client_for, proposed, tariq, alice, bea, charlie, ruby):
    url = f"/casework/children/{ruby.pk}/transfers/{proposed.pk}/"
    assert "Save your decision" in client_for(tariq).get(url).content.decode()
    response = client_for(tariq).post(url + "decide/", {"decision": "accept"})
    assert response.status_code == 302
    episode = ruby.episodes.get()
    assert episode.team.name == "Child in Need Team B" and episode.current_allocation() is None
    assert involvement(alice, ruby) is None and involvement(bea, ruby) is None
    assert involvement(charlie, ruby) is not None
    assert "Ruby Smith" in client_for(tariq).get("/casework/team/").content.decode()
    chronology_agrees(ruby)
    titles = list(ChronologyEntry.objects.filter(child=ruby, kind="transfer").values_list("title", "author"))
    assert ("Child in Need Team B accepted the child in need episode from Assessment Team A", "Tariq Tan") in titles


def test_returning_needs_a_reason_and_changes_nothing_but_the_answer(client_for, proposed, mo, tariq, ruby):
    url = f"/casework/children/{ruby.pk}/transfers/{proposed.pk}/decide/"
    page = client_for(tariq).post(url, {"decision": "return"}).content.decode()
    assert "Enter why you are returning it" in page
    assert client_for(tariq).post(url, {"decision": "return", "return_reason": "No capacity."}).status_code == 302
    proposed.refresh_from_db()
    assert (proposed.decision, proposed.return_reason, proposed.decided_by) == ("returned", "No capacity.", tariq)
    assert ruby.episodes.get().team.name == "Assessment Team A"
    assert "No capacity." in client_for(mo).get("/casework/team/").content.decode()
    chronology_agrees(ruby)


@pytest.mark.parametrize("persona", ["mo", "alice", "bea", "charlie", "teacher"])
def test_only_the_receiving_manager_line_answers(client_for, request, persona, proposed, ruby):
    user = request.getfixturevalue(persona)
    response = client_for(user).post(f"/casework/children/{ruby.pk}/transfers/{proposed.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 403
    with pytest.raises(ValidationError):
        accept_transfer(proposed, acting_user=user)
    proposed.refresh_from_db()
    assert proposed.is_pending


def test_the_head_of_service_above_the_receiving_team_may_answer(proposed, helen, ruby):
    accept_transfer(proposed, acting_user=helen)
    assert ruby.episodes.get().team.name == "Child in Need Team B"


def test_an_answered_transfer_cannot_be_answered_again(client_for, proposed, tariq, ruby):
    accept_transfer(proposed, acting_user=tariq)
    page = client_for(tariq).post(f"/casework/children/{ruby.pk}/transfers/{proposed.pk}/decide/", {"decision": "return", "return_reason": "x"})
    assert page.status_code == 200 and "already been answered" in page.content.decode()


def test_a_transfer_id_from_another_childs_record_answers_no_access(client_for, proposed, tariq, ruby, leo):
    assert client_for(tariq).get(f"/casework/children/{leo.pk}/transfers/{proposed.pk}/").status_code == 403
