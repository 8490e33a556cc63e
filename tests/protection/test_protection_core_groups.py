"""Core group meetings, rule by rule: a meeting takes forward this child's child protection plan while it runs (never
before it began, never after it ended, never another kind of plan); someone must have come; the child's worker, team
and managers record it, the chair and partners never; every refusal is named in one pass and nothing partial is
saved; the chronology shows it under its author, titled by the agencies that came."""
from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.casework.models import Plan
from journey.chronology.materialise import differences, stored_entries
from journey.lib.text import LONG_TEXT_MAX_LENGTH
from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
from journey.protection.models import CoreGroupMeeting, CoreGroupMember
from tests.protection.test_protection_conferences import make_plan

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def plan(enquiry, ruby, alice, chris, officer, council) -> Plan:
    """Ruby's child protection plan, made by her initial conference today."""
    return make_plan(enquiry, ruby, alice, chris, officer, council).plan


def meeting(**changes) -> Meeting:
    given = {"held_on": TODAY, "starts_at": time(15, 30), "progress": "Mum has been home by 3:30 every day.",
             "childs_views": "Ruby told her teacher she likes tea with Mum.", "decisions": "Health visitor to check on the baby by Friday."}
    return Meeting(**(given | changes))


def members(council, health, officer) -> list[Member]:
    return [Member("Alice Akers", council, "Social worker"), Member("Hana Hill", health, "Health visitor"),
            Member("Priya Patel", officer.agency, email=officer.email, sent_apologies=True)]


