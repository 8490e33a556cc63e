"""What casework tells the journey page about one child: the page takes who holds the child now from the open
episodes it already shows, so both must name the same allocations."""
from datetime import timedelta

from journey.casework.actions import allocate, change_by_when, close_episode, open_episode, start_assessment
from journey.casework.codes import ClosureReason, EpisodeKind
from journey.casework.queries import current_allocations, held_now, latest_assessment, open_episodes
from journey.lib.dates import today


def held(allocations) -> set[tuple[str, str]]:
    return {(allocation.episode.get_kind_display(), allocation.worker.username) for allocation in allocations}


def test_who_holds_the_child_now_is_the_same_from_the_open_episodes(mo, bea, alice, ruby):
    open_episode(ruby, kind=EpisodeKind.EARLY_HELP, started_on=today(), worker=bea, acting_user=mo)

    assert held(held_now(open_episodes(ruby))) == held(current_allocations(ruby)) == {
        ("Child in need", "alice"), ("Early help", "bea"),
    }


def test_a_handed_on_allocation_or_a_closed_episode_is_held_by_nobody_now(mo, bea, ruby):
    child_in_need = ruby.episodes.get()
    allocate(child_in_need, worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    assert held(held_now(open_episodes(ruby))) == held(current_allocations(ruby)) == {("Child in need", "bea")}

    close_episode(child_in_need, ended_on=today(), reason=ClosureReason.NEEDS_MET, acting_user=mo)
    assert held_now(open_episodes(ruby)) == current_allocations(ruby) == []


def test_the_current_by_when_is_the_latest_set_read_from_the_prefetched_dates(mo, alice, ruby, django_assert_num_queries):
    assessment = start_assessment(
        ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=20), due_reason="School holidays",
    )
    change_by_when(assessment, due_on=today() + timedelta(days=30), reason="Father back from abroad", acting_user=mo)

    latest = latest_assessment(ruby)
    with django_assert_num_queries(0):
        current = latest.current_by_when()

    assert (current.due_on, current.reason) == (today() + timedelta(days=30), "Father back from abroad")
