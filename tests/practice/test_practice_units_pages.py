"""A unit's pages, each paired allow/deny: the unit's members (every role) and its manager line (Olu, its consultant,
and Helen above it) open its caseload, record its meeting and read it; a member of another unit, another team and
its manager, the chair and partners are refused alike, GET and POST, answered as for a missing id. The form keeps
what was typed, names each failure, adds a child row without JavaScript; the caseload shows each child's lead worker
and who did what last, from the record, in a fixed number of queries, and logs the children shown. Every member of
the unit records work on its children (a visit, a note); a member of another unit may not."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.casework.actions import record_visit
from journey.casework.models import CaseNote, Visit
from journey.lib.dates import today
from journey.practice.models import UnitMeeting
from journey.practice.unit_actions import Entry, record_unit_meeting

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
INSIDE = ["olu", "sana", "pip", "kit", "lin", "helen"]
OUTSIDE = ["ezra", "alice", "mo", "charlie", "chris", "officer", "teacher"]


def _same(one: bytes, other: bytes) -> bool:
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


@pytest.fixture
def date_fields():
    def fields(name: str, value) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields


def form(date_fields, unit_oak, maya, **changes) -> dict:
    data = {
        **date_fields("held_on", today()), "entry_rows": "2", "attendees": [str(unit_oak["olu"].pk), str(unit_oak["lin"].pk)],
        "entry_1": str(maya.pk), "entry_1_discussed": "Maya is settling at school.", "entry_1_agreed": "Start life story work",
        "entry_1_responsible": str(unit_oak["pip"].pk),
    }
    return data | changes


@pytest.fixture
def met(unit_oak, oak, maya, noah):
    return record_unit_meeting(oak, held_on=today() - timedelta(days=7), attendees=[unit_oak["olu"], unit_oak["sana"]], acting_user=unit_oak["olu"],
                               entries=[Entry(maya, "Mum missed the appointment."), Entry(noah, "Dad moved back in.", "Visit Dad", unit_oak["sana"])])


@pytest.mark.parametrize("who", INSIDE)
def test_the_unit_and_its_managers_open_its_caseload(client_for, request, unit_oak, oak, maya, noah, who):
    page = client_for(request.getfixturevalue(who)).get(f"/practice/units/{oak.pk}/")
    assert page.status_code == 200
    for text in (b"Maya Moss", b"Noah North", b"Consultant social worker", b"Children&#x27;s practitioner", b"Unit coordinator", b"Clinician"):
        assert text in page.content
    shown = AuditEvent.objects.filter(what="the unit's children").order_by("-pk").first()
    assert shown is not None and set(shown.after["children"]) == {maya.pk, noah.pk}


@pytest.mark.parametrize("who", OUTSIDE)
def test_no_one_else_opens_the_units_pages_and_is_answered_as_for_a_missing_unit(client_for, request, police, school, unit_oak, oak, met, maya,
                                                                                  date_fields, who):
    client = client_for(request.getfixturevalue(who))
    for real, missing in ((f"/practice/units/{oak.pk}/", f"/practice/units/{oak.pk + 999}/"),
                          (f"/practice/units/{oak.pk}/meetings/new/", f"/practice/units/{oak.pk + 999}/meetings/new/"),
                          (f"/practice/units/meetings/{met.pk}/", f"/practice/units/meetings/{met.pk + 999}/")):
        refused = client.get(real)
        assert refused.status_code == 403 and _same(refused.content, client.get(missing).content)
        assert b"Maya" not in refused.content
    assert client.post(f"/practice/units/{oak.pk}/meetings/new/", form(date_fields, unit_oak, maya)).status_code == 403
    assert UnitMeeting.objects.count() == 1


def test_a_team_that_is_not_a_unit_has_no_unit_page(client_for, mo, team_a):
    assert client_for(mo).get(f"/practice/units/{team_a.pk}/").status_code == 403


def test_the_caseload_shows_the_lead_worker_and_who_did_what_last(client_for, unit_oak, oak, maya, noah, met):
    record_visit(maya, acting_user=unit_oak["lin"], visited_at=timezone.now() - timedelta(hours=2), child_seen=True, child_seen_alone=True)
    page = client_for(unit_oak["kit"]).get(f"/practice/units/{oak.pk}/").content.decode()
    maya_row = page[page.index("Maya Moss"):page.index("Noah North")]
    assert "Sana Sheikh" in maya_row and "Visit" in maya_row and "Lin Lee" in maya_row
    noah_row = page[page.index("Noah North"):page.index("Unit meetings")]
    assert "Olu Okafor" in noah_row and "Unit meeting" in noah_row
    assert f'href="/practice/units/meetings/{met.pk}/"' in page


def test_the_caseload_takes_the_same_queries_however_many_children(client_for, django_assert_max_num_queries, unit_oak, oak, maya, noah, met, sam):
    from journey.casework.actions import open_episode
    from journey.casework.codes import EpisodeKind
    from journey.people.actions import create_child

    client = client_for(unit_oak["olu"])
    client.get(f"/practice/units/{oak.pk}/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(f"/practice/units/{oak.pk}/")
    for n in range(4):
        child = create_child(acting_user=sam, first_name=f"Kid{n}", last_name="Lane", date_of_birth=today() - timedelta(days=2000))
        open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=3), acting_user=sam, worker=unit_oak["sana"])
        record_visit(child, acting_user=unit_oak["pip"], visited_at=timezone.now() - timedelta(hours=1), child_seen=True, child_seen_alone=False)
    with django_assert_max_num_queries(len(few)):
        page = client.get(f"/practice/units/{oak.pk}/")
    assert page.content.count(b"Lane</a>") == 4


@pytest.mark.parametrize("who", ["olu", "kit", "helen"])
def test_the_unit_and_its_managers_record_a_meeting_discussing_two_children(client_for, request, unit_oak, oak, maya, noah, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    page = client.get(f"/practice/units/{oak.pk}/meetings/new/")
    assert page.status_code == 200 and b"Record a unit meeting" in page.content and b"Noah North" in page.content
    data = form(date_fields, unit_oak, maya, entry_2=str(noah.pk), entry_2_discussed="Dad has moved back in.")
    response = client.post(f"/practice/units/{oak.pk}/meetings/new/", data)
    made = UnitMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/practice/units/meetings/{made.pk}/"
    for child, said in ((maya, b"Maya is settling at school."), (noah, b"Dad has moved back in.")):
        chronology = client_for(unit_oak["sana"]).get(f"/children/{child.pk}/")
        assert chronology.status_code == 200 and said in chronology.content


def test_a_child_another_unit_holds_is_refused_naming_the_field_keeping_what_was_typed(client_for, unit_oak, oak, maya, ivy, date_fields):
    page = client_for(unit_oak["olu"]).post(f"/practice/units/{oak.pk}/meetings/new/", form(date_fields, unit_oak, maya, entry_2=str(ivy.pk),
                                                                                         entry_2_discussed="Ivy"))
    assert page.status_code == 200 and b"govuk-error-summary" in page.content and b'href="#id_entry_2"' in page.content
    assert b"Maya is settling at school." in page.content and not UnitMeeting.objects.exists()


def test_what_was_agreed_with_no_one_to_do_it_is_refused_on_the_page(client_for, unit_oak, oak, maya, date_fields):
    page = client_for(unit_oak["olu"]).post(f"/practice/units/{oak.pk}/meetings/new/", form(date_fields, unit_oak, maya, entry_1_responsible=""))
    assert page.status_code == 200 and b"Choose who in the unit will do what was agreed" in page.content
    assert not UnitMeeting.objects.exists()


def test_add_another_child_posts_back_with_one_more_row_and_saves_nothing(client_for, unit_oak, oak, maya, date_fields):
    page = client_for(unit_oak["olu"]).post(f"/practice/units/{oak.pk}/meetings/new/", form(date_fields, unit_oak, maya, add_entry="1"))
    assert page.status_code == 200 and b'name="entry_3"' in page.content and b"Maya is settling" in page.content
    assert b"govuk-error-summary" not in page.content and not UnitMeeting.objects.exists()


@pytest.mark.parametrize("bad", [{"held_on_0": "31", "held_on_1": "2"}, {"attendees": ["999999"]}, {"entry_1": "abc"}, {"entry_1_by_when_2": "1"},
                                 {"entry_1_discussed": "x" * 2001}, {"entry_1_responsible": "999999"}])
def test_bad_input_is_refused_clearly_never_an_error(client_for, unit_oak, oak, maya, date_fields, bad):
    page = client_for(unit_oak["olu"]).post(f"/practice/units/{oak.pk}/meetings/new/", form(date_fields, unit_oak, maya, **bad))
    assert page.status_code == 200 and b"govuk-error-summary" in page.content and not UnitMeeting.objects.exists()


@pytest.mark.parametrize("who", INSIDE)
def test_the_unit_and_its_managers_read_a_meeting(client_for, request, met, who):
    page = client_for(request.getfixturevalue(who)).get(f"/practice/units/meetings/{met.pk}/")
    assert page.status_code == 200 and b"Mum missed the appointment." in page.content and b"Visit Dad" in page.content


def test_a_meeting_names_only_children_the_reader_may_open_now(client_for, unit_oak, met, noah, helen):
    from journey.casework.actions import close_episode

    episode = noah.episodes.get()
    close_episode(episode, ended_on=today(), reason="needs_met", acting_user=helen)
    from django.test import override_settings

    with override_settings(JOURNEY_CLOSED_EPISODE_GRACE_DAYS=0):
        page = client_for(unit_oak["kit"]).get(f"/practice/units/meetings/{met.pk}/")
    assert page.status_code == 200 and b"Maya Moss" in page.content and b"Noah" not in page.content


def _visit(date_fields) -> dict:
    return {**date_fields("visited_at", today()), "visited_time": "00:01", "place": "Home", "child_seen": "yes", "child_seen_alone": "no"}


def _note(date_fields) -> dict:
    return {**date_fields("occurred_at", today() - timedelta(days=1)), "occurred_time": "09:15", "subject": "Session", "text": "Family session."}


@pytest.mark.parametrize("who", ["olu", "sana", "pip", "kit", "lin"])
def test_every_member_of_the_unit_records_a_visit_and_a_note_for_its_children(client_for, request, unit_oak, maya, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    visit = client.post(f"/casework/children/{maya.pk}/visits/new/", _visit(date_fields))
    assert visit.status_code == 302 and Visit.objects.filter(child=maya, recorded_by=unit_oak[who]).exists()
    note = client.post(f"/casework/children/{maya.pk}/notes/new/note/", _note(date_fields))
    assert note.status_code == 302 and CaseNote.objects.filter(child=maya, author=unit_oak[who]).exists()
    assert client.get(f"/children/{maya.pk}/").status_code == 200


def test_a_member_of_another_unit_records_nothing_on_the_units_children(client_for, ezra, maya, date_fields):
    client = client_for(ezra)
    assert client.get(f"/children/{maya.pk}/").status_code == 403
    assert client.post(f"/casework/children/{maya.pk}/visits/new/", _visit(date_fields)).status_code == 403
    assert client.post(f"/casework/children/{maya.pk}/notes/new/note/", _note(date_fields)).status_code == 403
    assert not Visit.objects.filter(child=maya).exists() and not CaseNote.objects.filter(child=maya).exists()


@pytest.mark.parametrize("who", ["olu", "sana", "lin", "helen"])
def test_the_team_queue_links_the_unit_page_for_its_members_and_managers(client_for, request, oak, unit_oak, who):
    assert f'href="/practice/units/{oak.pk}/"'.encode() in client_for(request.getfixturevalue(who)).get("/casework/team/").content


def test_the_team_queue_of_another_team_does_not_link_the_unit(client_for, oak, alice, ezra):
    for user in (alice, ezra):
        assert f'href="/practice/units/{oak.pk}/"'.encode() not in client_for(user).get("/casework/team/").content


def test_the_administrator_sees_and_sets_a_members_unit_role(client_for, admin_user, unit_oak, alice):
    client = client_for(admin_user)
    listed = client.get("/admin/accounts/user/?unit_role=clinician")
    assert listed.status_code == 200 and b"lin" in listed.content and b"sana" not in listed.content
    page = client.get(f"/admin/accounts/user/{alice.pk}/change/")
    assert page.status_code == 200 and b'name="unit_role"' in page.content


def test_the_allocation_choices_and_the_service_page_show_a_members_unit_role(client_for, helen, unit_oak, maya):
    page = client_for(helen).get("/casework/service/")
    assert page.status_code == 200 and b"Lin Lee, Clinical practitioner (Clinician in the unit)" in page.content
    episode = maya.episodes.get()
    allocate = client_for(helen).get(f"/casework/children/{maya.pk}/episodes/{episode.pk}/allocate/")
    assert allocate.status_code == 200 and b"Lin Lee, Clinical practitioner, Clinician (Social Work Unit: Oak)" in allocate.content


def test_the_meeting_form_logs_the_children_it_offers(client_for, unit_oak, oak, maya, noah):
    assert client_for(unit_oak["kit"]).get(f"/practice/units/{oak.pk}/meetings/new/").status_code == 200
    shown = AuditEvent.objects.filter(what__startswith="the unit's children, to discuss").order_by("-pk").first()
    assert shown is not None and set(shown.after["children"]) == {maya.pk, noah.pk}
