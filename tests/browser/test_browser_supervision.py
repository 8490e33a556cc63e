"""Supervision in Chromium: Mo records Alice's supervision discussing Ruby and Leo (adding Leo's row with "Add another
child", giving an alternative hypothesis for Ruby and none for Leo), and both chronologies show the decisions, never
the private reflection; the supervision pages, the form with its errors among them, have no failure axe can detect."""
from datetime import timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child
from tests.browser.test_browser_accessibility import violations


@pytest.fixture
def leo(alice, sam):
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_records_a_supervision_of_two_children_and_both_chronologies_show_the_decisions(sign_in, ruby, leo, alice, mo, bea):
    from journey.practice.models import SupervisionSession

    found = {}
    manager = sign_in("mo")
    manager.goto("/practice/supervision/")
    found["supervision list"] = violations(manager)
    manager.get_by_role("link", name="Record supervision of Alice Akers").click()
    found["supervision form"] = violations(manager)
    manager.get_by_role("button", name="Save supervision").click()
    found["supervision form with errors"] = violations(manager)
    row = manager.get_by_role("group", name="Child 1")
    row.get_by_label("Child discussed").select_option(label=f"Ruby Smith (born {ruby.date_of_birth:%-d %B %Y})")
    row.get_by_label("What else could explain what we see? (optional)").fill("Ruby may be caring for the baby.")
    row.get_by_label("How are you feeling about this family? (optional)").fill("I dread these visits.")
    row.get_by_label("Decision (optional)").fill("Visit weekly until the review")
    row.get_by_label("Who is responsible (needed for a decision)").select_option(label="Alice Akers")
    manager.get_by_role("button", name="Add another child").click()
    row = manager.get_by_role("group", name="Child 2")
    row.get_by_label("Child discussed").select_option(label=f"Leo Jones (born {leo.date_of_birth:%-d %B %Y})")
    row.get_by_label("Decision (optional)").fill("See Leo at nursery")
    row.get_by_label("Who is responsible (needed for a decision)").select_option(label="Bea Brown")
    manager.get_by_role("button", name="Save supervision").click()
    manager.get_by_role("heading", name=f"Supervision on {today():%-d %B %Y}").wait_for()
    assert manager.get_by_text("No alternative hypothesis was given").count() == 1
    found["session page"] = violations(manager)
    assert SupervisionSession.objects.count() == 1
    worker = sign_in("alice")
    for child, decision in ((ruby, "Visit weekly until the review"), (leo, "See Leo at nursery")):
        worker.goto(f"/children/{child.pk}/")
        assert worker.get_by_text(f"Supervision decision: {decision}").count() >= 1
        assert worker.get_by_text("I dread these visits").count() == 0
    assert {path: v for path, v in found.items() if v} == {}
