"""The front door's list: contacts awaiting screening, oldest first, and those screened recently."""
from journey.frontdoor.actions import NamedChild, link_contact_to_child, screen_contact


def test_it_lists_contacts_awaiting_screening_oldest_first(client_for, sam, raise_contact):
    raise_contact(NamedChild("Newer", "Child"), hours_ago=1)
    raise_contact(NamedChild("Older", "Child"), hours_ago=30)

    response = client_for(sam).get("/front-door/")

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Older Child") < page.index("Newer Child")
    assert "Oakfield Primary School" in page


def test_it_shows_whether_each_child_named_is_linked(client_for, sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"), NamedChild("Sid", "Smith"))
    link_contact_to_child(contact.children_named.get(given_first_name="Ruby"), ruby, acting_user=sam)

    page = client_for(sam).get("/front-door/").content.decode()

    assert "Linked" in page
    assert "Not linked yet" in page


def test_it_lists_recently_screened_contacts_with_their_outcome(client_for, sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"))
    link_contact_to_child(contact.children_named.get(), ruby, acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="advice", rationale="School can support with advice.")

    page = client_for(sam).get("/front-door/").content.decode()

    assert "Recently screened" in page
    assert "Information and advice" in page
    assert f"Contact {contact.pk}" in page


def test_it_denies_the_list_to_a_partner(client_for, officer):
    response = client_for(officer).get("/front-door/")

    assert response.status_code == 403
    assert "You do not have access" in response.content.decode()
