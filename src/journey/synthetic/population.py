"""Families of the synthetic authority: households, the adults and children in them, and where they lived.

Returns a ``ChildInfo`` per child, which the history generator reads to write contacts about that child.
"""
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from journey.lib.dates import age_in_years
from journey.people.codes import HouseholdRole, RelationshipKind
from journey.people.matching import name_key

from .banks import (
    ETHNICITY_WEIGHTS,
    FIRST_NAMES,
    HERITAGE_BY_ETHNICITY,
    LANGUAGES_BY_ETHNICITY,
    LAST_NAMES,
    STREET_KINDS,
    STREETS,
    TOWNS,
)
from .batch import Batch
from .identity import nhs_number_for, nicknames_for, postcode, upn_for
from .rows import Address, Child, Household, HouseholdMembership, Person, PersonTruth, Relationship

YEAR = 365.25
THEMES = ("domestic_abuse", "neglect", "mental_health", "substance_misuse", "physical_harm", "emotional_harm",
          "sexual_harm", "exploitation")
THEME_WEIGHTS = (30, 25, 14, 10, 8, 7, 3, 3)
DISABILITY_WEIGHTS = {"LD": 25, "AUT": 25, "COMM": 15, "BEH": 12, "MOB": 6, "HEAR": 5, "VIS": 4, "PC": 4, "DDA": 4}


@dataclass(frozen=True)
class Home:
    line_1: str
    town: str
    postcode: str
    moved_in: date
    moved_out: date | None

    @property
    def address(self) -> str:
        return f"{self.line_1}, {self.town}"


@dataclass
class ChildInfo:
    """What the history generator needs to know about one child."""

    child: Child
    individual: int
    homes: list[Home]
    theme: str
    rate: float
    carer: str
    primary: object
    secondary: object
    care_leaver: bool = False
    long_history: bool = False
    events: int = field(default=0)

    @property
    def person(self) -> Person:
        return self.child.person

    @property
    def dob(self) -> date:
        return self.child.person.date_of_birth

    def age_on(self, on: date) -> int:
        return age_in_years(self.child.person.date_of_birth, on)

    def home_on(self, on: date) -> Home:
        for home in self.homes:
            if home.moved_in <= on and (home.moved_out is None or on < home.moved_out):
                return home
        return self.homes[0] if on < self.homes[0].moved_in else self.homes[-1]


