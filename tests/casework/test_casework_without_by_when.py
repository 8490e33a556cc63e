"""The manager's list of work without a 'by when': each piece of work under way carries its worker's date for the
child, and the manager sees the children whose work has none ahead (none set, or passed), or whose open episode has
nothing under way. No national deadline is applied; only managers of the team holding the child see it."""
from datetime import timedelta

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import start_assessment
from journey.casework.models import ByWhen, PlanStep
from journey.casework.plan_actions import PlanContent, Step, review_plan, write_plan
from journey.lib.dates import today
from tests.casework.managers import tariq  # noqa: F401  (fixture)

PAGE = "/casework/team/without-by-when/"
CONTENT = PlanContent(worries="Ruby misses school.", what_needs_to_change="Ruby goes to school every day.", contingency="We meet again.")


def _plan(ruby, alice, *, by_when):
    return write_plan(ruby.episodes.get(), kind="child_in_need", started_on=today(), content=CONTENT,
                      steps=[Step("Mum", "Walks Ruby to school.", by_when, "Before the school trip.")], acting_user=alice)


def _row(client, child) -> str:
    """The text of ``child``'s row on the page, or '' when they are not listed."""
    page = client.get(PAGE).content.decode()
    start = page.find(f'href="/children/{child.pk}/"')
    return page[start:page.find("</tr>", start)] if start >= 0 else ""


def test_an_open_episode_with_nothing_under_way_is_listed(client_for, mo, ruby):
    row = _row(client_for(mo), ruby)
    assert "Nothing under way" in row and "Alice Akers" in row


def test_an_assessment_with_a_by_when_ahead_takes_the_child_off_the_list(client_for, mo, alice, ruby):
    start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=20), due_reason="Before the review.")
    assert _row(client_for(mo), ruby) == ""


def test_an_assessment_whose_by_when_has_passed_is_listed_as_the_assessment(client_for, mo, alice, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today() - timedelta(days=30),
                                  due_on=today() - timedelta(days=1), due_reason="Before the holidays.")
    assert assessment.pk
    row = _row(client_for(mo), ruby)
    assert "Assessment" in row and "Nothing under way" not in row


def test_the_latest_by_when_counts_not_an_earlier_one(client_for, mo, alice, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today() - timedelta(days=30),
                                  due_on=today() + timedelta(days=5), due_reason="Soon.")
    ByWhen.objects.create(assessment=assessment, due_on=today() - timedelta(days=2), reason="Brought forward.", set_by=alice)
    assert "Assessment" in _row(client_for(mo), ruby)


def test_an_assessment_without_any_by_when_is_listed(client_for, mo, alice, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=5), due_reason="Soon.")
    assessment.by_when_dates.all().delete()  # as imported history may hold
    assert "Assessment" in _row(client_for(mo), ruby)


def test_a_plan_with_a_step_ahead_is_dated_and_one_whose_steps_have_all_passed_is_listed(client_for, mo, alice, ruby):
    plan = _plan(ruby, alice, by_when=today() + timedelta(days=14))
    assert _row(client_for(mo), ruby) == ""
    PlanStep.objects.filter(version__plan=plan).update(by_when=today() - timedelta(days=1))  # time passes
    assert "Plan" in _row(client_for(mo), ruby)


def test_only_the_latest_versions_steps_count(client_for, mo, alice, ruby):
    plan = _plan(ruby, alice, by_when=today() + timedelta(days=30))
    review_plan(plan, reviewed_on=today(), content=PlanContent(**{**vars(CONTENT), "review_note": "Better."}),
                steps=[Step("Mum", "Walks Ruby to school.", today() + timedelta(days=3), "Next week.")], acting_user=alice)
    PlanStep.objects.filter(version__plan=plan, version__number=2).update(by_when=today() - timedelta(days=1))
    assert "Plan" in _row(client_for(mo), ruby)


def test_work_that_ended_is_not_under_way(client_for, mo, alice, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today() - timedelta(days=9),
                                  due_on=today() - timedelta(days=1), due_reason="Soon.")
    assessment.completed_on = today()  # completed (its form's rules are tested with the assessment)
    assessment.save()
    _plan(ruby, alice, by_when=today() + timedelta(days=14))
    assert _row(client_for(mo), ruby) == ""


def test_the_page_is_linked_from_the_managers_team_queue_and_logs_the_children_shown(client_for, mo, ruby):
    assert PAGE in client_for(mo).get("/casework/team/").content.decode()
    client_for(mo).get(PAGE)
    event = AuditEvent.objects.filter(action=Action.READ, user=mo, what="work without a 'by when'").latest("sequence")
    assert event.after == {"children": [ruby.pk]}


def test_the_head_of_service_sees_the_teams_they_manage(client_for, helen, ruby):
    assert "Nothing under way" in _row(client_for(helen), ruby)


def test_another_teams_manager_sees_nothing_of_team_as_children(client_for, tariq, ruby):
    response = client_for(tariq).get(PAGE)
    assert response.status_code == 200 and _row(client_for(tariq), ruby) == ""


def test_workers_and_partners_are_refused(client_for, alice, bea, officer, chris):
    for user in (alice, bea, officer, chris):
        assert client_for(user).get(PAGE).status_code == 403, user.username
    assert "without-by-when" not in client_for(alice).get("/casework/team/").content.decode()


def test_only_get_is_answered(client_for, mo):
    assert client_for(mo).post(PAGE).status_code == 405


def test_the_page_comes_from_a_fixed_number_of_queries(client_for, mo, alice, ruby, django_assert_max_num_queries):
    client = client_for(mo)
    client.get(PAGE)
    with django_assert_max_num_queries(20):
        client.get(PAGE)
