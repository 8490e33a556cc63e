"""Information a partner adds about a child their agency raised a concern about: to the allocated worker and team,
onto the chronology and not into the screening queue; to the front door, as a contact about the same child, when
no one is allocated. Only for a partner whose agency raised a concern about the child."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.casework.actions import allocate, open_episode
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.frontdoor.actions import NamedChild, NotRaisedByYourAgency, add_partner_information, link_contact_to_child, record_contact
from journey.frontdoor.codes import ContactStatus, InformationRoute
from journey.frontdoor.models import INFORMATION_MAX_LENGTH, Contact, PartnerInformation
from journey.frontdoor.queries import information_for_workers
from journey.frontdoor.rules import route_information
from journey.lib.dates import today
from journey.people.actions import create_child

pytestmark = pytest.mark.django_db


def add(child, user, **overrides):
    fields = {
        "what_happened": "Ruby came in with a cut lip and said her mum's boyfriend pushed her.",
        "happened_on": today() - timedelta(days=1), "how_known": "child", "family_knows": False,
    }
    return add_partner_information(child, acting_user=user, **{**fields, **overrides})


@pytest.fixture
def freya(sam, teacher, school):
    """Freya Ng: the school raised a concern about her; the front door matched it; nobody is allocated."""
    child = create_child(acting_user=sam, first_name="Freya", last_name="Ng", date_of_birth=today() - timedelta(days=2000))
    contact = record_contact(acting_user=teacher, agency=school, concern="Freya said she is scared at home.",
                             children=[NamedChild("Freya", "Ng")], received_at=timezone.now() - timedelta(days=3))
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
    return child


def test_it_goes_to_the_allocated_worker_and_onto_the_chronology(officer, alice, team_a, ruby):
    queue_before = Contact.objects.filter(status=ContactStatus.AWAITING_SCREENING).count()

    information = add(ruby, officer)

    assert (information.routed_to, information.worker, information.team) == (InformationRoute.WORKER, alice, team_a)
    assert information.contact is None and information.agency == officer.agency
    assert Contact.objects.filter(status=ContactStatus.AWAITING_SCREENING).count() == queue_before
    entry = ChronologyEntry.objects.get(child=ruby, kind="partner_information")
    assert entry.agency == "Northfield Police" and entry.author == "Priya Patel"
    assert entry.title.startswith("Information from Northfield Police: the child told them")
    assert "cut lip" in entry.summary
    assert ["Sent to", "Alice Akers, Assessment Team A"] in entry.details
    assert differences([ruby.pk]) == []


def test_the_worker_sees_it_on_the_childs_chronology(client_for, officer, alice, ruby):
    add(ruby, officer)

    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()

    assert "Information from Northfield Police" in page and "cut lip" in page


def test_without_an_allocated_worker_it_goes_to_the_front_door_as_a_contact_about_the_same_child(client_for, teacher, sam, freya):
    information = add(freya, teacher, what_happened="Freya has not been in school for a week.", how_known="records")

    contact = information.contact
    assert information.routed_to == InformationRoute.FRONT_DOOR and information.worker is None
    assert contact.status == ContactStatus.AWAITING_SCREENING and contact.recorded_by == teacher
    assert contact.agency.name == "Oakfield Primary School" and contact.referrer_name == "Tess Turner"
    assert contact.concern.startswith("Freya has not been in school for a week.")
    assert "How they know: from their agency's records" in contact.concern
    named = contact.children_named.get()
    assert (named.child, named.linked_by) == (freya, teacher)
    assert not ChronologyEntry.objects.filter(child=freya, kind="partner_information").exists()
    assert ChronologyEntry.objects.filter(child=freya, kind="contact", key=f"contact:{contact.pk}").exists()
    assert differences([freya.pk]) == []
    queue = client_for(sam).get("/front-door/").content.decode()
    assert f"Contact {contact.pk}" in queue


def test_the_screener_sees_the_earlier_contact_beside_it(client_for, teacher, sam, freya):
    contact = add(freya, teacher).contact

    page = client_for(sam).get(f"/front-door/contacts/{contact.pk}/").content.decode()

    assert "1 other contact: Oakfield Primary School (1)" in page


@pytest.mark.parametrize("persona", ["teacher", "alice", "bea", "mo", "sam", "charlie", "helen"])
def test_only_a_partner_whose_agency_raised_a_concern_may_add(request, ruby, persona):
    with pytest.raises(NotRaisedByYourAgency):
        add(ruby, request.getfixturevalue(persona))
    assert not PartnerInformation.objects.exists()


def test_a_partner_may_not_add_about_a_restricted_child_even_one_their_agency_raised(teacher, school, sam, freya):
    freya.is_restricted = True
    freya.save()

    with pytest.raises(NotRaisedByYourAgency):
        add(freya, teacher)


@pytest.mark.parametrize("overrides, field, message", [
    ({"what_happened": "  \n "}, "what_happened", "Enter what happened"),
    ({"happened_on": None}, "happened_on", "Enter the date it happened"),
    ({"happened_on": today() + timedelta(days=1)}, "happened_on", "Date it happened must be today or in the past"),
    ({"what_happened": "x" * (INFORMATION_MAX_LENGTH + 1)}, "what_happened", f"What happened must be {INFORMATION_MAX_LENGTH:,} characters or fewer"),
    ({"how_known": "psychic"}, "how_known", "Select how you know"),
])
def test_it_refuses_bad_input_naming_the_field(officer, ruby, overrides, field, message):
    with pytest.raises(ValidationError) as refused:
        add(ruby, officer, **overrides)

    assert message in refused.value.message_dict[field]
    assert not PartnerInformation.objects.exists()


def test_the_statutory_lead_gets_it_when_a_child_has_two_workers(ruby, alice, bea, sam, mo):
    open_episode(ruby, "early_help", started_on=today(), acting_user=sam, worker=bea, team=bea.team)

    assert route_information(ruby).allocation.worker == alice


def test_a_new_allocation_routes_to_the_new_worker(officer, ruby, charlie, team_b, mo, helen):
    allocate(ruby.episodes.get(), worker=charlie, team=team_b, started_on=today(), acting_user=helen)

    assert add(ruby, officer).worker == charlie


def test_a_worker_can_ask_what_partners_sent_about_their_children_since_a_time(officer, ruby, freya, teacher):
    earlier = add(ruby, officer)
    since = timezone.now()
    later = add(ruby, officer, what_happened="Seen again with a bruise.")
    add(freya, teacher)  # went to the front door: it reaches the worker as a contact

    assert information_for_workers([ruby.pk, freya.pk]) == [later, earlier]
    assert information_for_workers([ruby.pk, freya.pk], since=since) == [later]
