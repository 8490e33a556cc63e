"""Finding a child already on record before a new one is made.

Ranks existing children against the details a referrer gave, using name variants (nicknames from the
``nicknames`` dataset, phonetic keys from ``jellyfish``, typing slips scored by ``rapidfuzz``), date of birth,
NHS number and address history. Every candidate carries the reasons it matched, so the screener can judge.
Later, probabilistic linkage (Fellegi-Sunter) can replace ``score_candidate`` without changing its callers.
"""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When, prefetch_related_objects
from django.db.models.expressions import CombinedExpression

from journey.lib.identifiers import normalise_nhs_number, normalise_postcode, normalise_upn

from .models import Address, Person
from .names import best_likeness, first_name_variants, name_key

MAX_CANDIDATES = 200
MAX_CAUGHT = 5000  # the most children ranked (in batches of MAX_CANDIDATES), so no search can run away
SHOW_THRESHOLD = 25
# What each kind of evidence is worth at most: an exact match, before any near-match discount.
NHS_NUMBER_POINTS = 45
UPN_POINTS = 45
FAMILY_NAME_POINTS = 20
FIRST_NAME_POINTS = 15
DATE_OF_BIRTH_POINTS = 25
POSTCODE_POINTS = 15


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
    """What a referrer said about a child, or what a worker searched with; any part may be missing."""

    first_name: str = ""
    last_name: str = ""
    date_of_birth: date | None = None
    nhs_number: str = ""
    postcode: str = ""
    upn: str = ""

    def describe(self) -> str:
        """What was searched for, for the audit log (a search is how someone would go looking for a child)."""
        parts = [
            " ".join(filter(None, [self.first_name, self.last_name])),
            f"born {self.date_of_birth:%Y-%m-%d}" if self.date_of_birth else "",
            f"NHS {self.nhs_number}" if self.nhs_number else "",
            f"UPN {self.upn}" if self.upn else "",
            f"postcode {self.postcode}" if self.postcode else "",
        ]
        return ", ".join(p for p in parts if p)

    @property
    def is_searchable(self) -> bool:
        return bool(self.last_name or self.first_name or self.date_of_birth or self.nhs_number or self.postcode or self.upn)


@dataclass
class Candidate:
    child: object
    score: int
    reasons: list[str] = field(default_factory=list)
    matched: frozenset[str] = frozenset()  # the details given that matched at least nearly ("first_name", "upn"...)


def _nets(given: Given) -> list[QuerySet]:
    """The blocking step: one narrow, indexed query of person ids for each kind of evidence given.

    Each net is answered by an index on its own (see the people migrations), and the nets are united in the
    database, so no search reads the whole person table. A name on its own casts no net, since it cannot lift a
    child to ``SHOW_THRESHOLD``: a child who also shares the date of birth, NHS number or a postcode is in that
    detail's net, and one who shares nothing else would not be shown."""
    people = Person.objects.order_by().values_list("pk", flat=True)
    nets: list[QuerySet] = []
    if given.nhs_number:
        nets.append(people.filter(nhs_number=normalise_nhs_number(given.nhs_number)))
    if given.date_of_birth:
        nets.append(people.filter(date_of_birth__in=date_of_birth_variants(given.date_of_birth)))
    last_key = name_key(given.last_name)
    first_keys = _first_name_keys(given.first_name)
    if last_key and first_keys:
        nets.append(people.filter(last_name_key=last_key, first_name_key__in=first_keys))
    elif last_key and FAMILY_NAME_POINTS >= SHOW_THRESHOLD:
        nets.append(people.filter(last_name_key=last_key))
    elif first_keys and FIRST_NAME_POINTS >= SHOW_THRESHOLD:
        nets.append(people.filter(first_name_key__in=first_keys))
    last_name = given.last_name.strip()
    if last_name:
        nets.append(people.filter(former_names__icontains=last_name))
        if first_keys:
            # A slip in the family name changes its sound ('Smtih'); its first letters and the first name still hold.
            nets.append(people.filter(last_name__istartswith=last_name[:2], first_name_key__in=first_keys))
    if given.postcode:
        nets.append(Address.objects.order_by().filter(postcode=normalise_postcode(given.postcode)).values_list("person_id", flat=True))
    return nets


def _likeliest(children: QuerySet, nets: list[QuerySet], given: Given) -> list:
    """Up to ``MAX_CANDIDATES`` of ``children`` caught by the nets, likeliest first.

    The children caught are ranked in one query, which the database answers from the nets' indexes; only then are
    the likeliest put through ``children``'s own filter (the access rule), a batch at a time, so that rule reads a
    few hundred rows, not a million. A batch loses only the children the caller may not search (a restricted child),
    and the next batch makes up for them."""
    caught = nets[0].union(*nets[1:]) if len(nets) > 1 else nets[0]
    ranked = (
        children.model._default_manager.filter(pk__in=caught).alias(likeness=_likeness(given))
        .order_by("-likeness", "pk").values_list("pk", flat=True)
    )
    pool: list = []
    for start in range(0, MAX_CAUGHT, MAX_CANDIDATES):
        batch = list(ranked[start:start + MAX_CANDIDATES])
        found = children.filter(pk__in=batch).select_related("person").in_bulk()
        pool += [found[pk] for pk in batch if pk in found]
        if len(pool) >= MAX_CANDIDATES or len(batch) < MAX_CANDIDATES:
            break
    return pool[:MAX_CANDIDATES]


