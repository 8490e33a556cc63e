"""Restricted records are hidden even from search and matching, unless the user has a relationship with the child."""
import pytest

from journey.access.actions import grant_access
from journey.frontdoor.actions import NamedChild, record_contact
from journey.people.models import Child

pytestmark = pytest.mark.django_db


def test_searching_staff_may_find_every_child_who_is_not_restricted(sam, charlie, ruby, make_child):
    other = make_child("Ava")
    assert set(Child.objects.matchable_by(sam)) == {ruby, other}
    assert set(Child.objects.matchable_by(charlie)) == {ruby, other}


def test_partners_and_administrators_may_find_nobody(officer, admin_user, ruby):
    assert not Child.objects.matchable_by(officer).exists()
    assert not Child.objects.matchable_by(admin_user).exists()


def test_a_restricted_child_cannot_be_found_by_the_uninvolved(sam, charlie, make_child):
    hidden = make_child("Ava", is_restricted=True)
    assert hidden not in Child.objects.matchable_by(sam)
    assert hidden not in Child.objects.matchable_by(charlie)


def test_a_restricted_child_can_be_found_by_those_with_a_relationship(alice, bea, mo, ruby):
    ruby.is_restricted = True
    ruby.save()
    for user in (alice, bea, mo):
        assert ruby in Child.objects.matchable_by(user)


def test_an_explicit_grant_lets_a_user_find_a_restricted_child(mo, charlie, ruby):
    ruby.is_restricted = True
    ruby.save()
    assert ruby not in Child.objects.matchable_by(charlie)
    grant_access(ruby, acting_user=mo, user=charlie, reason="Charlie is covering Alice's visits.")
    assert ruby in Child.objects.matchable_by(charlie)


def test_the_find_a_child_page_hides_a_restricted_child(client_for, charlie, make_child):
    make_child("Ava", is_restricted=True)
    make_child("Ava")
    page = client_for(charlie).get("/children/find/", {"name": "Ava Hughes"}).content.decode()
    assert "1 child found" in page


def test_the_find_a_child_page_shows_identifying_details_but_no_link_to_an_unrelated_record(client_for, charlie, ruby):
    page = client_for(charlie).get("/children/find/", {"name": "Ruby Smith"}).content.decode()
    assert "Ruby Smith" in page and "NF1 2AB" in page and "1 contact" in page
    assert f'href="/children/{ruby.pk}/"' not in page
    assert f'href="/access/children/{ruby.pk}/break-glass/"' in page


def test_the_find_a_child_page_links_the_record_for_the_involved(client_for, alice, ruby):
    page = client_for(alice).get("/children/find/", {"name": "Ruby Smith"}).content.decode()
    assert f'href="/children/{ruby.pk}/"' in page


def test_screening_candidates_leave_out_a_restricted_child(client_for, sam, school, make_child):
    hidden = make_child("Ava", is_restricted=True)
    shown = make_child("Avery")
    contact = record_contact(acting_user=sam, agency=school, concern="Hungry.", children=[NamedChild("Ava", "Hughes", hidden.date_of_birth)])
    page = client_for(sam).get(f"/front-door/contacts/{contact.pk}/").content.decode()
    assert f'value="{shown.pk}"' in page
    assert f'value="{hidden.pk}"' not in page


def test_a_screener_can_link_a_contact_to_a_child_found_by_search(client_for, sam, school, make_child):
    child = make_child("Ava")
    contact = record_contact(acting_user=sam, agency=school, concern="Hungry.", children=[NamedChild("Ava", "Hughes")])
    named = contact.children_named.get()
    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/children/{named.pk}/link/", {"child_id": child.pk})
    assert response.status_code == 302
    named.refresh_from_db()
    assert named.child == child


def test_a_screener_cannot_link_a_contact_to_a_restricted_child_by_forging_its_id(client_for, sam, school, make_child):
    hidden = make_child("Ava", is_restricted=True)
    contact = record_contact(acting_user=sam, agency=school, concern="Hungry.", children=[NamedChild("Ava", "Hughes")])
    named = contact.children_named.get()
    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/children/{named.pk}/link/", {"child_id": hidden.pk})
    assert response.status_code == 403
    named.refresh_from_db()
    assert named.child is None
