"""The family and household pages: who may open them (whoever may open the child's record; partners never), what a
worker may change there, and that bad input or an id from outside the family is refused, never a 500."""
import pytest

from journey.lib.dates import today
from journey.people.models import HouseholdMembership, Person, Relationship
from tests.people.family_world import family  # noqa: F401  (family is a fixture)

pytestmark = pytest.mark.django_db
NO_ACCESS = b"You do not have access"
MISSING = 987654321


def date_fields(name: str, day) -> dict:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def pages(family) -> list[str]:
    ruby = family.ruby.pk
    relationship = Relationship.objects.get(from_person=family.jo, to_person=family.ruby.person).pk
    membership = HouseholdMembership.objects.get(person=family.jo).pk
    return [
        f"/children/{ruby}/family/", f"/children/{ruby}/family/add/", f"/children/{ruby}/family/link/",
        f"/children/{ruby}/family/relationships/{relationship}/end/", f"/children/{ruby}/family/household/join/",
        f"/children/{ruby}/family/household/{membership}/leave/", f"/children/{ruby}/family/household/move/",
    ]


def test_the_worker_may_open_every_family_page(client_for, family, alice):
    client = client_for(alice)
    for url in pages(family):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["charlie", "officer", "teacher"])
def test_uninvolved_staff_and_partners_are_refused_every_family_page_and_change(client_for, charlie, officer, teacher, family, persona):
    client = client_for({"charlie": charlie, "officer": officer, "teacher": teacher}[persona])
    people = Person.objects.count()
    for url in pages(family):
        assert client.get(url).status_code == 403, url
        if url.endswith("/family/"):
            continue  # the family page only reads
        refused = client.post(url, {"first_name": "Dan", "last_name": "Price", "sex": "M", "kind": "parents_partner",
                                    **date_fields("ended_on", today()), **date_fields("left_on", today())})
        assert refused.status_code == 403 and NO_ACCESS in refused.content, url
    assert Person.objects.count() == people
    assert not Relationship.objects.filter(ended_on__isnull=False).exists()


def test_a_missing_relationship_or_membership_answers_like_a_forbidden_one(client_for, family, alice, bertie_family):
    client = client_for(alice)
    ruby = family.ruby.pk
    for url in (f"/children/{ruby}/family/relationships/{MISSING}/end/", f"/children/{ruby}/family/household/{MISSING}/leave/",
                f"/children/{ruby}/family/relationships/{bertie_family['relationship']}/end/",
                f"/children/{ruby}/family/household/{bertie_family['membership']}/leave/", f"/children/{MISSING}/family/"):
        response = client.get(url)
        assert response.status_code == 403 and NO_ACCESS in response.content, url


def test_a_restricted_relative_s_relationship_is_not_reachable_by_id(client_for, family, alice):
    hidden = Relationship.objects.get(from_person=family.wren.person).pk
    response = client_for(alice).get(f"/children/{family.ruby.pk}/family/relationships/{hidden}/end/")
    assert response.status_code == 403


@pytest.fixture
def bertie_family(sam):
    """Another family's relationship and household stay, whose ids must not work under Ruby's address."""
    from journey.people.actions import create_child
    from journey.people.models import Household

    bertie = create_child(acting_user=sam, first_name="Bertie", last_name="Morgan")
    mum = Person.objects.create(first_name="Kerry", last_name="Morgan")
    relationship = Relationship.objects.create(from_person=mum, to_person=bertie.person, kind="mother")
    membership = HouseholdMembership.objects.create(household=Household.objects.create(name="Morgan"), person=mum, role="parent")
    return {"relationship": relationship.pk, "membership": membership.pk}


def test_adding_a_partner_through_the_page(client_for, family, alice):
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/add/", {
        "first_name": "Dan", "last_name": "Price", "approximate_age": "34", "sex": "M", "kind": "parents_partner",
        "lives_with_child": "on", **date_fields("joined_on", today()),
    })
    assert response.status_code == 302 and response["Location"] == f"/children/{family.ruby.pk}/family/"
    dan = Person.objects.get(first_name="Dan")
    assert HouseholdMembership.objects.get(person=dan).household == family.home
    page = client_for(alice).get(f"/children/{family.ruby.pk}/").content.decode()
    assert "Dan Price (parent&#x27;s partner) joined the household" in page
    assert "Dan Price" in page[page.index("<svg"):page.index("</svg>")]


