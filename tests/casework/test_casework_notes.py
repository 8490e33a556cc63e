"""Recording the everyday: a case note, a phone call, an email, a letter and a multi-agency meeting, each on one page,
each read back on a page of its own and on the chronology with its author and their agency."""
from datetime import timedelta
from html import escape

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import Attendee, write_case_note
from journey.casework.models import CaseNote, MeetingAttendee
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today

NEW = {
    "note": "/casework/children/{}/notes/new/note/",
    "phone_call": "/casework/children/{}/notes/new/phone-call/",
    "email": "/casework/children/{}/notes/new/email/",
    "letter": "/casework/children/{}/notes/new/letter/",
    "meeting": "/casework/children/{}/notes/new/meeting/",
}
# What each kind's page is given, and the title it has on the chronology and its own page.
KINDS = {
    "note": ({"subject": "Ruby's new glasses", "text": "Mum says Ruby has new glasses and reads more."}, "Ruby's new glasses"),
    "phone_call": ({"direction": "incoming", "with_whom": "school nurse", "text": "Ruby fainted in PE; checked, fine."},
                   "Phone call from school nurse"),
    "email": ({"direction": "outgoing", "with_whom": "Mrs Smith", "subject": "Meeting on Friday", "text": "Confirmed Friday 10am."},
              "Email to Mrs Smith: Meeting on Friday"),
    "letter": ({"direction": "incoming", "with_whom": "Dr Khan, paediatrician", "text": "Growth within the normal range."},
               "Letter from Dr Khan, paediatrician"),
    "meeting": ({"subject": "Core group meeting", "text": "Agreed: school to report attendance weekly.",
                 "attendee_rows": "2", "attendee_1_name": "Tess Turner", "attendee_1_role": "Designated safeguarding lead",
                 "attendee_1_agency": "Oakfield Primary School", "attendee_2_name": "Jo Bell", "attendee_2_agency": "Health",
                 "attendee_2_apologies": "on"},
                "Meeting: Core group meeting"),
}


@pytest.fixture
def note_form(date_fields):
    """A complete form for ``kind``, yesterday morning; override any field."""

    def form(kind: str, **overrides) -> dict[str, str]:
        data = {**date_fields("occurred_at", today() - timedelta(days=1)), "occurred_time": "09:15", **KINDS[kind][0]}
        data.update(overrides)
        return data

    return form


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_is_recorded_read_back_and_on_the_chronology_with_its_author_and_agency(client_for, alice, ruby, note_form, kind):
    client = client_for(alice)
    response = client.post(NEW[kind].format(ruby.pk), note_form(kind))
    assert response.status_code == 302
    assert response["Location"] == f"/children/{ruby.pk}/"
    note = CaseNote.objects.get(child=ruby)
    title = KINDS[kind][1]
    assert (note.kind, note.title, note.author) == (kind, title, alice)

    entry = ChronologyEntry.objects.get(child=ruby, key=f"case_note:{note.pk}")
    assert (entry.title, entry.author, entry.agency) == (title, "Alice Akers", "Northfield Children's Services")
    assert entry.url == f"/casework/children/{ruby.pk}/notes/{note.pk}/"
    assert differences([ruby.pk]) == []

    page = client.get(entry.url)
    assert page.status_code == 200
    assert escape(title) in page.content.decode() and escape(KINDS[kind][0]["text"]) in page.content.decode()
    assert escape(title) in client.get(f"/children/{ruby.pk}/").content.decode()


def test_a_meeting_keeps_its_attendees_by_agency_and_who_sent_apologies(client_for, alice, ruby, note_form):
    client = client_for(alice)
    client.post(NEW["meeting"].format(ruby.pk), note_form("meeting"))
    note = CaseNote.objects.get(child=ruby)
    assert [(a.name, a.role, a.agency, a.sent_apologies) for a in note.attendees.all()] == [
        ("Tess Turner", "Designated safeguarding lead", "Oakfield Primary School", False), ("Jo Bell", "", "Health", True),
    ]
    page = client.get(f"/casework/children/{ruby.pk}/notes/{note.pk}/").content.decode()
    assert "Oakfield Primary School" in page and "Sent apologies" in page


def test_the_choice_page_offers_every_kind(client_for, alice, ruby):
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/notes/new/").content.decode()
    for url in NEW.values():
        assert f'href="{url.format(ruby.pk)}"' in page
    assert f"/casework/children/{ruby.pk}/visits/household/new/" in page


def test_the_journey_page_leads_to_the_choice(client_for, alice, ruby):
    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    assert f'href="/casework/children/{ruby.pk}/notes/new/"' in page
    assert "Record a note, call or meeting" in page


def test_a_meeting_with_nobody_attending_is_refused(client_for, alice, ruby, note_form):
    data = note_form("meeting", attendee_1_name="", attendee_1_role="", attendee_1_agency="", attendee_2_name="", attendee_2_agency="")
    del data["attendee_2_apologies"]
    page = client_for(alice).post(NEW["meeting"].format(ruby.pk), data).content.decode()
    assert "Add at least one person who attended the meeting" in page
    assert 'href="#id_attendee_1_name"' in page
    assert "Agreed: school to report attendance weekly.</textarea>" in page
    assert not CaseNote.objects.exists()


def test_a_meeting_where_everyone_sent_apologies_is_refused(client_for, alice, ruby, note_form):
    page = client_for(alice).post(NEW["meeting"].format(ruby.pk), note_form("meeting", attendee_1_apologies="on")).content.decode()
    assert "Add at least one person who attended the meeting" in page
    assert not CaseNote.objects.exists()


