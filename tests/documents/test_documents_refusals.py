"""Every upload the rules refuse, each with its GOV.UK message, and nothing stored: no row, no file."""
import pytest
from django.core.exceptions import ValidationError

from journey.audit.models import AuditEvent
from journey.documents.actions import attach_document
from journey.documents.models import Document

from .conftest import EXE, PDF, PNG, TEXT, files_in, upload

pytestmark = pytest.mark.django_db


def refusal(entry, file, user, **kwargs) -> dict:
    with pytest.raises(ValidationError) as raised:
        attach_document(entry, file, acting_user=user, **kwargs)
    return raised.value.message_dict


REFUSED = [
    ("empty", upload("letter.pdf", b""), "The selected file is empty"),
    ("renamed executable", upload("report.pdf", EXE), "The file's content is not a PDF"),
    ("a PDF called a PNG", upload("photo.png", PDF), "The file's content is not a PNG image"),
    ("a PNG called a PDF", upload("report.pdf", PNG), "The file's content is not a PDF"),
    ("an executable called text", upload("notes.txt", EXE), "The file's content is not a plain text file"),
    ("a program by its own name", upload("setup.exe", EXE), "The selected file must be a PDF, JPG, PNG, TXT, DOCX or ODT"),
    ("no extension", upload("report", PDF), "The selected file must be a PDF, JPG, PNG, TXT, DOCX or ODT"),
    ("a folder in the name", upload("letters/report.pdf", PDF), "The selected file's name must not contain /, \\ or .."),
    ("a Windows folder in the name", upload("C:\\letters\\report.pdf", PDF), "The selected file's name must not contain /, \\ or .."),
    ("a parent folder in the name", upload("..report.pdf", PDF), "The selected file's name must not contain /, \\ or .."),
    ("a control character in the name", upload("report\x07.pdf", PDF), "The selected file's name must not contain control characters"),
    ("a right-to-left override hiding 'exe'", upload("report\u202efdp.exe", EXE),
     "The selected file's name must not contain control characters"),
    ("no file", None, "Select a file"),
]


@pytest.mark.parametrize(("what", "file", "message"), REFUSED, ids=[row[0] for row in REFUSED])
def test_it_refuses_the_upload_with_a_clear_message_and_stores_nothing(note, alice, stored, what, file, message):
    changes = AuditEvent.objects.exclude(action="read").count()
    assert refusal(note, file, alice) == {"file": [message]}
    assert Document.objects.count() == 0
    assert files_in(stored) == []
    assert AuditEvent.objects.exclude(action="read").count() == changes


def test_it_refuses_a_file_over_the_size_limit(note, alice, stored, settings):
    settings.JOURNEY_DOCUMENT_MAX_MB = 1
    big = upload("scan.txt", b"a" * (1024 * 1024 + 1))
    assert refusal(note, big, alice) == {"file": ["The selected file must be smaller than 1MB"]}
    assert Document.objects.count() == 0 and files_in(stored) == []


def test_it_takes_a_file_of_exactly_the_size_limit(note, alice, stored, settings):
    settings.JOURNEY_DOCUMENT_MAX_MB = 1
    attach_document(note, upload("scan.txt", b"a" * (1024 * 1024)), acting_user=alice)
    assert len(files_in(stored)) == 1


def test_it_refuses_a_description_over_its_bound_and_stores_nothing(note, alice, stored):
    assert refusal(note, upload("report.txt", TEXT), alice, description="x" * 2001) == {
        "description": ["Description must be 2,000 characters or fewer"],
    }
    assert Document.objects.count() == 0 and files_in(stored) == []


def test_it_refuses_someone_not_working_with_the_child(note, charlie, stored):
    assert refusal(note, upload("report.txt", TEXT), charlie) == {
        "file": ["Only someone working with this child can attach a document to their record"],
    }
    assert Document.objects.count() == 0 and files_in(stored) == []


def test_the_page_puts_the_message_beside_the_file_box(client_for, alice, ruby, note, stored):
    response = client_for(alice).post(f"/documents/children/{ruby.pk}/notes/{note.pk}/attach/", {"file": upload("report.pdf", EXE)})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="#id_file"' in page and "The file&#x27;s content is not a PDF" in page
    assert 'class="govuk-file-upload govuk-file-upload--error"' in page
    assert Document.objects.count() == 0 and files_in(stored) == []