def _refusal(plan, ruby, user, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        record_core_group_meeting(plan, child=ruby, acting_user=user, **({"record": meeting(), "members": []} | kwargs))
    return refused.value.message_dict


def test_the_worker_records_a_meeting_with_who_came_and_who_sent_apologies(plan, ruby, alice, council, health, officer):
    made = record_core_group_meeting(plan, child=ruby, record=meeting(), members=members(council, health, officer), acting_user=alice)
    assert made.plan == plan and made.episode == plan.episode and made.recorded_by == alice
    assert [(m.name, m.sent_apologies) for m in made.members.all()] == [("Alice Akers", False), ("Hana Hill", False), ("Priya Patel", True)]
    assert made.members.get(name="Priya Patel").user == officer


def test_the_manager_may_record_one(plan, ruby, mo, council):
    assert record_core_group_meeting(plan, child=ruby, record=meeting(), members=[Member("Mo Malik", council)], acting_user=mo)


@pytest.mark.parametrize("who", ["chris", "charlie", "officer"])
def test_the_chair_an_uninvolved_worker_and_a_partner_may_not_record_one(request, plan, ruby, council, who):
    with pytest.raises(ValidationError) as refused:
        record_core_group_meeting(plan, child=ruby, record=meeting(), members=[Member("Alice Akers", council)], acting_user=request.getfixturevalue(who))
    assert "Only the child's worker" in refused.value.messages[0]
    assert not CoreGroupMeeting.objects.exists()


def test_a_meeting_before_the_plan_began_is_refused(plan, ruby, alice, council):
    errors = _refusal(plan, ruby, alice, record=meeting(held_on=TODAY - timedelta(days=1)), members=[Member("Alice Akers", council)])
    assert errors == {"held_on": [f"The meeting cannot be held before the plan began ({plan.started_on:%-d %B %Y})"]}


def test_a_meeting_after_the_plan_ended_is_refused(plan, ruby, alice, council):
    Plan.objects.filter(pk=plan.pk).update(started_on=TODAY - timedelta(days=30), ended_on=TODAY - timedelta(days=2))
    plan.refresh_from_db()
    errors = _refusal(plan, ruby, alice, record=meeting(held_on=TODAY - timedelta(days=1)), members=[Member("Alice Akers", council)])
    assert errors == {"held_on": [f"The meeting cannot be held after the plan ended ({plan.ended_on:%-d %B %Y})"]}
    on_the_last_day = record_core_group_meeting(plan, child=ruby, record=meeting(held_on=plan.ended_on), members=[Member("Alice Akers", council)],
                                                acting_user=alice)
    assert on_the_last_day.held_on == plan.ended_on


def test_only_a_child_protection_plan_has_a_core_group(ruby, alice, council):
    episode = ruby.episodes.get()
    child_in_need = Plan.objects.create(child=ruby, episode=episode, kind="child_in_need", started_on=episode.started_on, author=alice,
                                        what_needs_to_change="Jo to attend the parenting group.")
    errors = _refusal(child_in_need, ruby, alice, members=[Member("Alice Akers", council)])
    assert errors == {"plan": ["A core group meeting takes forward this child's child protection plan"]}


def test_another_childs_plan_is_refused(plan, alice, sam, team_a, council):
    from journey.casework.actions import open_episode
    from journey.people.actions import create_child

    max_ = create_child(acting_user=sam, first_name="Max", last_name="Smith", date_of_birth=TODAY - timedelta(days=5 * 366))
    open_episode(max_, "child_in_need", started_on=TODAY - timedelta(days=10), acting_user=sam, worker=alice, team=team_a)
    errors = _refusal(plan, max_, alice, members=[Member("Alice Akers", council)])
    assert errors == {"plan": ["A core group meeting takes forward this child's child protection plan"]}


def test_someone_must_have_come(plan, ruby, alice, council):
    errors = _refusal(plan, ruby, alice, members=[Member("Alice Akers", council, sent_apologies=True)])
    assert errors == {"member_1_name": ["Add at least one person who came to the meeting"]}
    assert _refusal(plan, ruby, alice, members=[]) == {"member_1_name": ["Add at least one person who came to the meeting"]}


def test_every_missing_answer_is_named_in_one_pass_and_nothing_is_saved(plan, ruby, alice, council, police):
    errors = _refusal(plan, ruby, alice, record=meeting(held_on=None, starts_at=None, progress=" ", decisions=""),
                      members=[Member("Alice Akers", council), Member("", None, number=3), Member("DS Khan", police, email="nobody@example.invalid")])
    assert errors == {
        "held_on": ["Enter the date of the meeting"], "starts_at": ["Enter the time the meeting began"],
        "progress": ["Enter what has changed against the plan"], "decisions": ["Enter what the core group decided and the next steps"],
        "member_3_name": ["Enter the name of member 3"], "member_3_agency": ["Select the agency of member 3"],
        "member_3_email": [
            "No one at Northfield Police uses Journey with that email address: leave it empty if member 3 does not use Journey",
        ],
    }
    assert not CoreGroupMeeting.objects.exists() and not CoreGroupMember.objects.exists()


def test_a_meeting_in_the_future_is_refused(plan, ruby, alice, council):
    errors = _refusal(plan, ruby, alice, record=meeting(held_on=TODAY + timedelta(days=1)), members=[Member("Alice Akers", council)])
    assert errors == {"held_on": ["Date of the meeting must be today or in the past"]}


def test_the_childs_views_are_optional(plan, ruby, alice, council):
    made = record_core_group_meeting(plan, child=ruby, record=meeting(childs_views=""), members=[Member("Alice Akers", council)], acting_user=alice)
    assert made.childs_views == ""


def test_a_text_over_its_bound_is_refused_by_name_and_nothing_is_saved(plan, ruby, alice, council):
    errors = _refusal(plan, ruby, alice, record=meeting(progress="x" * (LONG_TEXT_MAX_LENGTH + 1)), members=[Member("Alice Akers", council)])
    assert list(errors) == ["progress"]
    errors = _refusal(plan, ruby, alice, members=[Member("A" * 151, council)])
    assert errors == {"member_1_name": ["The name of member 1 must be 150 characters or fewer"]}
    assert not CoreGroupMeeting.objects.exists() and not CoreGroupMember.objects.exists()


def test_the_database_itself_refuses_a_meeting_without_progress_or_decisions(plan, ruby, alice):
    from django.db import IntegrityError, transaction

    for empty in ("progress", "decisions"):
        with pytest.raises(IntegrityError), transaction.atomic():
            CoreGroupMeeting.objects.create(child=ruby, plan=plan, episode=plan.episode, held_on=TODAY, starts_at=time(10), recorded_by=alice,
                                            **({"progress": "Better.", "decisions": "Carry on."} | {empty: ""}))


def test_the_chronology_shows_the_meeting_with_the_agencies_that_came_and_its_author(plan, ruby, alice, council, health, officer):
    made = record_core_group_meeting(plan, child=ruby, record=meeting(), members=members(council, health, officer), acting_user=alice)
    entry = next(e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "core_group")
    assert entry.title == f"Core group meeting: {council.name.lower()}, northfield community health"
    assert entry.author == "Alice Akers" and entry.summary == "Mum has been home by 3:30 every day."
    assert entry.url == f"/protection/children/{ruby.pk}/core-group/{made.pk}/"
    assert entry.occurred_at.astimezone().time() == time(15, 30)
    assert differences([ruby.pk]) == []


def test_the_chronology_follows_a_member_added_later(plan, ruby, alice, council, health):
    made = record_core_group_meeting(plan, child=ruby, record=meeting(), members=[Member("Alice Akers", council)], acting_user=alice)
    CoreGroupMember.objects.create(meeting=made, name="Hana Hill", agency=health)
    entry = next(e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "core_group")
    assert "northfield community health" in entry.title and differences([ruby.pk]) == []

