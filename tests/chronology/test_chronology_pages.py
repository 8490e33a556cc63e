"""Keyset pages of the chronology: walked forwards or backwards, in either order and under any filter, they hold
every matching entry once, in order, with no gaps or repeats, even when an entry is recorded mid-walk."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.casework.actions import record_visit
from journey.chronology.actions import record_significant_event
from journey.chronology.build import ChronologyFilter, chronology_for, filter_entries
from journey.chronology.read import Cursor, chronology_page, summary_of

pytestmark = pytest.mark.django_db

FILTERS = [
    ChronologyFilter(),
    ChronologyFilter(oldest_first=True),
    ChronologyFilter(kinds=frozenset({"visit"})),
    ChronologyFilter(kinds=frozenset({"visit", "contact"}), oldest_first=True),
    ChronologyFilter(significant_only=True),
    ChronologyFilter(agencies=frozenset({"Northfield Police"})),
]


@pytest.fixture
def busy_ruby(ruby, alice):
    """Ruby with 40 more entries, ten of them at the very same minute (ties broken by key)."""
    same_minute = timezone.now().replace(second=0, microsecond=0) - timedelta(days=5)
    for n in range(30):
        record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(days=n + 1, hours=n), child_seen=n % 2 == 0,
                     child_seen_alone=False)
    for _ in range(10):
        record_visit(ruby, acting_user=alice, visited_at=same_minute, child_seen=True, child_seen_alone=False)
    record_significant_event(ruby, acting_user=alice, occurred_at=same_minute, description="Moved school.")
    return ruby


def walk_forwards(child, chosen, size):
    pages, page = [], chronology_page(child, chosen, size=size)
    while True:
        pages.append(page)
        if page.next is None:
            return pages
        page = chronology_page(child, chosen, after=page.next, size=size)


@pytest.mark.parametrize("chosen", FILTERS)
@pytest.mark.parametrize("size", [1, 7, 50])
def test_pages_forwards_hold_every_entry_once_in_order(busy_ruby, chosen, size):
    expected = [e.key for e in filter_entries(chronology_for(busy_ruby), chosen)]
    pages = walk_forwards(busy_ruby, chosen, size)
    assert [e.key for page in pages for e in page.entries] == expected
    assert all(len(page.entries) == size for page in pages[:-1])
    assert {page.matching for page in pages} == {len(expected)}


@pytest.mark.parametrize("chosen", FILTERS)
def test_pages_backwards_retrace_the_pages_forwards(busy_ruby, chosen):
    forwards = walk_forwards(busy_ruby, chosen, 6)
    page, backwards = forwards[-1], [forwards[-1]]
    while page.previous is not None:
        page = chronology_page(busy_ruby, chosen, before=page.previous, size=6)
        backwards.append(page)
    assert [[e.key for e in p.entries] for p in reversed(backwards)] == [[e.key for e in p.entries] for p in forwards]


def test_an_entry_recorded_mid_walk_causes_no_repeat_or_gap_in_what_follows(busy_ruby, alice):
    first = chronology_page(busy_ruby, size=10)
    record_visit(busy_ruby, acting_user=alice, visited_at=timezone.now() - timedelta(minutes=5), child_seen=True, child_seen_alone=False)
    second = chronology_page(busy_ruby, after=first.next, size=10)
    before = [e.key for e in chronology_for(busy_ruby)]
    shown = [e.key for e in first.entries + second.entries]
    start = before.index(shown[0])
    assert shown == before[start:start + 20]


def test_the_summary_counts_every_entry_and_names_every_agency(busy_ruby):
    summary = summary_of(busy_ruby)
    assert summary.total == len(chronology_for(busy_ruby))
    assert summary.agencies == sorted({e.agency for e in chronology_for(busy_ruby)})


@pytest.mark.parametrize("text", ["", "abc", "=" * 10, "x" * 300, "MjAyNC0wMS0wMXxub3QgYSBrZXk", "MjAyNC0wMS0wMVQwMDowMDowMHx2aXNpdDox"])
def test_anything_but_a_cursor_decodes_to_none(text):
    assert Cursor.decode(text) is None


def test_a_cursor_round_trips(busy_ruby):
    entry = chronology_for(busy_ruby)[3]
    assert Cursor.decode(Cursor.of(entry).encode()) == Cursor.of(entry)
