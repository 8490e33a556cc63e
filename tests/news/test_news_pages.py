"""The "new for you" page and the panel on "My children": newest first, in keyset pages with nothing repeated or
left out, in a fixed number of queries however many children and items, each view one audit event naming the children
shown."""
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import open_episode, record_visit, write_case_note
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.news import feed
from journey.people.actions import create_child

pytestmark = pytest.mark.django_db

# Signing in, the scope (two), the "read up to" mark, the rows, the count of unread, a description of each of the
# seven kinds and the allocations' actors, the audit event: however many children and items.
MAX_QUERIES = 22


def hold(worker, sam, count: int) -> list:
    children = []
    for n in range(count):
        child = create_child(acting_user=sam, first_name=f"Child{n}", last_name="Many", date_of_birth=date(2015, 1, n + 1))
        open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today(), acting_user=sam, worker=worker)
        children.append(child)
    return children


def busy_day(colleague, children) -> None:
    for child in children:
        record_visit(child, acting_user=colleague, visited_at=timezone.now(), child_seen=True, child_seen_alone=True)
        write_case_note(child, acting_user=colleague, occurred_at=timezone.now(), subject="Call to school", text="Rang the school.")


def titles(page: str) -> list[str]:
    return re.findall(r'href="/news/[a-z_]+/\d+/">([^<]+)</a>', page)


def test_the_page_lists_the_news_newest_first_with_who_and_which_child(client_for, alice, bea, ruby):
    busy_day(bea, [ruby])
    page = client_for(alice).get("/news/").content.decode()
    visit = f"Visit on {timezone.localtime():%-d %B %Y}: child seen alone"
    assert titles(page) == ["Call to school", visit, "Allocated to you: Child in need"]
    assert "3 unread items" in page and "Bea Brown" in page and "Mo Malik" in page
    assert page.count('>Ruby Smith</a>') == 3 and 'href="/news/visit/' in page
    assert 'action="/news/read/"' in page


def test_the_page_says_when_there_is_nothing_new(client_for, helen):
    page = client_for(helen).get("/news/").content.decode()
    assert "Nothing new about your children in the last 90 days" in page and "0 unread items" in page
    assert "Mark all as read" not in page


def test_each_view_is_one_audit_event_naming_the_children_shown(client_for, alice, bea, sam, ruby):
    [leo] = hold(alice, sam, 1)
    busy_day(bea, [ruby])
    client_for(alice).get("/news/")
    [event] = AuditEvent.objects.filter(action=Action.READ, user=alice, what="new for you")
    assert event.after == {"children": [ruby.pk, leo.pk]}


def test_the_news_comes_in_keyset_pages_with_no_gaps_or_repeats(client_for, alice, bea, sam, monkeypatch):
    monkeypatch.setattr(feed, "PAGE_SIZE", 4)
    children = hold(alice, sam, 3)
    busy_day(bea, children)  # 3 allocations, 3 visits, 3 notes: 9 items
    client = client_for(alice)
    address, seen, pages = "/news/", [], []
    while address:
        page = client.get(address).content.decode()
        pages.append(titles(page))
        seen += re.findall(r'href="(/news/[a-z_]+/\d+/)">', page)
        older = re.search(r'href="\?after=([^"]+)" rel="next"', page)
        address = f"/news/?after={older.group(1)}" if older else ""
    assert [len(titles_) for titles_ in pages] == [4, 4, 1]
    assert len(seen) == len(set(seen)) == 9
    first_key = re.search(r'\?after=([^"]+)" rel="next"', client.get("/news/").content.decode()).group(1)
    second = client.get(f"/news/?after={first_key}").content.decode()
    newer = re.search(r'href="\?before=([^"]+)" rel="prev"', second).group(1)
    assert titles(client.get(f"/news/?before={newer}").content.decode()) == pages[0]


@pytest.mark.parametrize("key", ["nonsense", "2024-01-01~visit~1", "2024-01-01T00:00:00+00:00~bogus~1", "x~visit~1", "~~", "9" * 500])
def test_a_nonsense_page_key_gives_the_first_page(client_for, alice, ruby, key):
    client = client_for(alice)
    assert titles(client.get("/news/", {"after": key}).content.decode()) == titles(client.get("/news/").content.decode())


def test_the_pages_queries_do_not_grow_with_the_children_or_the_news(client_for, alice, bea, sam, django_assert_max_num_queries):
    client = client_for(alice)
    children = hold(alice, sam, 2)
    busy_day(bea, children)
    client.get("/news/")
    with CaptureQueriesContext(connection) as few:
        client.get("/news/")
    children += hold(alice, sam, 8)
    busy_day(bea, children)
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/news/").content.decode()
    with CaptureQueriesContext(connection) as many:
        client.get("/news/")
    assert len(titles(page)) == feed.PAGE_SIZE
    assert len(many) == len(few)


def test_the_landing_page_shows_the_newest_unread_with_a_count(client_for, alice, bea, sam, ruby):
    busy_day(bea, hold(alice, sam, 3))
    page = client_for(alice).get("/casework/").content.decode()
    panel = page[page.index('id="new-for-you"'):page.index("See everything new for you")]
    assert "10 unread" in panel and len(titles(panel)) == feed.PANEL_SIZE and "The newest 5 shown" in panel
    assert 'name="back" value="my-children"' in panel


def test_the_landing_pages_queries_do_not_grow_with_the_news(client_for, alice, bea, sam, ruby):
    client = client_for(alice)
    busy_day(bea, [ruby])
    client.get("/casework/")
    with CaptureQueriesContext(connection) as few:
        client.get("/casework/")
    busy_day(bea, hold(alice, sam, 6))
    with CaptureQueriesContext(connection) as many:
        client.get("/casework/")
    assert len(many) <= len(few), "the panel describes its five items with a query for each kind among them, whatever the number"


def test_the_landing_page_names_the_news_children_in_its_one_event(client_for, alice, bea, mo, ruby):
    from journey.casework.actions import allocate

    allocate(ruby.episodes.get(), worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    client_for(alice).get("/casework/")
    [event] = AuditEvent.objects.filter(action=Action.READ, user=alice, child=None)
    assert event.after == {"children": [ruby.pk]}, "Ruby is no longer hers, but the news that she was handed on names her"


def test_the_panel_is_on_the_first_page_of_my_children_only(client_for, alice, bea, ruby):
    busy_day(bea, [ruby])
    client = client_for(alice)
    assert 'id="new-for-you"' in client.get("/casework/").content.decode()
    assert 'id="new-for-you"' not in client.get("/casework/?page=2").content.decode()


def test_nothing_unread_says_so_on_the_landing_page(client_for, alice, ruby):
    client = client_for(alice)
    client.post("/news/read/", {"up_to": feed.unread(alice).up_to.isoformat(), "back": "my-children"})
    page = client.get("/casework/").content.decode()
    assert "Nothing unread about your children." in page and "Your news is marked as read" in page
