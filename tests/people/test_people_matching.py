"""Finding a child already on record before a new one is made: the screener sees who may be the child the
referrer described, best first, each with the reasons it matched, and only among children they may see."""
from datetime import date

import pytest
from django.db import connection

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people import matching
from journey.people.actions import create_child, move_address
from journey.people.matching import SHOW_THRESHOLD, Given, find_existing_children
from journey.people.models import Child

pytestmark = pytest.mark.django_db

NHS = "9434765919"
OTHER_NHS = "4010232137"  # also passes the modulus 11 check: 4x10 + 1x8 + 2x6 + 3x5 + 2x4 + 1x3 + 3x2 = 92; 11 - 92 mod 11 = 7
BORN = date(2015, 4, 3)


@pytest.fixture
def william(sam) -> Child:
    """William Hughes: on record with his NHS number, living at 4 Oak Lane."""
    return create_child(
        acting_user=sam, first_name="William", last_name="Hughes", date_of_birth=BORN, sex="M", nhs_number=NHS,
        address_line_1="4 Oak Lane", town="Northfield", postcode="NF1 2AB",
    )


@pytest.fixture
def unrelated(sam) -> Child:
    """Oliver Brown: shares nothing with William."""
    return create_child(
        acting_user=sam, first_name="Oliver", last_name="Brown", date_of_birth=date(2011, 9, 22), sex="M",
        address_line_1="80 High Street", town="Southby", postcode="SB9 8XY",
    )


def search(children=None, **given) -> list:
    return find_existing_children(Given(**given), Child.objects.all() if children is None else children)


def found(candidates) -> list[Child]:
    return [c.child for c in candidates]


def the_one(candidates, child):
    return next(c for c in candidates if c.child == child)


def test_it_finds_a_child_by_exact_details_and_says_why(william, unrelated):
    candidates = search(first_name="William", last_name="Hughes", date_of_birth=BORN, postcode="nf1 2ab")
    assert found(candidates) == [william]
    assert candidates[0].reasons == [
        "Family name matches", "First name matches", "Date of birth matches", "Lives at the postcode given"
    ]


def test_it_finds_a_child_by_a_nickname(william):
    candidates = search(first_name="Bill", last_name="Hughes", date_of_birth=BORN)
    assert found(candidates) == [william]
    assert "First name is a known variant" in candidates[0].reasons


def test_it_finds_a_child_despite_a_typing_slip_in_the_family_name(sam):
    ruby = create_child(acting_user=sam, first_name="Ruby", last_name="Smith", date_of_birth=BORN)
    candidates = search(first_name="Ruby", last_name="Smtih", date_of_birth=BORN)
    assert found(candidates) == [ruby]
    assert "Family name is spelled similarly" in candidates[0].reasons


def test_it_finds_a_child_who_sounds_the_same(sam):
    child = create_child(acting_user=sam, first_name="Muhammad", last_name="Smyth", date_of_birth=BORN)
    candidates = search(first_name="Mohammed", last_name="Smith", date_of_birth=BORN)
    assert found(candidates) == [child]
    assert candidates[0].reasons == ["Family name sounds the same", "First name sounds the same", "Date of birth matches"]


def test_it_finds_a_child_by_nhs_number_alone_under_a_different_name(william, unrelated):
    candidates = search(first_name="Liam", last_name="Jones", nhs_number="943-476-5919")
    assert found(candidates) == [william]
    assert candidates[0].reasons == ["NHS number matches"]
    assert candidates[0].score >= SHOW_THRESHOLD


def test_it_finds_a_child_whose_date_of_birth_was_given_day_and_month_swapped(william):
    candidates = search(first_name="William", last_name="Hughes", date_of_birth=date(2015, 3, 4))
    assert found(candidates) == [william]
    assert "Date of birth nearly matches" in candidates[0].reasons
    exact = the_one(search(first_name="William", last_name="Hughes", date_of_birth=BORN), william)
    assert candidates[0].score < exact.score


def test_it_finds_a_child_by_a_former_family_name(sam):
    maya = create_child(acting_user=sam, first_name="Maya", last_name="Okafor", former_names="Brown, Browne", date_of_birth=BORN)
    candidates = search(first_name="Maya", last_name="Browne")
    assert found(candidates) == [maya]
    assert "Former family name matches" in candidates[0].reasons


def test_it_finds_a_child_by_an_old_postcode_in_their_address_history(sam, william):
    move_address(william.person, acting_user=sam, line_1="9 Ash Way", town="Northfield", postcode="NF5 6EF", moved_in_on=date(2024, 1, 1))

    candidates = search(first_name="William", last_name="Hughes", postcode="NF1 2AB")

    assert found(candidates) == [william]
    assert "Has lived at the postcode given" in candidates[0].reasons
    at_current = the_one(search(first_name="William", last_name="Hughes", postcode="NF5 6EF"), william)
    assert "Lives at the postcode given" in at_current.reasons
    assert at_current.score > candidates[0].score