class Families:
    """Builds households for one chunk, numbering individuals from ``first_individual``."""

    def __init__(self, rng: random.Random, batch: Batch, today: date, first_individual: int, org) -> None:
        self.rng = rng
        self.batch = batch
        self.today = today
        self.next_individual = first_individual
        self.org = org
        self.tz = timezone.get_current_timezone()

    def _individual(self) -> int:
        self.next_individual += 1
        return self.next_individual - 1

    def _aware(self, on: date) -> datetime:
        return datetime.combine(on, time(9, 0), tzinfo=self.tz)

    def person(self, *, first: str, last: str, born: date, sex: str, ethnicity: str, language: str,
               individual: int | None = None, nhs: bool = True, **extra) -> tuple[Person, int]:
        individual = self._individual() if individual is None else individual
        person = Person(
            first_name=first, last_name=last, date_of_birth=born, sex=sex, ethnicity=ethnicity, first_language=language,
            nhs_number=nhs_number_for(individual) if nhs else "", first_name_key=name_key(first),
            last_name_key=name_key(last), created_at=self._aware(max(born, self.today - timedelta(days=int(7 * YEAR)))),
            **extra,
        )
        self.batch.add(person)
        self.batch.add(PersonTruth(person=person, individual=individual))
        return person, individual

    def _first_name(self, heritage: str, sex: str) -> str:
        return self.rng.choice(FIRST_NAMES[heritage][sex if sex in "FM" else self.rng.choice("FM")])

    def _homes(self, since: date) -> list[Home]:
        rng = self.rng
        moves = rng.choices((0, 1, 2), weights=(60, 30, 10))[0]
        span = max(1, (self.today - since).days)
        dates = sorted({since + timedelta(days=rng.randrange(span)) for _ in range(moves)} - {since})
        starts = [since, *dates]
        homes = []
        for i, start in enumerate(starts):
            flat = rng.random() < 0.3
            line = f"{rng.randint(1, 120)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"
            line = f"Flat {rng.randint(1, 24)}, {line}" if flat else line
            end = starts[i + 1] if i + 1 < len(starts) else None
            homes.append(Home(line, rng.choice(TOWNS), postcode(rng), start, end))
        return homes

    def _live_at(self, person: Person, homes: list[Home], born: date) -> None:
        for home in homes:
            if home.moved_out is not None and home.moved_out <= born:
                continue
            self.batch.add(Address(person=person, line_1=home.line_1, town=home.town, postcode=home.postcode,
                                   moved_in_on=max(home.moved_in, born), moved_out_on=home.moved_out))

    def household(self, *, ages: list[float] | None = None, care_leaver: bool = False, max_children: int = 5) -> list[ChildInfo]:
        """One household: a mother, perhaps a father or partner, and their children."""
        rng, today = self.rng, self.today
        ethnicity = rng.choices(list(ETHNICITY_WEIGHTS), weights=list(ETHNICITY_WEIGHTS.values()))[0]
        heritage = HERITAGE_BY_ETHNICITY[ethnicity]
        father_heritage = "british" if ethnicity.startswith("M") else heritage
        language = rng.choice(LANGUAGES_BY_ETHNICITY[ethnicity]) if ethnicity in LANGUAGES_BY_ETHNICITY and rng.random() < 0.55 else "English"
        if ages is None:
            count = min(max_children, rng.choices((1, 2, 3, 4, 5), weights=(45, 33, 15, 5, 2))[0])
            ages = sorted((rng.uniform(0, 18) for _ in range(count)), reverse=True)
        births = [today - timedelta(days=int(age * YEAR) + 1) for age in ages]
        mother_born = births[0] - timedelta(days=int(rng.uniform(17, 38) * YEAR))
        family = rng.choice(LAST_NAMES[father_heritage])
        father_kind = rng.choices(("home", "away", "unknown"), weights=(55, 25, 20))[0]
        mother_last = family if father_kind == "home" or rng.random() < 0.4 else rng.choice(LAST_NAMES[heritage])
        homes = self._homes(max(births[0] - timedelta(days=rng.randrange(0, 900)), today - timedelta(days=int(12 * YEAR))))
        household = self.batch.add(Household(name=f"{mother_last} household, {homes[-1].line_1.split(', ')[-1]}",
                                              created_at=self._aware(homes[0].moved_in)))
        needs_interpreter = language != "English" and rng.random() < 0.35
        mother, _ = self.person(first=self._first_name(heritage, "F"), last=mother_last, born=mother_born, sex="F",
                                ethnicity=ethnicity, language=language, needs_interpreter=needs_interpreter,
                                nhs=rng.random() < 0.92)
        adults = [(mother, RelationshipKind.MOTHER, True, None)]
        if not care_leaver:
            self._live_at(mother, homes, mother_born)
            self.batch.add(HouseholdMembership(household=household, person=mother, role=HouseholdRole.PARENT, joined_on=homes[0].moved_in))
        if father_kind != "unknown":
            born = mother_born - timedelta(days=int(rng.uniform(-2, 8) * YEAR))
            father, _ = self.person(first=self._first_name(father_heritage, "M"), last=family, born=born, sex="M",
                                    ethnicity=ethnicity, language=language, nhs=rng.random() < 0.88)
            adults.append((father, RelationshipKind.FATHER, father_kind == "home" or rng.random() < 0.7, None))
            if father_kind == "home" and not care_leaver:
                self._live_at(father, homes, born)
                self.batch.add(HouseholdMembership(household=household, person=father, role=HouseholdRole.PARENT, joined_on=homes[0].moved_in))
            else:
                self._live_at(father, self._homes(homes[0].moved_in), born)
        if father_kind != "home" and not care_leaver and rng.random() < 0.2:
            joined = homes[0].moved_in + timedelta(days=rng.randrange(max(1, (today - homes[0].moved_in).days)))
            partner, _ = self.person(first=self._first_name("british", "M"), last=rng.choice(LAST_NAMES["british"]),
                                     born=mother_born - timedelta(days=int(rng.uniform(-3, 10) * YEAR)), sex="M",
                                     ethnicity=rng.choice(("WBRI", "WBRI", "WOTH", "MOTH")), language="English")
            self._live_at(partner, [h for h in homes if h.moved_out is None or h.moved_out > joined], joined)
            self.batch.add(HouseholdMembership(household=household, person=partner, role=HouseholdRole.OTHER_ADULT, joined_on=joined))
            adults.append((partner, RelationshipKind.PARENTS_PARTNER, False, joined))
        if not care_leaver and rng.random() < 0.06:
            gran, _ = self.person(first=self._first_name(heritage, "F"), last=mother_last, sex="F", ethnicity=ethnicity,
                                  born=mother_born - timedelta(days=int(rng.uniform(19, 30) * YEAR)), language=language)
            self._live_at(gran, homes, homes[0].moved_in)
            self.batch.add(HouseholdMembership(household=household, person=gran, role=HouseholdRole.OTHER_ADULT, joined_on=homes[0].moved_in))
            adults.append((gran, RelationshipKind.GRANDPARENT, False, None))

        theme = rng.choices(THEMES, weights=THEME_WEIGHTS)[0]
        rate = _household_rate(rng)
        children: list[ChildInfo] = []
        for born in births:
            info = self._child(born, heritage, family if father_kind != "unknown" else mother_last, ethnicity, language,
                               homes if not care_leaver else self._homes(born + timedelta(days=int(18 * YEAR))), theme, rate,
                               mother.first_name, care_leaver)
            if not care_leaver:
                self.batch.add(HouseholdMembership(household=household, person=info.person, role=HouseholdRole.CHILD,
                                                   joined_on=max(born, homes[0].moved_in)))
            for adult, kind, responsibility, started in adults:
                self.batch.add(Relationship(from_person=adult, to_person=info.person, kind=kind,
                                            has_parental_responsibility=responsibility, started_on=started))
            children.append(info)
        for i, older in enumerate(children):
            for younger in children[i + 1:]:
                self.batch.add(Relationship(from_person=older.person, to_person=younger.person, kind=RelationshipKind.SIBLING))
        return children

    def _child(self, born: date, heritage: str, last: str, ethnicity: str, language: str, homes: list[Home], theme: str,
               rate: float, carer: str, care_leaver: bool) -> ChildInfo:
        rng = self.rng
        sex = "M" if rng.random() < 0.51 else "F"
        first = self._first_name(heritage, sex)
        nicknames = nicknames_for(first)
        extra = {
            "middle_names": self._first_name(heritage, sex) if rng.random() < 0.4 else "",
            "known_as": rng.choice(nicknames) if nicknames and rng.random() < 0.08 else "",
        }
        if rng.random() < 0.01:
            sex = "U"
        person, individual = self.person(first=first, last=last, born=born, sex=sex, ethnicity=ethnicity,
                                         language=language, nhs=rng.random() < 0.98, **extra)
        self._live_at(person, homes, born)
        age = (self.today - born).days / YEAR
        upn = upn_for(individual // 1000, born.year + 5, individual % 1000) if age >= 4.5 and rng.random() < 0.97 else ""
        disabilities = []
        if rng.random() < 0.04:
            disabilities = sorted(set(rng.choices(list(DISABILITY_WEIGHTS), weights=list(DISABILITY_WEIGHTS.values()), k=rng.randint(1, 2))))
        child = self.batch.add(Child(person=person, upn=upn, disabilities=[str(d) for d in disabilities]))
        return ChildInfo(child=child, individual=individual, homes=homes, theme=theme,
                         rate=rate * rng.uniform(0.7, 1.3), carer=carer, care_leaver=care_leaver,
                         primary=rng.choice(self.org.primaries), secondary=rng.choice(self.org.secondaries))


def _household_rate(rng: random.Random) -> float:
    """Contacts a year about each child: most families never meet children's services, a few meet them often."""
    band = rng.random()
    if band < 0.55:
        return 0.014
    if band < 0.85:
        return 0.18
    if band < 0.97:
        return 0.65
    return 2.2
