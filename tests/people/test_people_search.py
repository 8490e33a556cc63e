"""Finding a child on the find-a-child page: every child matching what the worker typed, on any one detail or any
mix, best first with the reasons; nicknames both ways, slips in both names at once; restricted children hidden from
those who may not find them; at most 25 shown, with a note when more match."""
from datetime import date

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child, move_address, update_child_details
from journey.people.matching import Given
from journey.people.models import Child, Person
from journey.people.search import search_children
from journey.people.spellings import differences

pytestmark = pytest.mark.django_db

BORN = date(2015, 4, 3)
NHS = "9434765919"
UPN = "A123456789012"


@pytest.fixture
def libby(sam) -> Child:
    """Libby Palmer: on record with her NHS number and UPN, living at 4 Oak Lane, once at 9 Ash Way."""
    child = create_child(
        acting_user=sam, first_name="Libby", last_name="Palmer", date_of_birth=BORN, sex="F", nhs_number=NHS, upn=UPN,
        address_line_1="9 Ash Way", town="Northfield", postcode="NF5 6EF",
    )
    move_address(child.person, acting_user=sam, line_1="4 Oak Lane", town="Northfield", postcode="NF1 2AB", moved_in_on=date(2024, 1, 1))
    return child


@pytest.fixture
def oliver(sam) -> Child:
    """Oliver Brown: shares nothing with Libby."""
    return create_child(
        acting_user=sam, first_name="Oliver", last_name="Brown", date_of_birth=date(2011, 9, 22), sex="M",
        address_line_1="80 High Street", town="Southby", postcode="SB9 8XY",
    )


def search(children=None, **given):
    return search_children(Given(**given), Child.objects.all() if children is None else children)


def found(**given) -> list[Child]:
    return [candidate.child for candidate in search(**given).candidates]


def reasons(**given) -> list[str]:
    [candidate] = search(**given).candidates
    return candidate.reasons


class TestEachDetailAlone:
    def test_a_family_name_alone_finds_the_child(self, libby, oliver):
        assert found(last_name="Palmer") == [libby]

    def test_a_first_name_alone_finds_the_child(self, libby, oliver):
        assert found(first_name="Libby") == [libby]

    def test_a_known_as_name_counts_as_a_first_name(self, sam, oliver):
        child = create_child(acting_user=sam, first_name="Katarzyna", last_name="Nowak", known_as="Kasia")
        assert found(first_name="Kasia") == [child]
        assert reasons(first_name="Kasia") == ["First name matches"]

    def test_a_former_family_name_counts_as_a_family_name(self, sam, libby):
        update_child_details(libby, acting_user=sam, last_name="Okafor")
        assert found(last_name="Palmer") == [libby]
        assert reasons(last_name="Palmer") == ["Former family name matches"]

    def test_a_first_name_from_a_former_whole_name_counts(self, sam, libby):
        update_child_details(libby, acting_user=sam, first_name="Elizabeth")
        assert found(first_name="Libby") == [libby]

    def test_a_date_of_birth_alone_finds_the_child(self, libby, oliver):
        assert found(date_of_birth=BORN) == [libby]

    def test_a_postcode_alone_finds_who_lives_there_and_who_lived_there(self, libby, oliver):
        assert found(postcode="nf1 2ab") == [libby]
        assert reasons(postcode="NF5 6EF") == ["Has lived at the postcode given"]

    def test_an_nhs_number_alone_finds_the_child(self, libby, oliver):
        assert found(nhs_number="943 476 5919") == [libby]

    def test_a_upn_alone_finds_the_child(self, libby, oliver):
        assert found(upn="a123 4567 89012") == [libby]
        assert reasons(upn=UPN) == ["UPN matches"]

    def test_a_detail_that_matches_nobody_finds_nobody(self, libby, oliver):
        assert found(last_name="Zielinski") == []
        assert found(postcode="ZZ9 9ZZ") == []


class TestNamesMatchedNearly:
    def test_a_nickname_finds_the_full_name(self, sam):
        isabel = create_child(acting_user=sam, first_name="Isabel", last_name="Hughes")
        isobel = create_child(acting_user=sam, first_name="Isobel", last_name="Hughes")
        assert set(found(first_name="Izzy", last_name="Hughes")) == {isabel, isobel}

    def test_a_full_name_finds_the_nickname(self, sam):
        izzy = create_child(acting_user=sam, first_name="Izzy", last_name="Hughes")
        kasia = create_child(acting_user=sam, first_name="Kasia", last_name="Nowak")
        assert found(first_name="Isabella", last_name="Hughes") == [izzy]
        assert found(first_name="Katarzyna") == [kasia]
        assert reasons(first_name="Katarzyna") == ["First name is a known variant"]

    def test_accents_need_not_be_typed(self, sam):
        child = create_child(acting_user=sam, first_name="Małgorzata", last_name="Wiśniewska")
        assert found(first_name="Malgorzata", last_name="Wisniewska") == [child]
        assert found(first_name="Gosia") == [child]

    def test_slips_in_both_names_at_once(self, libby, oliver):
        assert found(first_name="Libbie", last_name="Palmar") == [libby]

    def test_a_swapped_pair_of_letters_in_a_short_name(self, sam):
        child = create_child(acting_user=sam, first_name="Ruby", last_name="Smith")
        assert found(last_name="Smtih") == [child]
        assert reasons(last_name="Smtih") == ["Family name is spelled similarly"]

    def test_a_name_that_sounds_the_same(self, sam):
        child = create_child(acting_user=sam, first_name="Muhammad", last_name="Smyth")
        assert found(first_name="Mohammed", last_name="Smith") == [child]

    def test_a_different_name_sharing_a_few_letters_is_not_a_slip(self, sam):
        create_child(acting_user=sam, first_name="William", last_name="Hughes")
        assert found(first_name="Liam") == []


