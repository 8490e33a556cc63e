"""A subject access export holds every kind of note (calls, emails, letters, meetings), with who each was with and
who attended marked as third parties."""
from datetime import timedelta

from django.utils import timezone

from journey.casework.actions import Attendee, write_case_note
from journey.dataprotection.actions import record_subject_access_request
from journey.dataprotection.exporter import Redact
from journey.lib.dates import today


def test_calls_and_meetings_are_exported_with_third_parties_marked(client_for, dee, alice, ruby):
    at = timezone.now() - timedelta(days=1)
    write_case_note(ruby, acting_user=alice, kind="phone_call", occurred_at=at, direction="incoming", with_whom="Jo Bell, school nurse",
                    text="Ruby fainted in PE.")
    write_case_note(ruby, acting_user=alice, kind="meeting", occurred_at=at, subject="Core group", text="Agreed next steps.",
                    attendees=[Attendee(name="Tess Turner", agency="Oakfield Primary School", role="DSL")])
    sar = record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="Ruby's mother", received_on=today())
    data = client_for(dee).get(f"/data-protection/sar/{sar.pk}/export.json").json()
    section = next(s for s in data["sections"] if s["kind"] == "case_notes")
    assert sorted(item["title"] for item in section["items"]) == ["Multi-agency meeting", "Phone call"]
    call, meeting = ({f["label"]: f for f in item["fields"]} for item in sorted(section["items"], key=lambda i: i["title"], reverse=True))
    assert (call["With, from or to"]["value"], call["With, from or to"]["redact"]["reason"]) == ("Jo Bell, school nurse", Redact.FREE_TEXT)
    assert (meeting["Attendee 1"]["value"], meeting["Attendee 1"]["redact"]["reason"]) == ("Tess Turner, DSL, Oakfield Primary School", Redact.PEOPLE_PRESENT)
