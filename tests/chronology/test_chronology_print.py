"""The chronology prints as a PDF for a conference or a court bundle: the filters in force, the date of printing
and who printed it on every page; only for those who may open the record, and written to the audit log."""
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from journey.audit.models import AuditEvent
from journey.casework.actions import record_visit

pytestmark = pytest.mark.django_db


def pages_of(response) -> list[str]:
    assert response["Content-Type"] == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def test_the_allocated_worker_prints_every_entry_with_the_date_and_her_name_on_every_page(client_for, alice, ruby):
    for day in range(60):  # enough entries for several pages
        record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(days=day + 1, hours=2), child_seen=True,
                     child_seen_alone=False, childs_words=f"Visit number {day}: Ruby talked about school and her friends.")

    response = client_for(alice).get(f"/chronology/children/{ruby.pk}/print/")

    pages = pages_of(response)
    assert len(pages) > 1
    printed = f"Printed {timezone.localtime():%-d %B %Y}"
    for number, text in enumerate(pages, start=1):
        assert printed in text and "Alice Akers" in text
        assert "OFFICIAL-SENSITIVE" in text and f"Page {number} of {len(pages)}" in text
    whole = "\n".join(pages)
    assert "Ruby Smith" in whole and "Showing every entry" in whole
    assert "Contact from Northfield Police" in whole and "Visit number 59" in whole
    assert 'attachment; filename="chronology-' in response["Content-Disposition"]


def test_it_prints_the_filters_it_was_asked_for_and_says_so(client_for, alice, ruby):
    text = "\n".join(pages_of(client_for(alice).get(f"/chronology/children/{ruby.pk}/print/", {"agency": "Northfield Police", "order": "oldest"})))

    assert "Showing agencies: Northfield Police. This is not the whole chronology." in text
    assert "Contact from Northfield Police" in text and "Visit: child seen alone" not in text
    assert "oldest first" in text


def test_printing_is_a_read_of_the_record_in_the_audit_log(client_for, alice, ruby):
    client_for(alice).get(f"/chronology/children/{ruby.pk}/print/")

    assert AuditEvent.objects.filter(user=alice, child=ruby, what__contains="print the chronology").exists()


@pytest.mark.parametrize("persona", ["charlie", "officer"])
def test_nobody_who_may_not_open_the_record_prints_it(client_for, persona, charlie, officer, ruby):
    response = client_for({"charlie": charlie, "officer": officer}[persona]).get(f"/chronology/children/{ruby.pk}/print/")

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_a_child_that_does_not_exist_is_answered_like_one_that_may_not_be_seen(client_for, alice):
    assert client_for(alice).get("/chronology/children/999999999/print/").status_code == 403


def test_the_journey_page_links_to_the_print_with_its_filters(client_for, alice, ruby):
    page = client_for(alice).get(f"/children/{ruby.pk}/", {"kind": "visit"}).content.decode()

    assert f'href="/chronology/children/{ruby.pk}/print/?kind=visit"' in page
