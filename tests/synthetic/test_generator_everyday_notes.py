"""The generator's notes are everyday recording a worker would believe: calls and emails with who they were with and
which way they went, meetings with their attendees by agency (someone attended each), plain case notes as before."""
import pytest

from journey.casework.codes import NoteKind
from journey.casework.models import CaseNote, MeetingAttendee
from journey.chronology.materialise import differences
from journey.synthetic.notes import shape
from tests.synthetic.conftest import generated

authority = generated(60, 3)
pytestmark = pytest.mark.django_db


def test_headings_become_calls_emails_and_meetings():
    assert (shape("Call from health visitor").kind, shape("Call from health visitor").direction) == (NoteKind.PHONE_CALL, "incoming")
    assert shape("Email from housing").with_whom == "housing"
    assert shape("Core group meeting").kind == NoteKind.MEETING
    assert shape("Grandad visited").kind == NoteKind.NOTE


def test_it_writes_every_kind_with_what_each_needs(authority):
    kinds = set(CaseNote.objects.values_list("kind", flat=True))
    assert {NoteKind.PHONE_CALL, NoteKind.MEETING}.issubset(kinds)
    assert not CaseNote.objects.filter(kind__in=NoteKind.exchanges(), with_whom="").exists()
    assert not CaseNote.objects.filter(kind__in=NoteKind.exchanges(), direction="").exists()
    meetings = CaseNote.objects.filter(kind=NoteKind.MEETING)
    assert not meetings.exclude(attendees__sent_apologies=False).exists()
    assert not MeetingAttendee.objects.filter(agency="").exists()


def test_the_chronology_titles_them_by_kind(authority):
    call = CaseNote.objects.filter(kind=NoteKind.PHONE_CALL).first()
    assert call.title.startswith(("Phone call to ", "Phone call from "))
    assert differences([call.child_id]) == []
