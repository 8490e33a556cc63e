"""Finding a child already on record before a new one is made.

Ranks existing children against the details a referrer gave, using name variants (nicknames from the
``nicknames`` dataset, phonetic keys from ``jellyfish``, typing slips scored by ``rapidfuzz``), date of birth,
NHS number and address history. Every candidate carries the reasons it matched, so the screener can judge.
Later, probabilistic linkage (Fellegi-Sunter) can replace ``score_candidate`` without changing its callers.
"""
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import jellyfish
from django.db.models import Q, QuerySet
from nicknames import NickNamer
from rapidfuzz import fuzz

from journey.lib.identifiers import normalise_nhs_number, normalise_postcode

MAX_CANDIDATES = 200
SHOW_THRESHOLD = 25


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def name_key(name: str) -> str:
    """A phonetic key for a name, so 'Smith' finds 'Smyth' and 'Mohammed' finds 'Muhammad'."""
    cleaned = "".join(ch for ch in (name or "").lower() if ch.isalpha())
    return jellyfish.metaphone(cleaned)[:20] if cleaned else ""


@lru_cache(maxsize=4096)
def first_name_variants(first_name: str) -> frozenset[str]:
    """The name itself, its nicknames and the names it is a nickname of ('Bill' -> William, Will, Billy...)."""
    name = (first_name or "").strip().lower()
    if not name:
        return frozenset()
    namer = _nicknamer()
    variants = {name} | namer.nicknames_of(name) | namer.canonicals_of(name)
    for canonical in namer.canonicals_of(name):
        variants |= namer.nicknames_of(canonical)
    return frozenset(variants)


def date_of_birth_variants(born: date) -> set[date]:
    """The date itself and the common slips: day and month swapped, a year out."""
    variants = {born}
    if born.day <= 12:
        try:
            variants.add(born.replace(day=born.month, month=born.day))
        except ValueError:
            pass
    for year in (born.year - 1, born.year + 1):
        try:
            variants.add(born.replace(year=year))
        except ValueError:
            pass
    return variants


@dataclass(frozen=True)
class Given:
    """What a referrer said about a child; any part may be missing."""

    first_name: str = ""
    last_name: str = ""
    date_of_birth: date | None = None
    nhs_number: str = ""
    postcode: str = ""

    def describe(self) -> str:
        """What was searched for, for the audit log (a search is how someone would go looking for a child)."""
        parts = [
            " ".join(filter(None, [self.first_name, self.last_name])),
            f"born {self.date_of_birth:%Y-%m-%d}" if self.date_of_birth else "",
            f"NHS {self.nhs_number}" if self.nhs_number else "",
            f"postcode {self.postcode}" if self.postcode else "",
        ]
        return ", ".join(p for p in parts if p)

    @property
    def is_searchable(self) -> bool:
        return bool(self.last_name or self.first_name or self.date_of_birth or self.nhs_number or self.postcode)


@dataclass
class Candidate:
    child: object
    score: int
    reasons: list[str] = field(default_factory=list)


def candidate_filter(given: Given) -> Q:
    """A broad, indexed net: anything that could be the same child, to be scored afterwards."""
    net = Q(pk__in=[])
    if given.nhs_number:
        net |= Q(person__nhs_number=normalise_nhs_number(given.nhs_number))
    last_key = name_key(given.last_name)
    first_keys = {name_key(v) for v in first_name_variants(given.first_name)} - {""}
    if given.date_of_birth:
        net |= Q(person__date_of_birth__in=date_of_birth_variants(given.date_of_birth))
    if last_key and first_keys:
        net |= Q(person__last_name_key=last_key, person__first_name_key__in=first_keys)
    elif last_key:
        net |= Q(person__last_name_key=last_key)
    elif first_keys:
        net |= Q(person__first_name_key__in=first_keys)
    if given.last_name:
        net |= Q(person__former_names__icontains=given.last_name.strip())
        if first_keys:
            # A slip in the family name changes its sound ('Smtih'); its first letters and the first name still hold.
            net |= Q(person__last_name__istartswith=given.last_name.strip()[:2], person__first_name_key__in=first_keys)
    if given.postcode:
        net |= Q(person__addresses__postcode=normalise_postcode(given.postcode))
    return net