class TestDetailsTogether:
    def test_every_detail_given_must_match(self, sam, libby):
        sister = create_child(acting_user=sam, first_name="Grace", last_name="Palmer", date_of_birth=date(2018, 8, 19))
        assert found(last_name="Palmer", date_of_birth=BORN) == [libby]
        assert set(found(last_name="Palmer")) == {libby, sister}

    def test_a_date_of_birth_with_day_and_month_swapped_still_matches_but_ranks_lower(self, sam, libby):
        twin = create_child(acting_user=sam, first_name="Lily", last_name="Palmer", date_of_birth=date(2015, 3, 4))
        assert found(last_name="Palmer", date_of_birth=BORN) == [libby, twin]
        assert search(last_name="Palmer", date_of_birth=BORN).candidates[1].reasons == ["Family name matches", "Date of birth nearly matches"]

    def test_the_exact_match_ranks_above_the_near_ones(self, sam, libby):
        near = create_child(acting_user=sam, first_name="Libbie", last_name="Palmar", date_of_birth=BORN)
        assert found(first_name="Libby", last_name="Palmer") == [libby, near]

    def test_an_nhs_number_that_matches_finds_the_child_whatever_the_name(self, libby):
        assert found(first_name="Jane", last_name="Doe", nhs_number=NHS) == [libby]

    def test_an_nhs_number_that_differs_rules_the_child_out(self, libby):
        assert found(first_name="Libby", last_name="Palmer", nhs_number="4010232137") == []

    def test_a_child_with_no_nhs_number_on_record_is_not_ruled_out_by_one(self, sam):
        child = create_child(acting_user=sam, first_name="Amy", last_name="Jones")
        assert found(first_name="Amy", last_name="Jones", nhs_number=NHS) == [child]


class TestHowManyAreShown:
    def test_a_search_matching_more_than_are_shown_says_so_and_shows_the_best(self, sam):
        for first_name in ("Amy", "Ben", "Cara", "Dan"):
            create_child(acting_user=sam, first_name=first_name, last_name="Hughes")
        found = search_children(Given(last_name="Hughes"), Child.objects.all(), shown=3)
        assert found.more is True
        assert [c.child.person.first_name for c in found.candidates] == ["Amy", "Ben", "Cara"]

    def test_near_matches_fill_the_page_when_few_match_exactly(self, sam):
        exact = create_child(acting_user=sam, first_name="Amy", last_name="Hughes")
        near = create_child(acting_user=sam, first_name="Ben", last_name="Hughs")
        found = search_children(Given(last_name="Hughes"), Child.objects.all(), shown=3)
        assert ([c.child for c in found.candidates], found.more) == ([exact, near], False)

    def test_nothing_given_finds_nothing(self, libby):
        assert search().candidates == []


class TestWhoMayBeFound:
    @pytest.fixture
    def ava(self, sam, alice) -> Child:
        """Ava Palmer: restricted, with a child in need episode allocated to Alice in Team A."""
        child = create_child(acting_user=sam, first_name="Ava", last_name="Palmer", date_of_birth=BORN, upn="A123456789012")
        child.is_restricted = True
        child.save()
        open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today(), acting_user=sam, worker=alice)
        return child

    @pytest.mark.parametrize("detail", [{"last_name": "Palmer"}, {"first_name": "Ava"}, {"date_of_birth": BORN}, {"upn": UPN},
                                        {"first_name": "Eva", "last_name": "Palmar"}])
    def test_a_restricted_child_is_hidden_from_a_worker_without_access(self, charlie, ava, detail):
        assert search(Child.objects.matchable_by(charlie), **detail).candidates == []

    def test_the_allocated_worker_finds_her_restricted_child(self, alice, ava):
        assert [c.child for c in search(Child.objects.matchable_by(alice), last_name="Palmer").candidates] == [ava]


def test_the_spellings_kept_for_searching_follow_every_change(sam, libby):
    """On PostgreSQL the database keeps the names' spellings (migration 0006); elsewhere they are read each time."""
    update_child_details(libby, acting_user=sam, last_name="Okafor", known_as="Libs")
    create_child(acting_user=sam, first_name="Zofia", last_name="Nowak", former_names="Kowalska, Zofia Lewandowska")
    update_child_details(libby, acting_user=sam, known_as="Bee")
    assert differences() == set()
    parent = Person.objects.create(first_name="Wanda", last_name="Zielinski", former_names="Wanda Quist")
    parent.delete()
    assert differences() == set()


def test_the_database_ranks_as_the_scorer_does(sam):
    """When more match than are shown, the likeliest are the ones the database hands over to be scored, not the first
    in name order."""
    create_child(acting_user=sam, first_name="Zac", last_name="Palmer")
    best = create_child(acting_user=sam, first_name="Zak", last_name="Palmer")
    result = search_children(Given(first_name="Zak", last_name="Palmar"), Child.objects.all(), shown=1)
    assert ([c.child for c in result.candidates], result.more) == ([best], True)
