"""The child's details read ethnicity and disability from the DfE's lists: offered from them, refused outside them."""
import pytest

from journey.people.forms import ChildDetailsForm
from tests.people.test_people_edit_views import VALID_DETAILS

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_lists_codes():
    form = ChildDetailsForm()
    assert ("MWBC", "White and Black Caribbean") in list(form.fields["ethnicity"].choices)
    assert ("AUT", "Autism or Asperger syndrome") in list(form.fields["disabilities"].choices)


def test_an_ethnicity_outside_the_list_is_refused_naming_the_field():
    form = ChildDetailsForm(data={**VALID_DETAILS, "ethnicity": "WXYZ"})
    assert not form.is_valid()
    assert form.errors["ethnicity"] == ["Select the child's ethnicity from the list"]


def test_a_disability_outside_the_list_is_refused_naming_the_field():
    form = ChildDetailsForm(data={**VALID_DETAILS, "disabilities": ["COMM", "WINGS"]})
    assert not form.is_valid()
    assert form.errors["disabilities"] == ["Select each disability from the list"]


def test_the_page_keeps_the_childs_ethnicity_when_the_code_is_refused(client_for, alice, ruby):
    page = client_for(alice).post(f"/children/{ruby.pk}/details/", {**VALID_DETAILS, "ethnicity": "WXYZ"}).content.decode()
    assert "There is a problem" in page and "Select the child&#x27;s ethnicity from the list" in page
    ruby.person.refresh_from_db()
    assert ruby.person.ethnicity != "WXYZ"


def test_the_childs_page_shows_the_labels_from_the_lists(client_for, alice, ruby):
    client_for(alice).post(f"/children/{ruby.pk}/details/", {**VALID_DETAILS, "ethnicity": "MWBC", "disabilities": ["AUT", "COMM"]})
    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    assert "White and Black Caribbean" in page and "Autism or Asperger syndrome" in page
