"""Choosing a child's lead practitioner is the work of the child's manager line: the action refuses anyone else,
and the page asks the same rule."""
import pytest
from django.core.exceptions import ValidationError

from journey.casework.actions import allocate
from journey.lib.dates import today


def test_the_childs_team_manager_allocates(mo, bea, ruby):
    held = allocate(ruby.episodes.get(), worker=bea, team=bea.team, started_on=today(), acting_user=mo)

    assert held.worker == bea


@pytest.mark.parametrize("persona", ["alice", "bea", "sam", "charlie"])
def test_nobody_outside_the_manager_line_allocates_even_calling_the_action(request, persona, bea, ruby):
    episode = ruby.episodes.get()

    with pytest.raises(ValidationError, match="Only a manager of the team holding this child can allocate"):
        allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=request.getfixturevalue(persona))
    assert episode.current_allocation().worker.username == "alice"


def test_a_team_manager_of_another_team_cannot_authorise_or_allocate(client_for, council, team_b, bea, ruby):
    from journey.accounts.models import Role
    from tests.conftest import make_user

    other = make_user("tia", Role.TEAM_MANAGER, council, team_b, "Tia", "Tran", "Team manager")
    team_b.manager = other
    team_b.save()
    episode = ruby.episodes.get()

    with pytest.raises(ValidationError):
        allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=other)
    response = client_for(other).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/allocate/", {"worker": bea.pk})
    assert response.status_code == 403
