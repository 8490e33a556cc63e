"""What an episode's changes leave in the audit log: ending an allocation (on closing or re-allocating) is a change
like any other, logged as the user who made it with the values before and after, even with no request."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import allocate, close_episode
from journey.lib.dates import today


def ending_of(allocation) -> AuditEvent:
    return AuditEvent.objects.get(
        action=Action.UPDATE, object_type="casework.allocation", object_id=str(allocation.pk), after__has_key="ended_on",
    )


def test_closing_an_episode_logs_the_end_of_its_allocation_as_the_closer(mo, ruby):
    episode = ruby.episodes.get()
    held = episode.allocations.get()
    close_episode(episode, ended_on=today(), reason="stepped_down", acting_user=mo)
    event = ending_of(held)
    assert (event.user, event.child) == (mo, ruby)
    assert (event.before, event.after) == ({"ended_on": None}, {"ended_on": today().isoformat()})


def test_re_allocating_logs_the_end_of_the_previous_allocation_as_the_manager(mo, bea, ruby):
    episode = ruby.episodes.get()
    previous = episode.allocations.get()
    allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    event = ending_of(previous)
    assert (event.user, event.before, event.after) == (mo, {"ended_on": None}, {"ended_on": today().isoformat()})
    created = AuditEvent.objects.get(action=Action.CREATE, object_type="casework.allocation", object_id=str(episode.allocations.get(ended_on=None).pk))
    assert created.user == mo and created.after["worker_id"] == bea.pk


def test_re_allocating_from_before_the_current_allocation_began_is_refused_on_the_start_date(mo, alice, bea, leo):
    episode = leo.episodes.get()  # opened a week ago with Alice; Bea takes it on today
    held = allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    with pytest.raises(ValidationError) as refused:
        allocate(episode, worker=alice, team=alice.team, started_on=today() - timedelta(days=1), acting_user=mo)
    assert "on or after the current allocation began" in refused.value.message_dict["started_on"][0]
    held.refresh_from_db()
    assert held.ended_on is None and episode.allocations.count() == 2


def test_the_allocation_page_answers_an_early_start_date_with_the_rule_not_an_error(client_for, mo, alice, bea, leo, date_fields):
    episode = leo.episodes.get()
    allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    response = client_for(mo).post(
        f"/casework/children/{leo.pk}/episodes/{episode.pk}/allocate/",
        {"worker": alice.pk, **date_fields("started_on", today() - timedelta(days=1))},
    )
    assert response.status_code == 200
    assert "Allocation must start on or after the current allocation began" in response.content.decode()


def test_closing_before_the_current_allocation_began_is_refused_on_the_end_date(mo, bea, leo):
    episode = leo.episodes.get()
    allocate(episode, worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    with pytest.raises(ValidationError) as refused:
        close_episode(episode, ended_on=today() - timedelta(days=1), reason="stepped_down", acting_user=mo)
    assert "on or after the current allocation began" in refused.value.message_dict["ended_on"][0]
    episode.refresh_from_db()
    assert episode.is_open
