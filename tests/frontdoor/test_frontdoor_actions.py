"""The front door's rules, tested at the actions."""
import pytest
from django.core.exceptions import ValidationError

from journey.frontdoor.actions import NamedChild, create_child_from_contact, link_contact_to_child, screen_contact
from journey.frontdoor.models import Referral
from journey.frontdoor.rules import is_rereferral


def test_a_rereferral_joins_the_childs_existing_record(sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    screen_contact(ruby_again, acting_user=sam, outcome="strategy", rationale="Disclosure of harm.")

    referral = Referral.objects.get(contact=ruby_again)
    assert referral.child == ruby
    assert is_rereferral(referral.referred_at, ruby.referrals.values_list("referred_at", flat=True))


def test_it_cannot_screen_a_contact_with_an_unlinked_child(sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"), NamedChild("Sid", "Smith"))
    link_contact_to_child(contact.children_named.get(given_first_name="Ruby"), ruby, acting_user=sam)

    with pytest.raises(ValidationError, match="Link every child"):
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Both children at risk.")
    contact.refresh_from_db()
    assert contact.is_open
    assert not Referral.objects.filter(contact=contact).exists()


def test_it_cannot_change_a_screened_contact(sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"))
    named = contact.children_named.get()
    link_contact_to_child(named, ruby, acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="nfa", rationale="Known and supported.")

    with pytest.raises(ValidationError, match="already been screened"):
        create_child_from_contact(named, acting_user=sam)
    with pytest.raises(ValidationError, match="already been screened"):
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Second thoughts.")
    named.refresh_from_db()
    assert named.child == ruby


def test_it_cannot_link_one_child_to_two_children_named_in_a_contact(sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"), NamedChild("Rubie", "Smith"))
    first, second = contact.children_named.order_by("pk")
    link_contact_to_child(first, ruby, acting_user=sam)

    with pytest.raises(ValidationError, match="already linked"):
        link_contact_to_child(second, ruby, acting_user=sam)
