"""'My children' a page at a time: the caseload, the team manager's team list and the head of service's service list
each come in pages of fifty, with no child shown twice or left out, in a fixed number of queries."""
import re
from datetime import date

import pytest

from journey.audit.models import Action, AuditEvent
from journey.casework import caseload
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child

# Signing in, the access checks, two counts, two pages of children with their open episodes and allocations, the
# audit event: whatever the number of children held.
MAX_QUERIES = 16


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(caseload, "PAGE_SIZE", 2)


def hold(worker, sam, count: int) -> list:
    children = []
    for n in range(count):
        child = create_child(acting_user=sam, first_name=f"Child{n}", last_name="Many", date_of_birth=date(2015, 1, n + 1))
        open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today(), acting_user=sam, worker=worker)
        children.append(child)
    return children


def names_in(page: str, heading: str | None = None) -> list[str]:
    if heading:
        page = page[page.index(heading):]
    else:
        page = page[:page.index("My team's children")] if "My team's children" in page else page
    table = page[:page.index("</table>")] if "</table>" in page else ""
    return re.findall(r'href="/children/\d+/">([^<]+)</a>', table)


def test_the_caseload_comes_a_page_at_a_time_with_no_gaps_or_repeats(client_for, alice, sam, small_pages):
    hold(alice, sam, 5)
    client = client_for(alice)
    pages = [names_in(client.get(f"/casework/?page={n}").content.decode()) for n in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    shown = [name for page in pages for name in page]
    assert sorted(shown) == [f"Child{n} Many" for n in range(5)]
    assert "(5; 1 to 2 shown)" in client.get("/casework/").content.decode()


def test_only_the_children_on_the_pages_shown_are_logged(client_for, alice, sam, small_pages):
    hold(alice, sam, 3)
    client_for(alice).get("/casework/?page=2")
    event = AuditEvent.objects.filter(action=Action.READ, user=alice, child=None).latest("sequence")
    assert len(event.after["children"]) == 1


def test_a_manager_pages_the_team_list_apart_from_their_own(client_for, mo, alice, sam, small_pages):
    hold(alice, sam, 3)
    page = client_for(mo).get("/casework/?held_page=2").content.decode()
    assert 'href="?held_page=1" rel="prev"' in page
    assert len(names_in(page, "My team's children")) == 1


def test_the_head_of_service_sees_the_children_held_by_the_teams_of_the_service(client_for, helen, alice, ruby):
    page = client_for(helen).get("/casework/").content.decode()
    assert "My service's children" in page
    assert "Ruby Smith" in page[page.index("My service's children"):] and "Alice Akers" in page
    event = AuditEvent.objects.filter(action=Action.READ, user=helen, child=None).latest("sequence")
    assert (event.what, event.after) == ("my children and my service's children", {"children": [ruby.pk]})


def test_a_practitioner_sees_no_service_list(client_for, charlie, helen, ruby):
    page = client_for(charlie).get("/casework/").content.decode()
    assert "My service's children" not in page and "Ruby Smith" not in page


def test_its_queries_do_not_grow_with_the_service_list(client_for, helen, alice, sam, django_assert_max_num_queries):
    hold(alice, sam, 6)
    client = client_for(helen)
    client.get("/casework/")
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/casework/").content.decode()
    assert len(names_in(page, "My service's children")) == 6


def test_a_page_past_the_end_shows_the_last_and_nonsense_the_first(client_for, alice, sam, small_pages):
    hold(alice, sam, 3)
    client = client_for(alice)
    for number in ("3", "99999999999999999999"):
        assert names_in(client.get(f"/casework/?page={number}").content.decode()) == names_in(client.get("/casework/?page=2").content.decode())
    for nonsense in ("abc", "-1", "0", ""):
        assert names_in(client.get(f"/casework/?page={nonsense}").content.decode()) == names_in(client.get("/casework/").content.decode())
    assert len(names_in(client.get("/casework/?page=2").content.decode())) == 1
