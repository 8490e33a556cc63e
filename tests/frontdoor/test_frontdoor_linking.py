"""Linking each child named in a contact to the one record, or making a record when no one matches."""
from journey.audit.models import AuditEvent
from journey.frontdoor.actions import NamedChild, link_contact_to_child, screen_contact
from journey.people.models import Child


def test_a_screener_links_the_contact_to_ruby_found_by_a_typing_slip(client_for, sam, ruby, ruby_again):
    named = ruby_again.children_named.get()

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/link/", {"child_id": ruby.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/front-door/contacts/{ruby_again.pk}/"
    named.refresh_from_db()
    assert named.child == ruby and named.linked_by == sam
    assert AuditEvent.objects.filter(action="read", user=sam, child=ruby, what="link contact").exists()
    assert Child.objects.count() == 1
    assert "is linked to the record of Ruby Smith" in client_for(sam).get(response["Location"]).content.decode()


def test_a_screener_creates_a_new_record_when_no_one_matches(client_for, sam, raise_contact):
    contact = raise_contact(NamedChild("Zara", "Quinn", address="9 Birch Close, Northfield", postcode="NF3 9ZZ"))
    named = contact.children_named.get()

    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/children/{named.pk}/create/")

    assert response.status_code == 302
    named.refresh_from_db()
    assert named.created_new_child
    assert named.child.person.full_name == "Zara Quinn"
    assert named.child.person.current_address().postcode == "NF3 9ZZ"


def test_a_partner_cannot_link_or_create(client_for, teacher, ruby, ruby_again):
    named = ruby_again.children_named.get()
    client = client_for(teacher)

    assert client.post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/link/", {"child_id": ruby.pk}).status_code == 403
    assert client.post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/create/").status_code == 403
    named.refresh_from_db()
    assert named.child is None and Child.objects.count() == 1


def test_it_will_not_link_a_child_the_screener_cannot_see(client_for, sam, ruby, ruby_again):
    ruby.is_restricted = True
    ruby.save()
    named = ruby_again.children_named.get()

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/link/", {"child_id": ruby.pk})

    assert response.status_code == 403
    named.refresh_from_db()
    assert named.child is None


def test_it_answers_a_child_named_in_another_contact_as_no_access(client_for, sam, ruby, ruby_again, raise_contact):
    other = raise_contact(NamedChild("Amy", "Adams")).children_named.get()

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/children/{other.pk}/link/", {"child_id": ruby.pk})

    assert response.status_code == 403


def test_it_shows_why_a_screened_contact_cannot_be_relinked(client_for, sam, ruby, ruby_again):
    named = ruby_again.children_named.get()
    link_contact_to_child(named, ruby, acting_user=sam)
    screen_contact(ruby_again, acting_user=sam, outcome="nfa", rationale="Already known and supported.")

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/create/")

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "already been screened" in response.content.decode()
    assert Child.objects.count() == 1


def test_link_and_create_answer_get_with_method_not_allowed(client_for, sam, ruby_again):
    named = ruby_again.children_named.get()
    client = client_for(sam)

    assert client.get(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/link/").status_code == 405
    assert client.get(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/create/").status_code == 405
    assert client.get(f"/front-door/contacts/{ruby_again.pk}/screen/").status_code == 405


def test_it_answers_a_malformed_child_id_as_no_access(client_for, sam, ruby_again):
    named = ruby_again.children_named.get()
    client = client_for(sam)

    for data in ({"child_id": "ruby"}, {"child_id": str(10**20)}, {}):
        assert client.post(f"/front-door/contacts/{ruby_again.pk}/children/{named.pk}/link/", data).status_code == 403


def test_moving_a_linked_child_to_another_record_asks_why_and_keeps_the_earlier_link(client_for, sam, ruby, raise_contact):
    from journey.frontdoor.models import ContactLinkChange
    from journey.people.actions import create_child

    contact = raise_contact(NamedChild("Ruby", "Smith"))
    named = contact.children_named.get()
    other_ruby = create_child(acting_user=sam, first_name="Ruby", last_name="Smith")
    link_contact_to_child(named, other_ruby, acting_user=sam)
    url = f"/front-door/contacts/{contact.pk}/children/{named.pk}/link/"

    refused = client_for(sam).post(url, {"child_id": ruby.pk})
    named.refresh_from_db()
    assert refused.status_code == 200 and named.child == other_ruby
    assert "already linked to another record: say why" in refused.content.decode()
    assert not ContactLinkChange.objects.exists()

    moved = client_for(sam).post(url, {"child_id": ruby.pk, "replacing_reason": "Date of birth matches this Ruby, not the other."})
    named.refresh_from_db()
    assert moved.status_code == 302 and named.child == ruby
    change = ContactLinkChange.objects.get(named=named)
    assert (change.previous_child, change.child, change.changed_by) == (other_ruby, ruby, sam)
    assert "Date of birth matches this Ruby" in client_for(sam).get(f"/front-door/contacts/{contact.pk}/").content.decode()