def _name_score(given_name: str, names: list[str], variants: frozenset[str] | None, weight: int, label: str) -> tuple[int, str | None]:
    given_lower = given_name.strip().lower()
    if not given_lower:
        return 0, None
    on_record = [n.strip().lower() for n in names if n]
    if given_lower in on_record:
        return weight, f"{label} matches"
    if variants and variants & set(on_record):
        return int(weight * 0.8), f"{label} is a known variant"
    given_key = name_key(given_lower)
    if given_key and any(name_key(n) == given_key for n in on_record):
        return int(weight * 0.7), f"{label} sounds the same"
    best = max((fuzz.ratio(given_lower, n) for n in on_record), default=0)
    if best >= 80:
        return int(weight * 0.6), f"{label} is spelled similarly"
    return 0, None


def former_names_of(former_names: str) -> tuple[list[str], list[str]]:
    """(first names, family names) from a person's ``former_names``. An entry is a family name or spelling on its
    own, or a whole earlier name ("Ruby Smith", kept when a child is renamed) whose first and last words count too."""
    first: list[str] = []
    family: list[str] = []
    for entry in (e.strip() for e in (former_names or "").split(",")):
        if not entry:
            continue
        family.append(entry)
        words = entry.split()
        if len(words) > 1:
            first.append(words[0])
            family.append(words[-1])
    return first, family


def score_candidate(child, given: Given) -> Candidate:
    """Score one child on record against what was given. Scores run 0-100; reasons explain each point."""
    person = child.person
    score = 0
    reasons: list[str] = []

    if given.nhs_number and person.nhs_number:
        if normalise_nhs_number(given.nhs_number) == person.nhs_number:
            score += 45
            reasons.append("NHS number matches")
        else:
            score -= 30
            reasons.append("NHS number differs")

    former_first, former_family = former_names_of(person.former_names)
    points, reason = _name_score(given.last_name, [person.last_name], None, 20, "Family name")
    if not points and former_family:
        points, reason = _name_score(given.last_name, former_family, None, 16, "Former family name")
    score += points
    reasons += [reason] if reason else []
    variants = first_name_variants(given.first_name)
    points, reason = _name_score(given.first_name, [person.first_name, person.known_as], variants, 15, "First name")
    if not points and former_first:
        points, reason = _name_score(given.first_name, former_first, variants, 12, "Former first name")
    score += points
    reasons += [reason] if reason else []

    if given.date_of_birth and person.date_of_birth:
        if given.date_of_birth == person.date_of_birth:
            score += 25
            reasons.append("Date of birth matches")
        elif person.date_of_birth in date_of_birth_variants(given.date_of_birth):
            score += 10
            reasons.append("Date of birth nearly matches")

    if given.postcode:
        postcode = normalise_postcode(given.postcode)
        postcodes = {a.postcode: a.is_current for a in person.addresses.all()}
        if postcodes.get(postcode) is True:
            score += 15
            reasons.append("Lives at the postcode given")
        elif postcode in postcodes:
            score += 10
            reasons.append("Has lived at the postcode given")

    return Candidate(child=child, score=max(0, min(score, 100)), reasons=reasons)


def find_existing_children(given: Given, children: QuerySet, limit: int = 10) -> list[Candidate]:
    """Children on record who may be the one described, best first.

    ``children`` is the queryset the caller may search (already filtered by what the user may see).
    """
    if not given.is_searchable:
        return []
    pool = (
        children.filter(candidate_filter(given))
        .select_related("person")
        .prefetch_related("person__addresses")
        .distinct()[:MAX_CANDIDATES]
    )
    scored = [score_candidate(child, given) for child in pool]
    ranked = sorted((c for c in scored if c.score >= SHOW_THRESHOLD), key=lambda c: (-c.score, c.child.pk))
    return ranked[:limit]
