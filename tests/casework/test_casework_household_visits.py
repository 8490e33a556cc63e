"""One visit to a household, recorded once for the children seen on it: each child's own seen, seen alone and words
land on that child's record; only children living with the child whom the worker may open can be on it."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.casework import queries
from journey.casework.actions import ChildSeen, open_episode, record_household_visit
from journey.casework.codes import EpisodeKind
from journey.casework.models import HouseholdVisit, Visit
from journey.chronology.materialise import differences
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.people.codes import HouseholdRole
from journey.people.models import Household, HouseholdMembership


def new_child(sam, first_name: str, years: int, *, restricted: bool = False):
    child = create_child(acting_user=sam, first_name=first_name, last_name="Smith", date_of_birth=today() - timedelta(days=years * 366))
    if restricted:
        child.is_restricted = True
        child.save()
    return child


@pytest.fixture
def household(ruby, leo, sam):
    """Ruby lives with Leo (Alice's too) and Rosa, a restricted sister whose record nobody in Team A may open."""
    rosa = new_child(sam, "Rosa", 12, restricted=True)
    home = Household.objects.create(name="Smith household, Elm Road")
    for member in (ruby, leo, rosa):
        HouseholdMembership.objects.create(household=home, person=member.person, role=HouseholdRole.CHILD)
    return {"ruby": ruby, "leo": leo, "rosa": rosa}


@pytest.fixture
def elsewhere(sam, alice):
    """Oscar: Alice's too, but living in another household."""
    oscar = new_child(sam, "Oscar", 6)
    open_episode(oscar, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=3), acting_user=sam, worker=alice)
    return oscar


@pytest.fixture
def visit_form(date_fields, household):
    """Ruby seen alone and Leo seen with mum yesterday afternoon; override any field."""
    ruby, leo = household["ruby"], household["leo"]

    def form(**overrides) -> dict:
        data = {
            **date_fields("visited_at", today() - timedelta(days=1)), "visited_time": "16:00", "place": "Home",
            "who_was_present": "Mum, Ruby and Leo", "children": [str(leo.pk)],
            f"child_{ruby.pk}_seen": "yes", f"child_{ruby.pk}_seen_alone": "yes", f"child_{ruby.pk}_words": "I got a star at school.",
            f"child_{leo.pk}_seen": "yes", f"child_{leo.pk}_seen_alone": "no", f"child_{leo.pk}_words": "Dog!",
            "observations": "Tidy home; both children warm with mum.", "next_steps": "Visit again in a fortnight.",
        }
        data.update(overrides)
        return data

    return form


def url(child) -> str:
    return f"/casework/children/{child.pk}/visits/household/new/"


def test_it_offers_the_children_living_with_the_child_whom_the_worker_may_open(client_for, alice, household, elsewhere):
    page = client_for(alice).get(url(household["ruby"])).content.decode()
    assert f'value="{household["leo"].pk}"' in page and "Was Leo seen alone?" in page
    assert "Rosa" not in page and "Oscar" not in page


def test_a_restricted_sibling_is_never_offered(alice, household):
    assert list(queries.household_children(household["ruby"], alice)) == [household["leo"]]


def test_one_visit_lands_on_each_child_with_their_own_seen_alone_and_words(client_for, alice, household, visit_form):
    ruby, leo = household["ruby"], household["leo"]
    response = client_for(alice).post(url(ruby), visit_form())
    assert response.status_code == 302
    assert response["Location"] == f"/children/{ruby.pk}/"
    group = HouseholdVisit.objects.get()
    rubys, leos = group.visits.get(child=ruby), group.visits.get(child=leo)
    assert (rubys.child_seen_alone, rubys.childs_words) == (True, "I got a star at school.")
    assert (leos.child_seen, leos.child_seen_alone, leos.childs_words) == (True, False, "Dog!")
    assert rubys.visited_at == leos.visited_at and rubys.observations == leos.observations == "Tidy home; both children warm with mum."
    assert rubys.recorded_by == leos.recorded_by == alice
    assert queries.seen(leo).last_seen == leos.visited_at
    assert queries.seen(ruby).last_seen_alone == rubys.visited_at
    assert differences([ruby.pk, leo.pk]) == []


def test_a_sibling_seen_alone_on_the_visit_is_no_longer_never_seen_alone(client_for, alice, household, visit_form):
    leo = household["leo"]
    client = client_for(alice)
    assert "Not seen alone yet" in client.get(f"/children/{leo.pk}/").content.decode()
    client.post(url(household["ruby"]), visit_form(**{f"child_{leo.pk}_seen_alone": "yes"}))
    page = client.get(f"/children/{leo.pk}/").content.decode()
    assert "Not seen alone yet" not in page
    assert "Visit: child seen alone" in page


