"""What the census asks of a child's details: the date of death, a former UPN and why a UPN is unknown, each
refused naming its field, on the details page and the journey page (the API's staff view: tests/api)."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.lib.dates import today
from journey.lib.identifiers import upn_check_letter
from journey.people.actions import update_child_details

FORMER_UPN = upn_check_letter("987654321098") + "987654321098"


def test_a_date_of_death_before_the_date_of_birth_is_refused_naming_the_field(alice, ruby):
    with pytest.raises(ValidationError) as refused:
        update_child_details(ruby, acting_user=alice, date_of_death=ruby.date_of_birth - timedelta(days=1))
    assert list(refused.value.message_dict) == ["date_of_death"]
    assert refused.value.message_dict["date_of_death"][0].startswith("Date of death must be on or after the date of birth")
    ruby.refresh_from_db()
    assert ruby.date_of_death is None


def test_a_date_of_death_in_the_future_is_refused_by_the_fields_own_rule(alice, ruby):
    with pytest.raises(ValidationError) as refused:
        update_child_details(ruby, acting_user=alice, date_of_death=today() + timedelta(days=1))
    assert "date_of_death" in refused.value.message_dict


def test_a_reason_the_upn_is_unknown_is_refused_beside_a_upn(alice, ruby):
    with pytest.raises(ValidationError) as refused:
        update_child_details(ruby, acting_user=alice, upn="A123456789012", upn_unknown_reason="UN1")
    assert refused.value.message_dict == {"upn_unknown_reason": ["Leave the reason the UPN is unknown empty when the UPN is given"]}


def test_a_reason_outside_the_list_is_refused(alice, ruby):
    with pytest.raises(ValidationError) as refused:
        update_child_details(ruby, acting_user=alice, upn_unknown_reason="UN99")
    assert refused.value.message_dict["upn_unknown_reason"][0].startswith("Reason the UPN is unknown must be one of the codes valid on")


def test_a_former_upn_is_checked_like_a_upn_and_must_differ_from_it(alice, ruby):
    with pytest.raises(ValidationError) as mistyped:
        update_child_details(ruby, acting_user=alice, former_upn="B123456789012")
    assert "former_upn" in mistyped.value.message_dict
    with pytest.raises(ValidationError) as same:
        update_child_details(ruby, acting_user=alice, upn="A123456789012", former_upn="a123456789012")
    assert same.value.message_dict == {"former_upn": ["Former UPN must be different from the UPN"]}


def test_the_details_are_recorded_and_the_journey_page_shows_them(client_for, alice, ruby):
    died = today() - timedelta(days=3)
    update_child_details(ruby, acting_user=alice, upn_unknown_reason="UN6", former_upn=FORMER_UPN.lower(), date_of_death=died)
    ruby.refresh_from_db()
    assert (ruby.upn_unknown_reason, ruby.former_upn, ruby.date_of_death) == ("UN6", FORMER_UPN, died)

    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    assert f"Died on {died:%-d %B %Y}" in page
    assert "Not known: child is not looked after, and the local authority cannot obtain the upn" in page
    assert f"Former UPN {FORMER_UPN}" in page


def test_the_details_page_keeps_what_was_typed_when_a_rule_refuses_it(client_for, alice, ruby):
    born = ruby.date_of_birth
    before = born - timedelta(days=2)
    data = {
        "first_name": "Ruby", "last_name": "Smith", "sex": "F", "ethnicity": "WBRI", "upn": "A123456789012",
        "date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year,
        "date_of_death_0": before.day, "date_of_death_1": before.month, "date_of_death_2": before.year,
        "upn_unknown_reason": "UN2", "former_upn": FORMER_UPN,
    }
    response = client_for(alice).post(f"/children/{ruby.pk}/details/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_date_of_death_0"' in page and 'href="#id_upn_unknown_reason"' in page
    assert f'value="{FORMER_UPN}"' in page and '<option value="UN2" selected>' in page
    ruby.refresh_from_db()
    assert (ruby.upn, ruby.date_of_death, ruby.former_upn) == ("", None, "")


def test_another_teams_worker_cannot_change_the_details(client_for, charlie, ruby):
    data = {"first_name": "Ruby", "last_name": "Smith", "sex": "F", "ethnicity": "WBRI", "upn_unknown_reason": "UN1"}
    assert client_for(charlie).post(f"/children/{ruby.pk}/details/", data).status_code == 403
    ruby.refresh_from_db()
    assert ruby.upn_unknown_reason == ""

