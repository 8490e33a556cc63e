"""The Caldicott guardian's page of break-glass uses: every emergency opening in a period, who, whose and why, for
the guardian alone; the children named on it are logged as shown."""
import html
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.access.actions import break_glass
from journey.access.models import BreakGlass
from journey.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

REASON = "Police report Ruby missing tonight; need her address history."
URL = "/access/break-glass/"


@pytest.fixture
def charlie_broke_glass(charlie, ruby):
    return break_glass(ruby, acting_user=charlie, reason=REASON)


def test_the_caldicott_guardian_lands_on_the_uses_to_review(client_for, carol):
    response = client_for(carol).get("/")

    assert response.status_code == 302 and response["Location"] == URL


def test_the_guardian_sees_who_opened_whose_record_and_why(client_for, carol, charlie_broke_glass):
    page = html.unescape(client_for(carol).get(URL).content.decode())

    assert "Charlie Cole (charlie)" in page and "Child in Need Team B" in page
    assert f"Ruby Smith (child {charlie_broke_glass.child_id})" in page
    assert REASON in page and "Open now" in page
    assert "1 use by 1 person in the last 28 days." in page


def test_the_children_named_are_logged_as_shown_to_the_guardian(client_for, carol, charlie_broke_glass):
    client_for(carol).get(URL)

    event = AuditEvent.objects.filter(user=carol, what="break-glass uses").get()
    assert event.after == {"children": [charlie_broke_glass.child_id]}


def test_the_period_chooses_which_uses_show(client_for, carol, charlie_broke_glass):
    charlie_broke_glass.at = timezone.now() - timedelta(days=20)
    charlie_broke_glass.save()

    assert REASON not in html.unescape(client_for(carol).get(URL, {"days": "7"}).content.decode())
    assert REASON in html.unescape(client_for(carol).get(URL, {"days": "28"}).content.decode())


@pytest.mark.parametrize("nonsense", ["0", "-1", "x" * 500, "99999999999"])
def test_a_nonsense_period_shows_the_last_28_days(client_for, carol, charlie_broke_glass, nonsense):
    response = client_for(carol).get(URL, {"days": nonsense})

    assert response.status_code == 200
    assert "in the last 28 days" in response.content.decode()


@pytest.mark.parametrize("persona", ["alice", "mo", "helen", "charlie", "sam", "officer", "teacher", "admin_user"])
def test_no_one_else_sees_the_uses(request, client_for, police, charlie_broke_glass, persona):
    response = client_for(request.getfixturevalue(persona)).get(URL)

    assert response.status_code == 403
    assert REASON not in response.content.decode()
    assert BreakGlass.objects.count() == 1
