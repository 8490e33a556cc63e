"""The partner's "add information" page: a short form from the child's shared page or "my concerns"; the partner is
told plainly where it went; bad input is refused naming the field, keeping what was typed; everyone but a partner
whose agency raised a concern about the child gets the no-access page, as for a missing child."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.frontdoor.models import INFORMATION_MAX_LENGTH, PartnerInformation
from journey.lib.dates import today
from journey.people.actions import create_child

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def url(child) -> str:
    return f"/front-door/children/{child.pk}/information/new/"


def form(**overrides) -> dict:
    day = today() - timedelta(days=2)
    return {
        "what_happened": "Ruby was collected from a party by an adult who smelled of alcohol.",
        "happened_on_0": str(day.day), "happened_on_1": str(day.month), "happened_on_2": str(day.year),
        "how_known": "seen", "family_knows": "unknown", **overrides,
    }


@pytest.fixture
def freya(sam, teacher, school):
    """Freya Ng: the school raised a concern about her, matched by the front door; nobody is allocated."""
    child = create_child(acting_user=sam, first_name="Freya", last_name="Ng", date_of_birth=today() - timedelta(days=2000))
    contact = record_contact(acting_user=teacher, agency=school, concern="Freya said she is scared at home.",
                             children=[NamedChild("Freya", "Ng")], received_at=timezone.now() - timedelta(days=3))
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
    return child


def test_a_partner_whose_agency_raised_a_concern_gets_the_form(client_for, officer, ruby):
    response = client_for(officer).get(url(ruby))

    page = response.content.decode()
    assert response.status_code == 200
    for question in ("What happened?", "When did it happen?", "How do you know?", "Does the family know you are telling us?"):
        assert question in page


def test_the_shared_page_offers_it(client_for, officer, ruby):
    assert url(ruby) in client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()


def test_sending_it_about_an_allocated_child_says_it_went_to_the_social_worker(client_for, officer, ruby):
    response = client_for(officer).post(url(ruby), form(), follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/front-door/children/{ruby.pk}/shared/"
    assert "Sent to the child&#x27;s social worker, Alice Akers, Assessment Team A" in page
    assert "Information your agency added" in page
    assert PartnerInformation.objects.get().family_knows is None


def test_sending_it_about_an_unallocated_child_says_it_went_to_the_front_door(client_for, teacher, freya):
    page = client_for(teacher).post(url(freya), form(), follow=True).content.decode()

    information = PartnerInformation.objects.get()
    assert f"Sent to the front door (reference {information.contact_id})" in page


@pytest.mark.parametrize("overrides, message", [
    ({"what_happened": "   "}, "Enter what happened"),
    ({"happened_on_0": "", "happened_on_1": "", "happened_on_2": ""}, "Enter the date it happened"),
    ({"happened_on_2": str(today().year + 1)}, "The date it happened must be today or in the past"),
    ({"happened_on_1": "13"}, "The date it happened must be a real date"),
    ({"what_happened": "x" * (INFORMATION_MAX_LENGTH + 1)}, f"What happened must be {INFORMATION_MAX_LENGTH:,} characters or fewer"),
    ({"how_known": ""}, "Select how you know"),
    ({"how_known": "psychic"}, "Select how you know"),
    ({"family_knows": "maybe"}, "Select yes, no or not known for whether the family knows"),
    ({"what_happened": "a\x00b"}, "Null characters are not allowed"),
])
def test_it_refuses_bad_input_naming_the_field_and_keeps_what_was_typed(client_for, officer, ruby, overrides, message):
    response = client_for(officer).post(url(ruby), form(**{"how_known": "child", **overrides}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    if "what_happened" not in overrides:
        assert "smelled of alcohol" in page
    assert not PartnerInformation.objects.exists()


@pytest.mark.parametrize("persona", ["teacher", "alice", "bea", "mo", "helen", "sam", "charlie", "admin_user"])
def test_everyone_else_gets_the_no_access_page_and_nothing_is_sent(client_for, request, ruby, persona):
    client = client_for(request.getfixturevalue(persona))

    for response in (client.get(url(ruby)), client.post(url(ruby), form())):
        assert response.status_code == 403
        assert "You do not have access" in response.content.decode()
    assert not PartnerInformation.objects.exists()


def test_a_missing_child_answers_as_a_forbidden_one(client_for, officer, teacher, ruby):
    client = client_for(teacher)
    forbidden, missing = client.get(url(ruby)), client.get("/front-door/children/987654321/information/new/")

    assert forbidden.status_code == missing.status_code == 403
    assert CSRF.sub(b"", forbidden.content) == CSRF.sub(b"", missing.content)
    assert client_for(officer).get("/front-door/children/99999999999999999999/information/new/").status_code == 403


def test_a_partner_never_adds_about_a_restricted_child(client_for, teacher, freya):
    freya.is_restricted = True
    freya.save()

    assert client_for(teacher).post(url(freya), form()).status_code == 403
    assert not PartnerInformation.objects.exists()
