"""Contacts belong to the front door. Everyone else sees a contact only through something they already have: the
one they recorded, or one linked to a child whose record they may open (read-only). Only the front door links,
makes records from a contact and screens: the actions refuse anyone else, and the pages ask the same rule."""
import pytest

from journey.accounts.models import Role
from journey.frontdoor.actions import NamedChild, NotFrontDoor, create_child_from_contact, link_contact_to_child, screen_contact
from journey.people.models import Child
from tests.conftest import make_user

STAFF_OUTSIDE_THE_FRONT_DOOR = ["alice", "bea", "mo", "helen", "charlie", "carol", "admin_user"]


@pytest.fixture
def front_door_manager(council, front_door_team):
    """Fran Ford: manages the front door team; the front door's work is hers too."""
    user = make_user("fran", Role.TEAM_MANAGER, council, None, "Fran", "Ford", "Front door manager")
    front_door_team.manager = user
    front_door_team.save()
    return user


@pytest.fixture
def unlinked(raise_contact):
    """A school's contact about a child not yet linked to any record."""
    return raise_contact(NamedChild("Zara", "Quinn"), referrer_name="Tess Turner", referrer_phone="01632 960001",
                         concern="Zara has not been in school for three weeks.")


@pytest.mark.parametrize("persona", STAFF_OUTSIDE_THE_FRONT_DOOR)
def test_staff_outside_the_front_door_cannot_open_the_queue_or_an_unlinked_contact(request, client_for, persona, unlinked, helen, carol, admin_user):
    client = client_for(request.getfixturevalue(persona))

    assert client.get("/front-door/").status_code == 403
    page = client.get(f"/front-door/contacts/{unlinked.pk}/")
    assert page.status_code == 403
    assert "01632 960001" not in page.content.decode() and "three weeks" not in page.content.decode()


@pytest.mark.parametrize("persona", STAFF_OUTSIDE_THE_FRONT_DOOR)
def test_staff_outside_the_front_door_cannot_link_create_or_screen(request, client_for, persona, unlinked, ruby, team_a, helen, carol, admin_user):
    named = unlinked.children_named.get()
    client = client_for(request.getfixturevalue(persona))

    assert client.post(f"/front-door/contacts/{unlinked.pk}/children/{named.pk}/link/", {"child_id": ruby.pk}).status_code == 403
    assert client.post(f"/front-door/contacts/{unlinked.pk}/children/{named.pk}/create/").status_code == 403
    screened = client.post(f"/front-door/contacts/{unlinked.pk}/screen/", {"outcome": "nfa", "rationale": "No concerns."})
    assert screened.status_code == 403
    unlinked.refresh_from_db()
    named.refresh_from_db()
    assert unlinked.is_open and named.child is None and Child.objects.count() == 1


def test_the_actions_refuse_staff_outside_the_front_door_called_directly(alice, mo, unlinked, ruby, ruby_again):
    with pytest.raises(NotFrontDoor):
        link_contact_to_child(unlinked.children_named.get(), ruby, acting_user=alice)
    with pytest.raises(NotFrontDoor):
        create_child_from_contact(unlinked.children_named.get(), acting_user=mo)
    with pytest.raises(NotFrontDoor):
        screen_contact(ruby_again, acting_user=mo, outcome="nfa", rationale="Nothing more to do.")


def test_the_front_door_managers_line_works_the_front_door(client_for, front_door_manager, unlinked):
    client = client_for(front_door_manager)

    assert client.get("/front-door/").status_code == 200
    page = client.get(f"/front-door/contacts/{unlinked.pk}/").content.decode()
    assert "Create a new record" in page


def test_a_worker_holding_a_linked_child_reads_the_contact_without_the_front_doors_forms(client_for, alice, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    response = client_for(alice).get(f"/front-door/contacts/{ruby_again.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "shouting at home again" in page
    assert "Record the decision" not in page and "Linked to the wrong record?" not in page
    assert "Awaiting the front door's decision" in page


def test_a_worker_who_recorded_a_contact_reads_it_but_cannot_screen_it(client_for, alice, raise_contact):
    contact = raise_contact(NamedChild("Ola", "Nowak"), acting_user=alice)

    page = client_for(alice).get(f"/front-door/contacts/{contact.pk}/").content.decode()

    assert "Ola Nowak" in page
    assert "Create a new record" not in page and "This is the child" not in page


def test_a_worker_in_another_team_cannot_read_a_contact_linked_to_a_child_they_cannot_open(client_for, charlie, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    assert client_for(charlie).get(f"/front-door/contacts/{ruby_again.pk}/").status_code == 403


def test_the_header_offers_the_front_door_only_to_the_front_door(client_for, alice, sam):
    assert 'href="/front-door/"' in client_for(sam).get("/children/find/").content.decode()
    assert 'href="/front-door/"' not in client_for(alice).get("/children/find/").content.decode()


@pytest.mark.parametrize("who", ["officer", "agency system"])
def test_the_api_gives_a_partner_no_contact_about_a_restricted_child(client, who, officer, police, admin_user, ruby):
    from journey.api.actions import create_agency_token, create_user_token

    ruby.is_restricted = True
    ruby.save()
    contact = ruby.contact_links.get().contact
    if who == "officer":
        _, secret = create_user_token(officer, name="Officer's script", acting_user=admin_user)
    else:
        _, secret = create_agency_token(police, name="Force system", acting_user=admin_user)

    forbidden = client.get(f"/api/contacts/{contact.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    missing = client.get("/api/contacts/999999999", HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert forbidden.status_code == missing.status_code == 403
    assert forbidden.content == missing.content
    assert "Ruby" not in forbidden.content.decode()