def _best_possible(given: Given) -> int:
    """The most any child could score on what was given: below ``SHOW_THRESHOLD`` (a family name, a first name or a
    postcode alone), nobody would be shown, so nobody need be looked for."""
    worth = [
        (given.nhs_number, NHS_NUMBER_POINTS), (given.last_name, FAMILY_NAME_POINTS), (given.first_name, FIRST_NAME_POINTS),
        (given.date_of_birth, DATE_OF_BIRTH_POINTS), (given.postcode, POSTCODE_POINTS),
    ]
    return sum(points for detail, points in worth if detail)


def _first_name_keys(first_name: str) -> list[str]:
    return sorted({name_key(v) for v in first_name_variants(first_name)} - {""})


def _likeness(given: Given) -> Value | CombinedExpression:
    """A rough score in SQL from the exact, indexed evidence, so that when more than ``MAX_CANDIDATES`` children
    are caught the likeliest are the ones scored (not the first in alphabetical order)."""

    def points(condition: Q, weight: int) -> Case:
        return Case(When(condition, then=Value(weight)), default=Value(0))

    terms = []
    if given.nhs_number:
        terms.append(points(Q(person__nhs_number=normalise_nhs_number(given.nhs_number)), NHS_NUMBER_POINTS))
    if last_key := name_key(given.last_name):
        terms.append(points(Q(person__last_name_key=last_key), FAMILY_NAME_POINTS))
    if first_keys := _first_name_keys(given.first_name):
        terms.append(points(Q(person__first_name_key__in=first_keys), FIRST_NAME_POINTS))
    if given.date_of_birth:
        terms.append(points(Q(person__date_of_birth=given.date_of_birth), DATE_OF_BIRTH_POINTS))
    if given.postcode:
        lived_there = Address.objects.filter(person=OuterRef("person"), postcode=normalise_postcode(given.postcode))
        terms.append(points(Q(Exists(lived_there)), POSTCODE_POINTS))
    total: Value | CombinedExpression = Value(0)
    for term in terms:
        total = total + term
    return total


def _name_score(given_name: str, names: list[str], variants: frozenset[str] | None, weight: int, label: str) -> tuple[int, str | None]:
    match = best_likeness(given_name, [n for n in names if n], variants=variants or frozenset())
    if match is None:
        return 0, None
    return int(weight * match.value), match.reason(label)


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
    matched: set[str] = set()

    def credit(detail: str, points: int, reason: str | None) -> None:
        nonlocal score
        score += points
        if reason:
            reasons.append(reason)
        if points > 0:
            matched.add(detail)

    for detail, given_number, on_record, label, points in (
        ("nhs_number", normalise_nhs_number(given.nhs_number), person.nhs_number, "NHS number", NHS_NUMBER_POINTS),
        ("upn", normalise_upn(given.upn), getattr(child, "upn", ""), "UPN", UPN_POINTS),
    ):
        if given_number and on_record:
            if given_number == on_record:
                credit(detail, points, f"{label} matches")
            else:
                credit(detail, -30, f"{label} differs")

    former_first, former_family = former_names_of(person.former_names)
    points, reason = _name_score(given.last_name, [person.last_name], None, FAMILY_NAME_POINTS, "Family name")
    if not points and former_family:
        points, reason = _name_score(given.last_name, former_family, None, 16, "Former family name")
    credit("last_name", points, reason)
    variants = first_name_variants(given.first_name)
    points, reason = _name_score(given.first_name, [person.first_name, person.known_as], variants, FIRST_NAME_POINTS, "First name")
    if not points and former_first:
        points, reason = _name_score(given.first_name, former_first, variants, 12, "Former first name")
    credit("first_name", points, reason)

    if given.date_of_birth and person.date_of_birth:
        if given.date_of_birth == person.date_of_birth:
            credit("date_of_birth", DATE_OF_BIRTH_POINTS, "Date of birth matches")
        elif person.date_of_birth in date_of_birth_variants(given.date_of_birth):
            credit("date_of_birth", 10, "Date of birth nearly matches")

    if given.postcode:
        postcode = normalise_postcode(given.postcode)
        postcodes = {a.postcode: a.is_current for a in person.addresses.all()}
        if postcodes.get(postcode) is True:
            credit("postcode", POSTCODE_POINTS, "Lives at the postcode given")
        elif postcode in postcodes:
            credit("postcode", 10, "Has lived at the postcode given")

    return Candidate(child=child, score=max(0, min(score, 100)), reasons=reasons, matched=frozenset(matched))


def find_existing_children(given: Given, children: QuerySet, limit: int = 10) -> list[Candidate]:
    """Children on record who may be the one described, best first.

    ``children`` is the queryset the caller may search (already filtered by what the user may see).
    """
    nets = _nets(given)
    if not nets or _best_possible(given) < SHOW_THRESHOLD:
        return []
    pool = _likeliest(children, nets, given)
    if given.postcode:  # scoring reads every candidate's address history
        prefetch_related_objects([child.person for child in pool], "addresses")
    scored = [score_candidate(child, given) for child in pool]
    ranked = sorted((c for c in scored if c.score >= SHOW_THRESHOLD), key=lambda c: (-c.score, c.child.pk))[:limit]
    # Those shown are shown with their address, in one query.
    prefetch_related_objects([c.child.person for c in ranked], "addresses")
    return ranked
