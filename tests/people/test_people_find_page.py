"""The find-a-child page: any one box or several, each checked with a message naming it, nothing typed lost, at most
25 children shown with advice on narrowing, and the old one-box links still working."""
import re
from datetime import date

import pytest

from journey.people.actions import create_child

pytestmark = pytest.mark.django_db

UPN = "A123456789012"


def results(page: str) -> str:
    return page[page.index('<div id="results"'):]


@pytest.fixture
def libby(sam):
    return create_child(
        acting_user=sam, first_name="Libby", last_name="Palmer", date_of_birth=date(2015, 4, 3), sex="F", upn=UPN,
        address_line_1="4 Oak Lane", town="Northfield", postcode="NF1 2AB",
    )


@pytest.mark.parametrize("query", [
    "last_name=Palmer", "first_name=Libby", "postcode=nf1+2ab", f"upn={UPN}", "first_name=Libbie&last_name=Palmar",
    "date_of_birth_0=3&date_of_birth_1=4&date_of_birth_2=2015", "first_name=Elizabeth",
])
def test_one_box_or_several_finds_the_child(client_for, sam, libby, query):
    page = results(client_for(sam).get(f"/children/find/?{query}").content.decode())
    assert "1 child found" in page and "Libby Palmer" in page


def test_an_old_link_with_the_whole_name_fills_the_first_and_family_name_boxes(client_for, sam, libby):
    page = client_for(sam).get("/children/find/?name=Libby+Palmer").content.decode()
    assert re.search(r'name="first_name"[^>]*value="Libby"', page) and re.search(r'name="last_name"[^>]*value="Palmer"', page)
    assert "1 child found" in results(page)


@pytest.mark.parametrize("query, message, kept", [
    ("upn=B123456789012", "UPN is not valid", 'value="B123456789012"'),
    ("upn=12345", "UPN must be 13 characters", 'value="12345"'),
    ("postcode=NOTAPOST", "Enter a real UK postcode", 'value="NOTAPOST"'),
    ("last_name=P", "Family name must be at least 2 letters: one letter matches too many children", 'value="P"'),
    ("first_name=L&last_name=Palmer", "First name must be at least 2 letters", 'value="Palmer"'),
    ("first_name=R2D2", "First name must only include letters, spaces, hyphens and apostrophes", 'value="R2D2"'),
    ("last_name=" + "a" * 101, "Family name must be 100 characters or fewer", 'value="' + "a" * 101 + '"'),
])
def test_it_refuses_bad_input_naming_the_box_and_keeps_what_was_typed(client_for, sam, libby, query, message, kept):
    response = client_for(sam).get(f"/children/find/?{query}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page and kept in page
    assert "found" not in results(page)


def test_names_with_hyphens_apostrophes_and_accents_are_names(client_for, sam):
    create_child(acting_user=sam, first_name="Zoë", last_name="O'Neill-Kowalska")
    page = results(client_for(sam).get("/children/find/", {"first_name": "Zoe", "last_name": "O'Neill-Kowalska"}).content.decode())
    assert "1 child found" in page


def test_more_than_25_are_not_all_shown_and_the_page_says_how_to_narrow(client_for, sam):
    for n in range(26):
        create_child(acting_user=sam, first_name=f"Child{'abcdefghijklmnopqrstuvwxyz'[n]}", last_name="Hughes")
    page = results(client_for(sam).get("/children/find/", {"last_name": "Hughes"}).content.decode())
    assert "More than 25 children found" in page
    assert "add first name, date of birth, postcode, NHS number or UPN to your search" in page
    assert page.count('<tr class="govuk-table__row">') == 1 + 25


def test_a_restricted_child_is_found_by_her_worker_and_not_by_others(client_for, alice, charlie, ruby):
    ruby.is_restricted = True
    ruby.save()
    assert "Ruby Smith" in results(client_for(alice).get("/children/find/", {"last_name": "Smith"}).content.decode())
    page = results(client_for(charlie).get("/children/find/", {"last_name": "Smith"}).content.decode())
    assert "0 children found" in page and "Ruby" not in page


def test_the_search_is_in_the_audit_log_with_every_detail_given(client_for, sam, libby):
    from journey.audit.models import Action, AuditEvent

    client_for(sam).get("/children/find/", {"first_name": "Libby", "upn": UPN})
    event = AuditEvent.objects.get(action=Action.READ, user=sam, what__startswith="find a child")
    assert event.what == f"find a child: Libby, UPN {UPN}; 1 found"
    assert event.after == {"children": [libby.pk]}
