"""The front door's rules, tested at the actions."""
import pytest
from django.core.exceptions import ValidationError

from journey.accounts.models import Role
from journey.frontdoor.actions import NamedChild, create_child_from_contact, link_contact_to_child, screen_contact
from journey.frontdoor.models import Contact, Referral, ScreeningDecision
from journey.frontdoor.rules import is_rereferral
from journey.people.models import Child
from tests.conftest import make_user


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


def test_a_second_screener_acting_on_a_stale_page_is_told_it_is_already_screened(sam, council, front_door_team, ruby, raise_contact, team_a):
    second_screener = make_user("sol", Role.SCREENER, council, front_door_team, "Sol", "Stone", "Screener")
    contact = raise_contact(NamedChild("Ruby", "Smith"))
    link_contact_to_child(contact.children_named.get(), ruby, acting_user=sam)
    stale = Contact.objects.get(pk=contact.pk)
    screen_contact(contact, acting_user=sam, outcome="early_help", rationale="Family asked for support.", team=team_a)

    with pytest.raises(ValidationError, match="already been screened"):
        screen_contact(stale, acting_user=second_screener, outcome="referral", rationale="Needs assessment.")
    assert ScreeningDecision.objects.get(contact=contact).decided_by == sam


def test_creating_a_record_twice_for_one_child_named_makes_only_one(sam, raise_contact):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    first_press = contact.children_named.get()
    second_press = contact.children_named.get()
    create_child_from_contact(first_press, acting_user=sam)

    with pytest.raises(ValidationError, match="already linked"):
        create_child_from_contact(second_press, acting_user=sam)
    assert Child.objects.count() == 1


def test_new_work_needs_the_team_it_goes_to(sam, raise_contact):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    with pytest.raises(ValidationError, match="Select the team the work goes to: Zara Quinn"):
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs assessment.")
    contact.refresh_from_db()
    assert contact.is_open


def test_a_referral_goes_to_the_receiving_team_until_its_manager_allocates(sam, mo, alice, raise_contact, team_a):
    from journey.access.rules import involvement
    from journey.casework.actions import allocate

    contact = raise_contact(NamedChild("Zara", "Quinn"))
    zara = create_child_from_contact(contact.children_named.get(), acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs assessment.", team=team_a)

    episode = zara.episodes.get()
    assert (episode.kind, episode.team, episode.current_allocation()) == ("child_in_need", team_a, None)
    assert involvement(alice, zara) == "team member" and involvement(mo, zara) == "manager line"
    allocate(episode, worker=alice, team=team_a, started_on=episode.started_on, acting_user=mo)
    assert involvement(alice, zara) == "allocated worker"


def test_a_referral_continues_an_open_episode_without_a_team(sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)
    screen_contact(ruby_again, acting_user=sam, outcome="referral", rationale="Second incident.")
    assert ruby.episodes.count() == 1
