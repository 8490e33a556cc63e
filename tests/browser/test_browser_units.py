"""A social work unit in Chromium: Olu, Oak's consultant social worker, goes from the team queue to the unit's page,
records the weekly meeting discussing Maya and Noah (first saving it empty, to see the errors), and both
chronologies show their entry; the unit's pages, the form with its errors among them, have no failure axe can detect."""
import pytest

from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations
from tests.practice.conftest import kit, lin, maya, noah, oak, olu, pip, sana, unit_oak  # noqa: F401  (fixtures: Oak and its children)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_consultant_records_a_unit_meeting_discussing_two_children_and_both_chronologies_show_it(sign_in, unit_oak, oak, maya, noah):
    from journey.practice.models import UnitMeeting

    found = {}
    consultant = sign_in("olu")
    consultant.goto("/casework/team/")
    consultant.get_by_role("link", name="Social Work Unit: Oak: the unit's children and meetings").click()
    consultant.get_by_role("heading", name="Social Work Unit: Oak").wait_for()
    found["unit page"] = violations(consultant)
    consultant.get_by_role("link", name="Record a unit meeting").click()
    found["unit meeting form"] = violations(consultant)
    consultant.get_by_role("button", name="Save unit meeting").click()
    found["unit meeting form with errors"] = violations(consultant)
    assert consultant.get_by_text("Choose who from the unit attended").count() >= 1
    for member in ("Olu Okafor, Consultant social worker", "Sana Sheikh, Social worker", "Lin Lee, Clinician"):
        consultant.get_by_label(member).check()
    row = consultant.get_by_role("group", name="Child 1")
    row.get_by_label("Child discussed").select_option(label=f"Maya Moss (born {maya.date_of_birth:%-d %B %Y})")
    row.get_by_label("What was discussed").fill("Maya is settling at school; Mum missed two appointments.")
    row.get_by_label("What was agreed (optional)").fill("Start life story work")
    row.get_by_label("Who will do it (needed when something was agreed)").select_option(label="Pip Price")
    row = consultant.get_by_role("group", name="Child 2")
    row.get_by_label("Child discussed").select_option(label=f"Noah North (born {noah.date_of_birth:%-d %B %Y})")
    row.get_by_label("What was discussed").fill("Noah's dad has moved back in.")
    consultant.get_by_role("button", name="Save unit meeting").click()
    consultant.get_by_role("heading", name=f"Unit meeting on {today():%-d %B %Y}").wait_for()
    found["unit meeting page"] = violations(consultant)
    assert UnitMeeting.objects.get().entries.count() == 2
    worker = sign_in("sana")
    for child, said in ((maya, "Maya is settling at school; Mum missed two appointments."), (noah, "Noah's dad has moved back in.")):
        worker.goto(f"/children/{child.pk}/")
        assert worker.get_by_text(said).count() >= 1
    assert {path: v for path, v in found.items() if v} == {}
