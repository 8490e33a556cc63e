"""Ruby's chronology, assembled from every app's entries, then ordered and filtered."""
from journey.chronology.build import ChronologyFilter, agencies_in, chronology_for, filter_entries


def test_it_holds_every_agencys_entries_newest_first(ruby):
    entries = chronology_for(ruby)
    titles = [e.title for e in entries]
    assert titles.index("Visit: child seen alone") < titles.index("Contact from Northfield Police")
    assert [e.occurred_at for e in entries] == sorted((e.occurred_at for e in entries), reverse=True)


def test_oldest_first_reverses_the_order(ruby):
    entries = chronology_for(ruby)
    oldest = filter_entries(entries, ChronologyFilter(oldest_first=True))
    assert oldest == list(reversed(entries))
    assert oldest[0].title == "Contact from Northfield Police"


def test_it_filters_by_agency(ruby):
    entries = chronology_for(ruby)
    assert "Northfield Police" in agencies_in(entries)
    police = filter_entries(entries, ChronologyFilter(agencies=frozenset({"Northfield Police"})))
    assert [e.kind for e in police] == ["contact"]


def test_it_filters_by_kind(ruby):
    visits = filter_entries(chronology_for(ruby), ChronologyFilter(kinds=frozenset({"visit", "episode"})))
    assert {e.kind for e in visits} == {"visit", "episode"}
    assert len(visits) == 2


def test_significant_only_keeps_flagged_entries(ruby, alice):
    from journey.chronology.actions import flag_entry_significant

    visit = next(e for e in chronology_for(ruby) if e.kind == "visit")
    flag_entry_significant(ruby, visit.key, acting_user=alice, reason="First time Ruby spoke about school.")
    significant = filter_entries(chronology_for(ruby), ChronologyFilter(significant_only=True))
    assert [e.key for e in significant] == [visit.key]
