"""The administrator reads every list, its source and version, and its codes with their dates; nobody changes them."""
import pytest

from journey.codelists.models import Code, CodeList

pytestmark = pytest.mark.django_db


def test_an_administrator_reads_the_lists_with_their_sources(client_for, admin_user):
    page = client_for(admin_user).get("/admin/codelists/codelist/").content.decode()
    assert "Category of abuse or neglect" in page and "Children in need census 2025 to 2026: guide" in page


def test_an_administrator_reads_a_lists_codes_and_when_each_is_valid(client_for, admin_user):
    reasons = CodeList.objects.get(key="cin.reason_for_closure")
    page = client_for(admin_user).get(f"/admin/codelists/codelist/{reasons.pk}/change/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "RC9" in text and "referred to early help" in text and "1 Apr 2024" in text
    assert 'name="_save"' not in text  # read only


def test_an_administrator_may_not_add_change_or_delete_a_code(client_for, admin_user):
    client = client_for(admin_user)
    code = Code.objects.get(code_list__key="cin.primary_need", code="N1")
    assert client.get("/admin/codelists/code/add/").status_code == 403
    assert client.post(f"/admin/codelists/code/{code.pk}/change/", {"label": "Changed"}).status_code == 403
    assert client.post(f"/admin/codelists/code/{code.pk}/delete/", {"post": "yes"}).status_code == 403
    code.refresh_from_db()
    assert code.label == "Abuse or neglect"


def test_a_practitioner_is_sent_to_sign_in_as_an_administrator(client_for, alice):
    for url in ("/admin/codelists/codelist/", "/admin/codelists/code/"):
        response = client_for(alice).get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
