"""Allocation offers the practitioners of the teams the manager manages (and their units), each with the children
they hold now; the action refuses a worker outside those teams, naming the field."""
import pytest
from django.core.exceptions import ValidationError

from journey.accounts.models import Role
from journey.casework.actions import allocate
from journey.lib.dates import today
from tests.casework.managers import chronology_agrees, referred, unit_a  # noqa: F401  (fixtures)
from tests.conftest import make_user


def test_the_allocate_page_offers_the_team_and_its_units_with_caseloads(client_for, mo, alice, bea, charlie, council, unit_a, ruby):
    olu = make_user("olu", Role.PRACTITIONER, council, unit_a, "Olu", "Okafor", "Clinician")
    page = client_for(mo).get(f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/allocate/").content.decode()
    assert "Alice Akers, Social worker (Assessment Team A): 1 child" in page
    assert "Bea Brown, Social worker (Assessment Team A): 0 children" in page
    assert "Olu Okafor, Clinician (Social Work Unit: Oak): 0 children" in page
    assert "Charlie Cole" not in page
    assert olu.pk


def test_a_worker_outside_the_managers_teams_is_refused_naming_the_field(mo, charlie, ruby):
    with pytest.raises(ValidationError) as refused:
        allocate(ruby.episodes.get(), worker=charlie, team=charlie.team, started_on=today(), acting_user=mo)
    assert "worker" in refused.value.message_dict
    assert ruby.episodes.get().current_allocation().worker.username == "alice"


def test_a_posted_worker_of_another_team_is_refused_on_the_form(client_for, mo, charlie, ruby, date_fields):
    episode = ruby.episodes.get()
    response = client_for(mo).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/allocate/",
                                   {"worker": charlie.pk, **date_fields("started_on", today())})
    assert response.status_code == 200 and "Select the lead practitioner from the list" in response.content.decode()


def test_the_head_of_service_allocates_across_the_service(helen, charlie, ruby):
    held = allocate(ruby.episodes.get(), worker=charlie, team=charlie.team, started_on=today(), acting_user=helen)
    assert held.worker == charlie
    chronology_agrees(ruby)


def test_a_worker_cannot_allocate(bea, alice, ruby):
    with pytest.raises(ValidationError):
        allocate(ruby.episodes.get(), worker=bea, team=bea.team, started_on=today(), acting_user=alice)