def test_an_attendee_without_an_agency_is_refused_naming_the_row(client_for, alice, ruby, note_form):
    page = client_for(alice).post(NEW["meeting"].format(ruby.pk), note_form("meeting", attendee_2_agency="")).content.decode()
    assert "Enter the agency of attendee 2, or Family" in page
    assert 'id="id_attendee_2_agency-error"' in page
    assert 'value="Tess Turner"' in page and 'value="Jo Bell"' in page
    assert not MeetingAttendee.objects.exists() and not CaseNote.objects.exists()


def test_adding_an_attendee_row_keeps_everything_typed_and_saves_nothing(client_for, alice, ruby, note_form):
    page = client_for(alice).post(NEW["meeting"].format(ruby.pk), note_form("meeting", add_attendee="1")).content.decode()
    assert 'name="attendee_rows" value="3"' in page
    assert 'id="id_attendee_3_name"' in page
    assert 'value="Tess Turner"' in page and "Agreed: school to report attendance weekly.</textarea>" in page
    assert "There is a problem" not in page
    assert not CaseNote.objects.exists()


def test_a_note_dated_in_the_future_is_refused(client_for, alice, ruby, note_form, date_fields):
    data = note_form("phone_call", **date_fields("occurred_at", today() + timedelta(days=1)))
    page = client_for(alice).post(NEW["phone_call"].format(ruby.pk), data).content.decode()
    assert "Date of the call must be today or in the past" in page
    assert not CaseNote.objects.exists()


def test_a_call_needs_its_direction_and_who_it_was_with(client_for, alice, ruby, note_form):
    page = client_for(alice).post(NEW["phone_call"].format(ruby.pk), note_form("phone_call", direction="", with_whom="")).content.decode()
    assert "Select whether the phone call came in or went out" in page
    assert "Enter who the phone call was with" in page
    assert "Ruby fainted in PE; checked, fine.</textarea>" in page
    assert not CaseNote.objects.exists()


def test_the_action_refuses_an_attendee_without_an_agency_and_a_note_with_a_direction(alice, ruby):
    at = timezone.now() - timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        write_case_note(ruby, acting_user=alice, kind="meeting", occurred_at=at, subject="Core group", text="Agreed.",
                        attendees=[Attendee(name="Tess Turner", agency="School"), Attendee(name="Jo Bell", agency=" ")])
    assert caught.value.message_dict == {"attendees": ["Enter the agency of attendee 2"]}
    with pytest.raises(ValidationError) as caught:
        write_case_note(ruby, acting_user=alice, occurred_at=at, subject="Note", text="Text.", direction="incoming")
    assert list(caught.value.message_dict) == ["direction"]
    assert not CaseNote.objects.exists()


def test_recording_and_reading_are_in_the_audit_log(client_for, alice, ruby, note_form):
    client = client_for(alice)
    client.post(NEW["phone_call"].format(ruby.pk), note_form("phone_call"))
    note = CaseNote.objects.get()
    assert AuditEvent.objects.filter(action=Action.CREATE, user=alice, object_type="casework.casenote", object_id=str(note.pk)).exists()
    client.get(f"/casework/children/{ruby.pk}/notes/{note.pk}/")
    assert AuditEvent.objects.filter(action=Action.READ, user=alice, child=ruby, what="case note").exists()


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_colleague_in_the_allocated_team_can_record_and_read_each_kind(client_for, bea, ruby, note_form, kind):
    client = client_for(bea)
    assert client.get(NEW[kind].format(ruby.pk)).status_code == 200
    assert client.post(NEW[kind].format(ruby.pk), note_form(kind)).status_code == 302
    assert client.get(f"/casework/children/{ruby.pk}/notes/{CaseNote.objects.get().pk}/").status_code == 200


@pytest.mark.parametrize("persona", ["charlie", "officer", "teacher"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_worker_in_another_team_or_a_partner_cannot_record_any_kind(client_for, charlie, officer, teacher, ruby, note_form, persona, kind):
    client = client_for({"charlie": charlie, "officer": officer, "teacher": teacher}[persona])
    assert client.get(f"/casework/children/{ruby.pk}/notes/new/").status_code == 403
    assert client.get(NEW[kind].format(ruby.pk)).status_code == 403
    response = client.post(NEW[kind].format(ruby.pk), note_form(kind))
    assert response.status_code == 403
    assert "You do not have access to this record" in response.content.decode()
    assert not CaseNote.objects.exists()


@pytest.mark.parametrize("persona", ["charlie", "officer"])
def test_a_worker_in_another_team_or_a_partner_cannot_read_a_note(client_for, charlie, officer, alice, ruby, persona):
    note = write_case_note(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(hours=1), subject="Call", text="Rang school.")
    response = client_for({"charlie": charlie, "officer": officer}[persona]).get(f"/casework/children/{ruby.pk}/notes/{note.pk}/")
    assert response.status_code == 403
    assert "Rang school." not in response.content.decode()


def test_a_missing_note_and_a_note_through_another_childs_record_answer_like_no_access(client_for, alice, ruby, leo):
    note = write_case_note(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(hours=1), subject="Call", text="Rang school.")
    client = client_for(alice)
    missing = client.get(f"/casework/children/{ruby.pk}/notes/987654321/")
    through_leo = client.get(f"/casework/children/{leo.pk}/notes/{note.pk}/")
    assert missing.status_code == through_leo.status_code == 403
    assert "Rang school." not in through_leo.content.decode()
