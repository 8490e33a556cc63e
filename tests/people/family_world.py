"""Ruby's family, shared by the family tests.

Jo Smith is Ruby's mother and lives with her and Mia (Ruby's younger sister, a record of her own) in the Smith
household since 2020. Leo Price is Ruby's half-brother; he lives with his father Sean in the Price household. Kai
Smith is Jo's son by an earlier relationship, on record but not yet linked to Ruby. Wren Penhallow is Ruby's
half-sister in an adoptive placement: her record is restricted and Team B holds it (Charlie), so Alice, who works
with Ruby, must never be told of her, while Helen, head of service above both teams, may. Nobody recorded any of
this through a page: it is the history the record arrived with, which makes no chronology entry.
"""
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.people.models import Child, Household, HouseholdMembership, Person, Relationship

SINCE = date(2020, 1, 1)


@dataclass
class Family:
    ruby: Child
    jo: Person
    mia: Child
    leo: Child
    sean: Person
    kai: Person
    wren: Child
    home: Household
    prices: Household


def _born(years: int) -> date:
    return today() - timedelta(days=years * 365 + 30)


@pytest.fixture
def family(ruby, sam, charlie, team_b) -> Family:
    jo = Person.objects.create(first_name="Jo", last_name="Smith", sex="F", date_of_birth=date(1990, 5, 1))
    sean = Person.objects.create(first_name="Sean", last_name="Price", sex="M", date_of_birth=date(1986, 3, 2))
    kai = Person.objects.create(first_name="Kai", last_name="Smith", sex="M", date_of_birth=date(2008, 7, 9))
    mia = create_child(acting_user=sam, first_name="Mia", last_name="Smith", date_of_birth=_born(5), sex="F")
    leo = create_child(acting_user=sam, first_name="Leo", last_name="Price", date_of_birth=_born(10), sex="M")
    wren = create_child(acting_user=sam, first_name="Wren", last_name="Penhallow", date_of_birth=_born(3), sex="F")
    wren.is_restricted = True
    wren.save()
    open_episode(wren, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=30), acting_user=sam, worker=charlie, team=team_b)
    for child in (ruby, mia, wren):
        Relationship.objects.create(from_person=jo, to_person=child.person, kind="mother", has_parental_responsibility=True)
    Relationship.objects.create(from_person=jo, to_person=kai, kind="mother")
    Relationship.objects.create(from_person=sean, to_person=leo.person, kind="father", has_parental_responsibility=True)
    Relationship.objects.create(from_person=ruby.person, to_person=mia.person, kind="sibling")
    Relationship.objects.create(from_person=leo.person, to_person=ruby.person, kind="half_sibling")
    Relationship.objects.create(from_person=wren.person, to_person=ruby.person, kind="half_sibling")
    home = Household.objects.create(name="Smith household, Elm Road")
    for person, role in ((jo, "parent"), (ruby.person, "child"), (mia.person, "child")):
        HouseholdMembership.objects.create(household=home, person=person, role=role, joined_on=SINCE)
    prices = Household.objects.create(name="Price household, Oak Lane")
    for person, role in ((sean, "parent"), (leo.person, "child")):
        HouseholdMembership.objects.create(household=prices, person=person, role=role, joined_on=SINCE)
    return Family(ruby, jo, mia, leo, sean, kai, wren, home, prices)