def test_bad_input_is_refused_naming_each_field_and_nothing_typed_is_lost(client_for, family, alice):
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/add/", {
        "first_name": "", "last_name": "P" * 101, "approximate_age": "thirty", "sex": "Q", "kind": "cousin",
        **date_fields("date_of_birth", today().replace(year=today().year + 1)), "started_on_0": "31", "started_on_1": "2",
        "started_on_2": "2024", "joined_on_0": "\x00",
    })
    page = response.content.decode()
    assert response.status_code == 200
    for message in ("Enter their first name", "Last name must be 100 characters or fewer", "Approximate age must be a whole number",
                    "Select their sex", "Select how they are related to the child", "Date of birth must be today or in the past",
                    "When the relationship began must be a real date"):
        assert message in page, message
    assert 'value="thirty"' in page and "P" * 101 in page


def test_a_second_mother_is_refused_on_the_page_beside_the_relationship(client_for, family, alice):
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/add/", {
        "first_name": "Ann", "last_name": "Other", "sex": "F", "kind": "mother"})
    assert response.status_code == 200 and "already has a mother on record (Jo Smith)" in response.content.decode()


def test_ending_a_relationship_before_it_began_is_refused_on_the_page(client_for, family, alice):
    dan = Relationship.objects.create(from_person=Person.objects.create(first_name="Dan", last_name="Price"), to_person=family.ruby.person,
                                      kind="parents_partner", started_on=today().replace(year=today().year - 1))
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/relationships/{dan.pk}/end/",
                                      date_fields("ended_on", today().replace(year=today().year - 2)))
    assert response.status_code == 200 and "End date must be on or after the date the relationship began" in response.content.decode()
    ok = client_for(alice).post(f"/children/{family.ruby.pk}/family/relationships/{dan.pk}/end/", date_fields("ended_on", today()))
    assert ok.status_code == 302
    dan.refresh_from_db()
    assert dan.ended_on == today()
    page = client_for(alice).get(f"/children/{family.ruby.pk}/family/").content.decode()
    assert f"Ended {today():%-d %b %Y}" in page, "the ended relationship stays in the history"


def test_the_link_page_offers_the_family_and_never_a_hidden_relative(client_for, family, alice):
    client = client_for(alice)
    page = client.get(f"/children/{family.ruby.pk}/family/link/").content.decode()
    assert "Kai Smith" in page and "Sean Price" in page
    assert "Wren" not in page and "Penhallow" not in page
    for forged in (family.wren.pk, MISSING, "x", "-1", "9" * 40):
        response = client.post(f"/children/{family.ruby.pk}/family/link/", {"person": forged, "kind": "half_sibling"})
        assert response.status_code == 200 and "Select a person from the list" in response.content.decode()
    assert client.post(f"/children/{family.ruby.pk}/family/link/", {"person": family.kai.pk, "kind": "half_sibling"}).status_code == 302


def test_the_two_households_refusal_names_the_date_on_the_page(client_for, family, alice):
    client = client_for(alice)
    client.post(f"/children/{family.ruby.pk}/family/link/", {"person": family.sean.pk, "kind": "step_parent"})
    response = client.post(f"/children/{family.leo.pk}/family/household/join/", {"person": family.ruby.pk})
    assert response.status_code == 403, "Alice may not open Leo's record"
    leo_joins = client.post(f"/children/{family.ruby.pk}/family/household/join/", {"person": family.leo.pk, **date_fields("joined_on", today())})
    page = leo_joins.content.decode()
    assert leo_joins.status_code == 200 and "a person cannot be in two households at once" in page
    assert 'href="#joined_on_0"' in page or 'href="#id_joined_on_0"' in page


def test_moving_the_child_through_the_page(client_for, family, alice):
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/household/move/", {
        "household": family.prices.pk, **date_fields("moved_on", today())})
    assert response.status_code == 302
    assert HouseholdMembership.objects.get(person=family.ruby.person, left_on__isnull=True).household == family.prices
    refused = client_for(alice).post(f"/children/{family.ruby.pk}/family/household/move/", {"household": "new", **date_fields("moved_on", today())})
    assert "Enter the name of the new household" in refused.content.decode()


def test_someone_leaving_through_the_page(client_for, family, alice):
    jo = HouseholdMembership.objects.get(person=family.jo)
    response = client_for(alice).post(f"/children/{family.ruby.pk}/family/household/{jo.pk}/leave/", date_fields("left_on", today()))
    assert response.status_code == 302
    jo.refresh_from_db()
    assert jo.left_on == today()
