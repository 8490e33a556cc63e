"""A good file is stored under a random name outside the static files, with its sniffed type and SHA-256; its row
is on the chronology; and a failure after the file is written leaves no file behind."""
import hashlib
from dataclasses import replace

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from journey.audit.models import AuditEvent
from journey.chronology import registry
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.documents.actions import attach_document
from journey.documents.models import Document

from .conftest import DOCX, JPEG, ODT, PDF, PNG, TEXT, files_in, upload

GOOD = [
    ("school report.pdf", PDF, "application/pdf"),
    ("bedroom.PNG", PNG, "image/png"),
    ("drawing.jpeg", JPEG, "image/jpeg"),
    ("notes.txt", TEXT, "text/plain"),
    ("plan.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("minutes.odt", ODT, "application/vnd.oasis.opendocument.text"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "media_type"), GOOD, ids=[row[0] for row in GOOD])
def test_it_stores_an_allowed_file_under_a_random_name_with_its_sniffed_type(note, alice, stored, name, content, media_type):
    document = attach_document(note, upload(name, content), description=" From the school. ", acting_user=alice)
    document.refresh_from_db()
    assert (document.original_name, document.media_type, document.size) == (name, media_type, len(content))
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert (document.child, document.entry, document.uploaded_by, document.description) == (note.child, note, alice, "From the school.")
    [path] = files_in(stored)
    assert path.read_bytes() == content
    assert name not in str(path) and "." not in path.name and len(path.name) == 32


@pytest.mark.django_db
def test_the_attachment_is_in_the_audit_log_as_a_change_by_the_person_who_attached_it(note, alice):
    document = attach_document(note, upload("letter.pdf", PDF), acting_user=alice)
    event = AuditEvent.objects.get(action="create", object_type="documents.document", object_id=str(document.pk))
    assert (event.user, event.child_id) == (alice, note.child_id)


def test_the_default_documents_folder_is_outside_the_static_files_and_served_nowhere():
    location = settings.STORAGES["documents"]["OPTIONS"]
    assert location["base_url"] is None
    assert not any(str(settings.JOURNEY_DOCUMENTS_DIR).startswith(str(folder)) for folder in settings.STATICFILES_DIRS)
    assert finders.find("documents") is None


@pytest.mark.django_db
def test_the_chronology_tells_of_the_document_and_links_to_its_entry(note, alice, ruby):
    attach_document(note, upload("school report.pdf", PDF), description="Summer term.", acting_user=alice)
    entry = ChronologyEntry.objects.get(child=ruby, kind="document")
    assert entry.title == "Document attached: school report.pdf"
    assert entry.summary == "Attached to: Phone call from Jo Bell, school nurse. Summer term."
    assert entry.url == f"/casework/children/{ruby.pk}/notes/{note.pk}/"
    assert differences([ruby.pk]) == []


@pytest.mark.django_db
def test_a_document_on_a_visit_names_the_visit(alice, ruby):
    visit = ruby.visits.get()
    attach_document(visit, upload("drawing.png", PNG), acting_user=alice)
    entry = ChronologyEntry.objects.get(child=ruby, kind="document")
    assert entry.summary.startswith("Attached to: Visit on ") and entry.url == f"/casework/children/{ruby.pk}/visits/{visit.pk}/"
    assert differences([ruby.pk]) == []


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_file_is_written_leaves_no_file_and_no_row(note, alice, stored, monkeypatch):
    """The row is saved after the file is on disk, and the chronology refreshed in the same transaction: when that
    fails, the transaction rolls back and the file goes with it."""

    def broken(child_ids):
        raise RuntimeError("the chronology could not be written")

    monkeypatch.setitem(registry._kinds, "document", replace(registry._kinds["document"], provider=broken))
    with pytest.raises(RuntimeError):
        attach_document(note, upload("letter.pdf", PDF), acting_user=alice)
    assert Document.objects.count() == 0
    assert files_in(stored) == []


@pytest.mark.django_db(transaction=True)
def test_a_good_attachment_commits_its_file_and_row_together(note, alice, stored):
    document = attach_document(note, upload("letter.pdf", PDF), acting_user=alice)
    assert Document.objects.filter(pk=document.pk).exists()
    assert len(files_in(stored)) == 1
