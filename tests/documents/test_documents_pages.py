"""The attach page and the download, paired allow/deny: the allocated worker and her manager may; a worker in
another team and a partner may not, and their refusal is the same page as for an id that does not exist, as is an
id from another child's record. Each download is audited, naming the document, and is never rendered in our origin."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.casework.actions import open_episode, write_case_note
from journey.casework.codes import EpisodeKind
from journey.documents.actions import attach_document
from journey.documents.models import Document
from journey.lib.dates import today
from journey.people.actions import create_child

from .conftest import PDF, TEXT, files_in, upload

pytestmark = pytest.mark.django_db
MISSING = 987654321
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def document(note, alice):
    return attach_document(note, upload("school report.pdf", PDF), description="Summer term.", acting_user=alice)


@pytest.fixture
def elsewhere(alice, sam):
    """A note on another child Alice holds, with a document: its ids must never work through Ruby's addresses."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    other_note = write_case_note(child, acting_user=alice, occurred_at=timezone.now() - timedelta(hours=1), subject="Nursery",
                                 text="Met Leo's nursery.")
    return other_note, attach_document(other_note, upload("nursery.txt", TEXT), acting_user=alice)


def _same(one: bytes, other: bytes) -> bool:
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


def test_the_allocated_worker_sees_the_attach_page_for_a_note(client_for, alice, ruby, note):
    response = client_for(alice).get(f"/documents/children/{ruby.pk}/notes/{note.pk}/attach/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
    assert "a PDF, JPG, PNG, TXT, DOCX or ODT file, smaller than 20MB" in page
    assert "To: Phone call from Jo Bell, school nurse" in page


def test_the_allocated_worker_attaches_a_document_and_sees_it_listed_on_the_note(client_for, alice, ruby, note, stored):
    client = client_for(alice)
    response = client.post(f"/documents/children/{ruby.pk}/notes/{note.pk}/attach/",
                           {"file": upload("report.pdf", PDF), "description": "From school"})
    assert response.status_code == 302 and response["Location"] == f"/casework/children/{ruby.pk}/notes/{note.pk}/"
    document = Document.objects.get()
    assert (document.entry, document.uploaded_by, document.description) == (note, alice, "From school")
    assert len(files_in(stored)) == 1
    page = client.get(response["Location"]).content.decode()
    assert f'href="/documents/children/{ruby.pk}/documents/{document.pk}/"' in page and "report.pdf" in page
    assert f"PDF, {len(PDF)}\xa0bytes" in page and "Attach a document" in page


def test_the_allocated_worker_attaches_a_document_to_a_visit(client_for, alice, ruby, stored):
    visit = ruby.visits.get()
    client = client_for(alice)
    response = client.post(f"/documents/children/{ruby.pk}/visits/{visit.pk}/attach/", {"file": upload("notes.txt", TEXT)})
    assert response["Location"] == f"/casework/children/{ruby.pk}/visits/{visit.pk}/"
    assert "notes.txt" in client.get(response["Location"]).content.decode()


def test_the_allocated_worker_attaches_the_familys_signed_copy_to_a_plan(client_for, alice, ruby, stored):
    from journey.casework.plan_actions import PlanContent, Step, write_plan

    plan = write_plan(ruby.episodes.get(), kind="child_in_need", started_on=today(), acting_user=alice, content=PlanContent(
        worries="Ruby is often hungry.", what_needs_to_change="A hot meal every day.", contingency="We will meet again."),
        steps=[Step("Mum", "Cook tea every evening.", today() + timedelta(days=7), "Starting this week.")])
    client = client_for(alice)
    response = client.post(f"/documents/children/{ruby.pk}/plans/{plan.pk}/attach/", {"file": upload("signed plan.pdf", PDF)})
    assert response["Location"] == f"/casework/children/{ruby.pk}/plans/{plan.pk}/"
    assert "signed plan.pdf" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("persona", ["charlie", "officer"])
def test_an_uninvolved_worker_and_a_partner_cannot_open_or_post_the_attach_page(client_for, charlie, officer, ruby, note, stored, persona):
    client = client_for({"charlie": charlie, "officer": officer}[persona])
    url = f"/documents/children/{ruby.pk}/notes/{note.pk}/attach/"
    missing = f"/documents/children/{ruby.pk}/notes/{MISSING}/attach/"
    assert client.get(url).status_code == 403
    posted = client.post(url, {"file": upload("report.pdf", PDF)})
    assert posted.status_code == 403 and _same(posted.content, client.post(missing, {"file": upload("report.pdf", PDF)}).content)
    assert Document.objects.count() == 0 and files_in(stored) == []


def test_a_note_of_another_child_answers_like_a_missing_one(client_for, alice, ruby, elsewhere):
    other_note, _document = elsewhere
    client = client_for(alice)
    forbidden = client.get(f"/documents/children/{ruby.pk}/notes/{other_note.pk}/attach/")
    missing = client.get(f"/documents/children/{ruby.pk}/notes/{MISSING}/attach/")
    assert forbidden.status_code == missing.status_code == 403 and _same(forbidden.content, missing.content)


@pytest.mark.parametrize("persona", ["alice", "mo"])
def test_the_worker_and_her_manager_download_it_with_headers_that_keep_it_out_of_our_origin(client_for, request, ruby, document, persona):
    response = client_for(request.getfixturevalue(persona)).get(f"/documents/children/{ruby.pk}/documents/{document.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="school report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_a_download_is_audited_naming_the_document(client_for, alice, ruby, document):
    client_for(alice).get(f"/documents/children/{ruby.pk}/documents/{document.pk}/")
    event = AuditEvent.objects.get(action="read", object_type="documents.document")
    assert (event.user, event.child_id, event.object_id, event.what) == (alice, ruby.pk, str(document.pk), "document: school report.pdf")


@pytest.mark.parametrize("persona", ["charlie", "officer"])
def test_an_uninvolved_worker_and_a_partner_cannot_download_it(client_for, charlie, officer, ruby, document, persona):
    client = client_for({"charlie": charlie, "officer": officer}[persona])
    forbidden = client.get(f"/documents/children/{ruby.pk}/documents/{document.pk}/")
    missing = client.get(f"/documents/children/{ruby.pk}/documents/{MISSING}/")
    assert forbidden.status_code == missing.status_code == 403 and _same(forbidden.content, missing.content)
    assert not AuditEvent.objects.filter(action="read", object_type="documents.document").exists()


def test_a_document_of_another_child_answers_like_a_missing_one(client_for, alice, ruby, elsewhere):
    _note, other = elsewhere
    client = client_for(alice)
    forbidden = client.get(f"/documents/children/{ruby.pk}/documents/{other.pk}/")
    missing = client.get(f"/documents/children/{ruby.pk}/documents/{MISSING}/")
    assert forbidden.status_code == missing.status_code == 403 and _same(forbidden.content, missing.content)


def test_a_text_document_is_sent_as_utf8_text(client_for, alice, ruby, note):
    document = attach_document(note, upload("notes.txt", TEXT), acting_user=alice)
    response = client_for(alice).get(f"/documents/children/{ruby.pk}/documents/{document.pk}/")
    assert response["Content-Type"] == "text/plain; charset=utf-8" and b"".join(response.streaming_content) == TEXT