def test_it_ranks_the_exact_match_above_a_sibling_at_the_same_address(sam, william):
    sister = create_child(
        acting_user=sam, first_name="Grace", last_name="Hughes", date_of_birth=date(2018, 8, 19), sex="F",
        address_line_1="4 Oak Lane", town="Northfield", postcode="NF1 2AB",
    )
    candidates = search(first_name="Grace", last_name="Hughes", date_of_birth=date(2018, 8, 19), postcode="NF1 2AB")
    assert found(candidates) == [sister, william]
    assert candidates[0].score > candidates[1].score
    assert candidates[1].reasons == ["Family name matches", "Lives at the postcode given"]


def test_it_does_not_show_an_unrelated_child(william, unrelated):
    candidates = search(first_name="William", last_name="Hughes", date_of_birth=BORN, nhs_number=NHS, postcode="NF1 2AB")
    assert unrelated not in found(candidates)


def test_a_different_nhs_number_lowers_the_score_and_says_so(william):
    details = {"first_name": "William", "last_name": "Hughes", "date_of_birth": BORN}
    without = the_one(search(**details), william)
    with_other = the_one(search(nhs_number=OTHER_NHS, **details), william)
    assert with_other.score == without.score - 30
    assert "NHS number differs" in with_other.reasons


def test_it_finds_nothing_when_nothing_was_given(william):
    assert search() == []


def test_it_returns_no_more_than_the_limit(sam):
    for first_name in ("Amy", "Ben", "Cara", "Dan"):
        create_child(acting_user=sam, first_name=first_name, last_name="Hughes", postcode="NF1 2AB", address_line_1="4 Oak Lane", town="Northfield")
    assert len(find_existing_children(Given(last_name="Hughes", postcode="NF1 2AB"), Child.objects.all(), limit=3)) == 3


@pytest.fixture
def restricted(sam, alice) -> Child:
    """Ava Hughes: restricted, with a child in need episode allocated to Alice in Team A."""
    child = create_child(acting_user=sam, first_name="Ava", last_name="Hughes", date_of_birth=BORN)
    child.is_restricted = True
    child.save()
    open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today(), acting_user=sam, worker=alice)
    return child


def test_it_searches_only_the_children_the_caller_may_see(charlie, restricted):
    candidates = search(Child.objects.visible_to(charlie), first_name="Ava", last_name="Hughes", date_of_birth=BORN)
    assert candidates == []


def test_the_allocated_team_finds_their_restricted_child(alice, restricted):
    candidates = search(Child.objects.visible_to(alice), first_name="Ava", last_name="Hughes", date_of_birth=BORN)
    assert found(candidates) == [restricted]


def test_a_name_alone_shows_nobody_since_it_cannot_reach_the_threshold(william):
    assert search(last_name="Hughes") == []
    assert search(first_name="William") == []


def test_when_more_are_caught_than_are_scored_the_likeliest_are_scored(sam, monkeypatch):
    """Dozens share a date of birth in a large authority; the pool scored is the likeliest, not the first by name."""
    for last_name in ("Adams", "Baker", "Carter"):
        create_child(acting_user=sam, first_name="Amy", last_name=last_name, date_of_birth=BORN)
    zara = create_child(acting_user=sam, first_name="Zara", last_name="Young", date_of_birth=BORN)
    monkeypatch.setattr(matching, "MAX_CANDIDATES", 2)
    assert found(search(first_name="Zara", last_name="Young", date_of_birth=BORN))[0] == zara


def test_the_search_indexes_are_there_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no trigram or pattern indexes; it searches by scanning")
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "people_person")
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() is not None
    assert {"person_former_names_trgm", "person_first_key_last_prefix", "person_name_keys"} <= set(indexes)


def test_the_front_door_suggests_a_child_named_by_a_nickname_from_journeys_own_list(sam):
    kasia = create_child(acting_user=sam, first_name="Katarzyna", last_name="Nowak", date_of_birth=BORN)
    isabel = create_child(acting_user=sam, first_name="Isabel", last_name="Hughes", date_of_birth=BORN)
    assert found(search(first_name="Kasia", last_name="Nowak", date_of_birth=BORN))[0] == kasia
    assert found(search(first_name="Izzy", last_name="Hughes", date_of_birth=BORN))[0] == isabel


def test_the_front_door_suggests_a_child_with_slips_in_both_names_when_the_date_of_birth_agrees(sam):
    libby = create_child(acting_user=sam, first_name="Libby", last_name="Palmer", date_of_birth=BORN)
    candidates = search(first_name="Libbie", last_name="Palmar", date_of_birth=BORN)
    assert found(candidates) == [libby]
    assert "Date of birth matches" in candidates[0].reasons


def test_the_front_door_still_suggests_nobody_on_one_name_or_a_weak_pair(sam):
    """The find page lists every child near a name; the front door suggests only likely children (SHOW_THRESHOLD)."""
    create_child(acting_user=sam, first_name="Libby", last_name="Palmer", date_of_birth=BORN)
    assert search(last_name="Palmer") == []
    assert search(first_name="Libby") == []
    assert search(first_name="Lilly", last_name="Palmar") == []