def test_a_sibling_not_ticked_is_not_recorded(client_for, alice, household, visit_form):
    client_for(alice).post(url(household["ruby"]), visit_form(children=[]))
    assert list(Visit.objects.filter(household_visit__isnull=False).values_list("child_id", flat=True)) == [household["ruby"].pk]


@pytest.mark.parametrize("who", ["rosa", "oscar"])
def test_a_child_not_of_the_household_or_hidden_from_the_worker_is_refused_if_posted(client_for, alice, household, elsewhere, visit_form, who):
    other = household["rosa"] if who == "rosa" else elsewhere
    data = visit_form(children=[str(household["leo"].pk), str(other.pk)])
    response = client_for(alice).post(url(household["ruby"]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose only children who live with Ruby and whose records you may open" in page
    assert 'href="#id_children_0"' in page
    assert other.person.first_name not in page
    assert not HouseholdVisit.objects.exists() and not other.visits.exists()


def test_the_action_refuses_a_child_the_worker_may_not_open_whatever_the_caller(alice, household, elsewhere):
    ruby = household["ruby"]
    for other in (household["rosa"], elsewhere):
        with pytest.raises(ValidationError) as caught:
            record_household_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(hours=1), children=[
                ChildSeen(ruby, seen=True, seen_alone=True), ChildSeen(other, seen=True, seen_alone=False),
            ])
        assert list(caught.value.message_dict) == ["children"]
    assert not HouseholdVisit.objects.exists()


def test_seen_alone_but_not_seen_is_refused_beside_that_child(client_for, alice, household, visit_form):
    leo = household["leo"]
    page = client_for(alice).post(url(household["ruby"]), visit_form(**{f"child_{leo.pk}_seen": "no", f"child_{leo.pk}_seen_alone": "yes"})).content.decode()
    assert "Leo cannot be seen alone if they were not seen" in page
    assert f'id="id_child_{leo.pk}_seen_alone-error"' in page
    assert "I got a star at school.</textarea>" in page and "Dog!</textarea>" in page
    assert not HouseholdVisit.objects.exists()


def test_an_unanswered_question_for_a_ticked_child_names_the_child(client_for, alice, household, visit_form):
    leo = household["leo"]
    page = client_for(alice).post(url(household["ruby"]), visit_form(**{f"child_{leo.pk}_seen": ""})).content.decode()
    assert "Select yes if Leo was seen" in page
    assert not HouseholdVisit.objects.exists()


def test_a_visit_in_the_future_is_refused(client_for, alice, household, visit_form, date_fields):
    data = visit_form(**date_fields("visited_at", today() + timedelta(days=1)))
    page = client_for(alice).post(url(household["ruby"]), data).content.decode()
    assert "Date of visit must be today or in the past" in page
    assert not HouseholdVisit.objects.exists()


def test_a_colleague_in_the_allocated_team_can_record_a_household_visit(client_for, bea, household, visit_form):
    assert client_for(bea).get(url(household["ruby"])).status_code == 200
    assert client_for(bea).post(url(household["ruby"]), visit_form()).status_code == 302
    assert HouseholdVisit.objects.get().visits.count() == 2


def test_a_worker_in_another_team_or_a_partner_cannot(client_for, charlie, officer, household, visit_form):
    for persona in (charlie, officer):
        client = client_for(persona)
        assert client.get(url(household["ruby"])).status_code == 403
        assert client.post(url(household["ruby"]), visit_form()).status_code == 403
    assert not HouseholdVisit.objects.exists()


def test_a_visit_names_the_other_children_seen_only_to_those_who_may_open_them(client_for, alice, helen, charlie, sam, household):
    """Helen sees Team A's and Team B's children; Alice does not see Mia, whom Team B holds."""
    ruby = household["ruby"]
    mia = new_child(sam, "Mia", 5)
    open_episode(mia, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=3), acting_user=sam, worker=charlie)
    HouseholdMembership.objects.create(household=HouseholdMembership.objects.get(person=ruby.person).household, person=mia.person,
                                       role=HouseholdRole.CHILD)
    group = record_household_visit(ruby, acting_user=helen, visited_at=timezone.now() - timedelta(hours=2), children=[
        ChildSeen(ruby, seen=True, seen_alone=False), ChildSeen(mia, seen=True, seen_alone=True, words="Mia's words."),
    ])
    rubys = group.visits.get(child=ruby)
    assert "Mia" in client_for(helen).get(f"/casework/children/{ruby.pk}/visits/{rubys.pk}/").content.decode()
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/visits/{rubys.pk}/").content.decode()
    assert "Mia" not in page and "Also on this visit" not in page


def test_the_single_child_visit_form_leads_to_the_household_visit(client_for, alice, household):
    page = client_for(alice).get(f"/casework/children/{household['ruby'].pk}/visits/new/").content.decode()
    assert f'href="{url(household["ruby"])}"' in page
