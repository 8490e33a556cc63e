"""The referral's source as the census counts it: derived from the contact's agency, the screener's to change."""
import importlib

import pytest

from journey.accounts.models import AgencyKind
from journey.codelists import lookup
from journey.frontdoor.actions import NamedChild, create_child_from_contact, screen_contact
from journey.frontdoor.codes import REFERRAL_SOURCE_FOR_AGENCY, referral_source_for
from journey.frontdoor.models import Referral


@pytest.mark.django_db  # the code lists are read from the database (the lookup's cache may be cold, whatever ran before)
def test_every_kind_of_agency_points_to_a_referral_source_valid_today():
    for kind in AgencyKind.values:
        assert lookup.is_valid("cin.referral_source", referral_source_for(kind)), kind


def test_the_migration_fills_existing_referrals_with_the_same_mapping():
    migration = importlib.import_module("journey.frontdoor.migrations.0006_referral_source")
    assert migration.SOURCE_FOR_AGENCY == {str(kind): code for kind, code in REFERRAL_SOURCE_FOR_AGENCY.items()}


def test_a_referral_from_a_school_is_from_schools_unless_the_screener_says_otherwise(sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs an assessment.", team=team_a)

    assert Referral.objects.get(contact=contact).source == "2A"


def test_the_screener_may_change_the_source_the_agency_points_to(sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    screen_contact(contact, acting_user=sam, outcome="strategy", rationale="Injury.", team=team_a, referral_source="3C")

    assert Referral.objects.get(contact=contact).source == "3C"


def test_a_source_outside_the_list_is_refused_naming_the_field_and_nothing_is_decided(sam, raise_contact, team_a):
    from django.core.exceptions import ValidationError

    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    with pytest.raises(ValidationError) as refused:
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs an assessment.", team=team_a, referral_source="3Z")

    assert refused.value.message_dict == {"referral_source": [refused.value.message_dict["referral_source"][0]]}
    assert refused.value.message_dict["referral_source"][0].startswith("Referral source must be one of the codes valid on")
    contact.refresh_from_db()
    assert contact.is_open and not Referral.objects.exists()


def test_the_screening_form_offers_the_agencys_source_already_chosen(client_for, sam, raise_contact):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    page = client_for(sam).get(f"/front-door/contacts/{contact.pk}/").content.decode()

    assert "Who made the referral?" in page
    assert '<option value="2A" selected>Schools</option>' in page


def test_the_screeners_choice_is_kept_when_the_form_comes_back_with_an_error(client_for, sam, raise_contact):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/screen/", {
        "outcome": "referral", "rationale": " ", "referral_source": "3B",
    })

    page = response.content.decode()
    assert response.status_code == 200
    assert '<option value="3B" selected>Health services: health visitor</option>' in page


def test_the_decided_contact_shows_who_made_the_referral(client_for, sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    client_for(sam).post(f"/front-door/contacts/{contact.pk}/screen/", {
        "outcome": "referral", "rationale": "Needs an assessment.", "team": team_a.pk, "referral_source": "1B",
    })

    page = client_for(sam).get(f"/front-door/contacts/{contact.pk}/").content.decode()
    assert "Individual: acquaintance (including neighbours and childminders)" in page
    assert Referral.objects.get(contact=contact).source == "1B"


def test_a_partner_cannot_screen_so_cannot_set_a_source(client_for, teacher, sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    response = client_for(teacher).post(f"/front-door/contacts/{contact.pk}/screen/", {
        "outcome": "referral", "rationale": "Needs an assessment.", "team": team_a.pk, "referral_source": "1B",
    })

    assert response.status_code == 403
    assert not Referral.objects.exists()
