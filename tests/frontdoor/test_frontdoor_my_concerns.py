"""A partner's "my concerns": the contacts they raised (or their agency's), where each has got to in plain words,
and the allocated team's duty number where the child's shared page is open to them. Their landing page."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Role
from journey.accounts.views import start_page
from journey.audit.models import Action, AuditEvent
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.frontdoor.views import CONCERNS_PAGE_SIZE
from journey.lib.dates import today
from journey.people.actions import create_child
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
URL = "/front-door/my-concerns/"
DUTY = "01632 960123"


@pytest.fixture
def raised_by(police, sam):
    """``raised_by(user, "First", child=..., hours_ago=...)``: a contact the user raised for their agency, linked by
    Sam to ``child`` when one is given."""

    def make(user, first_name: str, *, child=None, hours_ago: int = 1, concern: str = "Seen alone in the park at night."):
        contact = record_contact(
            acting_user=user, agency=user.agency, concern=concern, children=[NamedChild(first_name, "Doe")],
            received_at=timezone.now() - timedelta(hours=hours_ago), referrer_name=user.display_name,
        )
        if child is not None:
            link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
        return contact

    return make


@pytest.fixture
def make_child(sam):
    """``make_child("Dee")``: a child on record with no worker (``is_restricted`` for one partners never see)."""

    def make(first_name: str, *, is_restricted: bool = False):
        child = create_child(acting_user=sam, first_name=first_name, last_name="Doe", date_of_birth=today() - timedelta(days=3000))
        child.is_restricted = is_restricted
        child.save()
        return child

    return make


@pytest.fixture
def team_a_duty(team_a):
    team_a.phone = DUTY
    team_a.save()
    return team_a


def test_it_lists_the_partners_own_contacts_newest_first(client_for, officer, teacher, raised_by):
    raised_by(officer, "Older", hours_ago=30)
    raised_by(officer, "Newer", hours_ago=2)
    raised_by(teacher, "Schools")

    response = client_for(officer).get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Newer Doe") < page.index("Older Doe")
    assert "Schools Doe" not in page


def test_it_leaves_colleagues_contacts_to_the_agency_list(client_for, officer, police, raised_by, ruby):
    colleague = make_user("pc_jones", Role.PARTNER, police, None, "Jo", "Jones", "Police constable")
    raised_by(colleague, "Colleagues")

    mine = client_for(officer).get(URL).content.decode()
    agency = client_for(officer).get(URL + "?whose=agency").content.decode()

    assert "Colleagues Doe" not in mine and "Ruby Smith" not in mine
    assert "Colleagues Doe" in agency
    assert "Ruby Smith" in agency  # DC Green's call, which the front door took down for the police
    assert "Raised by Jo Jones" in agency


def test_the_agency_list_never_shows_another_agencys_contacts(client_for, officer, teacher, raised_by):
    raised_by(teacher, "Schools")

    assert "Schools Doe" not in client_for(officer).get(URL + "?whose=agency").content.decode()
    assert "Schools Doe" in client_for(teacher).get(URL).content.decode()


def test_it_never_shows_a_contact_about_a_restricted_child(client_for, officer, raised_by, make_child):
    raised_by(officer, "Hidden", child=make_child("Rosa", is_restricted=True))

    page = client_for(officer).get(URL).content.decode()

    assert "Hidden Doe" not in page
    assert "You have not raised any concerns yet" in page


@pytest.mark.parametrize("outcome, words", [
    ("referral", "Referred to children&#x27;s social care for assessment"),
    ("nfa", "No further action by children&#x27;s social care"),
    ("early_help", "Early help offered"),
    ("advice", "Information and advice given; no further action by children&#x27;s social care"),
])
def test_it_says_what_the_front_door_decided_in_plain_words(client_for, officer, sam, team_b, raised_by, make_child, outcome, words):
    contact = raised_by(officer, "Decided", child=make_child("Dee"))
    screen_contact(contact, acting_user=sam, outcome=outcome, rationale="Weighed with the school's view.", team=team_b)

    page = client_for(officer).get(URL).content.decode()

    assert words in page
    assert "Weighed with the school" not in page  # the screener's reasoning stays with the council


def test_a_contact_not_yet_decided_is_waiting_for_the_front_door(client_for, officer, raised_by):
    raised_by(officer, "Waiting")

    assert "Waiting for the front door to decide" in client_for(officer).get(URL).content.decode()


def test_it_gives_the_allocated_teams_duty_number(client_for, officer, raised_by, ruby, team_a_duty):
    raised_by(officer, "Ruby", child=ruby)

    page = client_for(officer).get(URL).content.decode()

    assert "Assessment Team A" in page and DUTY in page
    assert f"/front-door/children/{ruby.pk}/information/new/" in page
    assert f"/front-door/children/{ruby.pk}/shared/" in page


def test_it_gives_no_duty_number_for_a_child_not_yet_matched_or_not_allocated(
    client_for, officer, raised_by, ruby, make_child, team_a_duty
):
    raised_by(officer, "Unmatched")
    unallocated = make_child("Una")
    raised_by(officer, "Una", child=unallocated)

    page = client_for(officer).get(URL).content.decode()

    assert DUTY not in page and "Assessment Team A" not in page
    assert "/front-door/children/" not in page.replace(f"/front-door/children/{unallocated.pk}/", "")


def test_another_agency_never_gets_the_duty_number_of_a_child_it_did_not_raise(client_for, teacher, raised_by, ruby, team_a_duty):
    raised_by(teacher, "Ruby")  # named, but the front door has not matched it to Ruby: nothing of her record is shared

    page = client_for(teacher).get(URL).content.decode()

    assert "Ruby Doe" in page
    assert DUTY not in page and f"/children/{ruby.pk}/" not in page


@pytest.mark.parametrize("persona", ["alice", "sam", "mo", "helen", "admin_user"])
def test_staff_are_refused_the_partners_page(client_for, request, persona):
    response = client_for(request.getfixturevalue(persona)).get(URL)

    assert response.status_code == 403
    assert "You do not have access" in response.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_reading_it_is_audited_with_the_children_and_contacts_shown(client_for, officer, raised_by, ruby):
    contact = raised_by(officer, "Ruby", child=ruby)

    client_for(officer).get(URL)

    event = AuditEvent.objects.filter(action=Action.READ, user=officer, what="my concerns").get()
    assert event.after == {"children": [ruby.pk], "contacts": [contact.pk]}


def test_it_pages_by_key_without_repeating_or_missing_a_contact(client_for, officer, raised_by):
    for n in range(CONCERNS_PAGE_SIZE + 3):
        raised_by(officer, f"Paged{n:02d}", hours_ago=n + 1)
    client = client_for(officer)

    seen, url = [], URL
    while url:
        page = client.get(url).content.decode()
        seen += re.findall(r"(Paged\d\d) Doe", page)
        older = re.search(r'href="(\?after=\d+)" rel="next"', page)
        url = URL + older.group(1) if older else None

    assert seen == [f"Paged{n:02d}" for n in range(CONCERNS_PAGE_SIZE + 3)]


def test_partners_land_on_their_concerns_and_staff_where_they_did(client_for, officer, alice, sam):
    assert start_page(officer) == "frontdoor:my-concerns"
    assert client_for(officer).get("/")["Location"] == URL
    assert client_for(alice).get("/")["Location"] == "/casework/"
    assert client_for(sam).get("/")["Location"] == "/front-door/"
