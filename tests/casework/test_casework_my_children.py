"""'My children': the caseload, when each child was last seen, and the team manager's view of the team's children."""
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journey.casework.actions import close_episode, open_episode, start_assessment
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child


def test_it_lists_alices_child_with_when_she_was_last_seen(client_for, alice, ruby):
    response = client_for(alice).get("/casework/")
    page = response.content.decode()
    seen = timezone.localtime(ruby.visits.get().visited_at)
    assert response.status_code == 200
    assert f'href="/children/{ruby.pk}/"' in page
    assert "Ruby Smith" in page and "Child in need" in page
    assert f"{seen:%-d %b %Y}" in page
    assert f"{(today() - seen.date()).days} days ago" in page


def test_it_does_not_list_ruby_for_a_worker_who_does_not_hold_her(client_for, charlie, ruby):
    page = client_for(charlie).get("/casework/").content.decode()
    assert "Ruby Smith" not in page
    assert "You do not hold any child" in page


def test_it_puts_a_child_never_seen_first(client_for, alice, ruby, leo):
    page = client_for(alice).get("/casework/").content.decode()
    assert "Not seen yet" in page
    assert page.index("Leo Jones") < page.index("Ruby Smith")


def test_it_leaves_out_a_child_whose_episode_has_closed(client_for, alice, mo, ruby):
    close_episode(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=mo)
    assert "Ruby Smith" not in client_for(alice).get("/casework/").content.decode()


def test_it_shows_the_by_when_date_of_an_assessment_in_progress(client_for, alice, ruby):
    due = today() + timedelta(days=20)
    start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=due, due_reason="School holidays")
    assert f"{due:%-d %b %Y}" in client_for(alice).get("/casework/").content.decode()


def test_it_shows_the_manager_their_teams_children_and_who_holds_them(client_for, mo, alice, ruby):
    page = client_for(mo).get("/casework/").content.decode()
    assert "My team's children" in page
    team_table = page[page.index("My team's children"):]
    assert "Ruby Smith" in team_table and "Alice Akers" in team_table


def test_a_practitioner_sees_no_team_table(client_for, alice, ruby):
    assert "My team's children" not in client_for(alice).get("/casework/").content.decode()


def test_it_sends_a_partner_to_raise_a_contact(client_for, officer):
    response = client_for(officer).get("/casework/")
    assert response.status_code == 302
    assert response["Location"] == "/front-door/contacts/new/"


def test_its_queries_do_not_grow_with_the_caseload(client_for, alice, sam, ruby):
    client = client_for(alice)
    client.get("/casework/")
    with CaptureQueriesContext(connection) as few:
        client.get("/casework/")
    for n in range(4):
        child = create_child(acting_user=sam, first_name=f"Child{n}", last_name="Many", date_of_birth=date(2015, 1, n + 1))
        open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today(), acting_user=sam, worker=alice)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/casework/").content.decode()
    assert page.count('href="/children/') >= 5
    assert len(many) == len(few)
