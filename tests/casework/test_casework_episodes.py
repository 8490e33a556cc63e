"""Starting and closing episodes of help on the child's one record."""
from datetime import date, timedelta

from journey.casework.codes import EpisodeKind
from journey.casework.models import Allocation, Episode
from journey.lib.dates import today
from journey.people.actions import create_child


def test_it_starts_an_episode_allocated_to_the_lead_practitioner(client_for, alice, charlie, ruby, date_fields):
    data = {"kind": EpisodeKind.EARLY_HELP, "worker": str(charlie.pk), **date_fields("started_on", today())}
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/new/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/children/{ruby.pk}/"
    episode = ruby.episodes.get(kind=EpisodeKind.EARLY_HELP)
    allocation = episode.allocations.get()
    assert (allocation.worker, allocation.team, episode.opened_by) == (charlie, charlie.team, alice)


def test_it_offers_only_active_council_staff_as_lead_practitioner(client_for, alice, charlie, officer, ruby):
    charlie.is_active = False
    charlie.save()
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/episodes/new/").content.decode()
    assert "Alice Akers, Social worker (Assessment Team A)" in page
    assert "Charlie Cole" not in page and "Priya Patel" not in page


def test_it_rejects_a_second_open_episode_of_the_same_kind(client_for, alice, ruby, date_fields):
    data = {"kind": EpisodeKind.CHILD_IN_NEED, "worker": str(alice.pk), **date_fields("started_on", today())}
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/new/", data)
    assert response.status_code == 200
    assert "Child in need is already open for this child" in response.content.decode()
    assert ruby.episodes.count() == 1


def test_it_rejects_an_episode_starting_in_the_future(client_for, alice, ruby, date_fields):
    data = {"kind": EpisodeKind.EARLY_HELP, "worker": str(alice.pk), **date_fields("started_on", today() + timedelta(days=3))}
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/new/", data).content.decode()
    assert "Start date must be today or in the past" in page
    assert ruby.episodes.count() == 1


def test_it_names_each_missing_answer(client_for, alice, ruby):
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/new/", {}).content.decode()
    for message in ["Select the kind of episode", "Enter start date", "Select the lead practitioner"]:
        assert message in page


def test_it_rejects_an_end_date_before_the_start(client_for, alice, ruby, date_fields):
    episode = ruby.episodes.get()
    data = {"reason": "needs_met", **date_fields("ended_on", episode.started_on - timedelta(days=1))}
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "End date must be on or after the start date" in page
    assert 'href="#id_ended_on_0"' in page
    episode.refresh_from_db()
    assert episode.is_open


def test_closing_an_episode_ends_its_allocation(client_for, mo, ruby, date_fields):
    episode = ruby.episodes.get()
    data = {"reason": "stepped_down", "note": "Family happy with school support.", **date_fields("ended_on", today())}
    response = client_for(mo).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/", data)
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.ended_on == today() and episode.closure_reason == "stepped_down" and episode.closed_by == mo
    assert not Allocation.objects.filter(episode=episode, ended_on__isnull=True).exists()


def test_it_will_not_close_an_episode_through_another_childs_record(client_for, alice, sam, ruby, date_fields):
    other = create_child(acting_user=sam, first_name="Oscar", last_name="Other", date_of_birth=date(2014, 2, 2))
    episode = ruby.episodes.get()
    data = {"reason": "needs_met", **date_fields("ended_on", today())}
    assert client_for(alice).post(f"/casework/children/{other.pk}/episodes/{episode.pk}/close/", data).status_code == 403
    assert Episode.objects.get(pk=episode.pk).is_open


def test_a_partner_cannot_start_an_episode(client_for, officer, ruby, date_fields):
    data = {"kind": EpisodeKind.EARLY_HELP, "worker": str(officer.pk), **date_fields("started_on", today())}
    assert client_for(officer).post(f"/casework/children/{ruby.pk}/episodes/new/", data).status_code == 403
    assert ruby.episodes.count() == 1


def test_an_episode_already_closed_says_so_and_stays_as_it_was(client_for, mo, ruby, date_fields):
    episode = ruby.episodes.get()
    client_for(mo).post(
        f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/", {"reason": "needs_met", **date_fields("ended_on", today())}
    )
    again = {"reason": "moved_away", **date_fields("ended_on", today())}
    page = client_for(mo).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/", again).content.decode()
    assert "This episode closed on" in page
    episode.refresh_from_db()
    assert episode.closure_reason == "needs_met"
