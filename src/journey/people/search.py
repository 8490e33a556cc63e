"""Finding a child on the find-a-child page: every child who matches the details given, best first.

The front door's suggestions (``people.matching.find_existing_children``) answer "who might this referral be
about?" and show only strong candidates (``SHOW_THRESHOLD``). A worker searching answers "which children on record
match what I typed?": a family name alone lists every child with that name (or one near it), so the rule differs.

A child matches when each detail given matches at least nearly (the names as ``people.names`` judges them, on the
first, known-as and former names; a date of birth a slip away; a postcode lived at now or before), and no NHS number
or UPN given differs from the one on record; or, on its own, when an NHS number or UPN given is the child's. The
best ``SHOWN`` are shown, ranked by ``people.matching.score_candidate`` with its reasons, and the page says when more
match, so the worker can add a detail.

Among a million people the search stays fast by asking the exact spellings first: when enough children match
every detail exactly (a common family or first name, a date of birth), they are among the best there can be and the
names' indexes give them in order. Otherwise the spellings near each name are chosen from the distinct spellings on record
(``people.spellings``) and the children found by those spellings through the indexes, ranked in the database by a
score that follows ``score_candidate``'s points, so that only those shown are scored in Python.
"""
import re
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When, prefetch_related_objects
from django.db.models.expressions import Combinable
from django.db.models.functions import Upper

from journey.lib.identifiers import normalise_nhs_number, normalise_postcode, normalise_upn

from . import spellings
from .matching import (
    DATE_OF_BIRTH_POINTS,
    FAMILY_NAME_POINTS,
    FIRST_NAME_POINTS,
    NHS_NUMBER_POINTS,
    POSTCODE_POINTS,
    UPN_POINTS,
    Candidate,
    Given,
    date_of_birth_variants,
    score_candidate,
)
from .models import Address
from .names import Likeness, first_name_variants, fold, likeness, name_key

SHOWN = 25
MOST_RANKED = 5000  # the most children put through the access rule, so that no search can run away
IDENTIFIERS = ("nhs_number", "upn")
DETAILS = ("first_name", "last_name", "date_of_birth", "postcode")
NAME_ORDER = ("last_upper", "first_upper", "pk")
FORMER_NAME_SHORTEST = 3
FIRST_NAME_ORDER = ("first_upper", "last_upper", "pk")  # the same order where only a first name is given (one index each)


@dataclass(frozen=True)
class Spellings:
    """The spellings on record near each name given, by how near (``_near_spellings``)."""

    first: dict[Likeness, set[str]]
    family: dict[Likeness, set[str]]

    @staticmethod
    def all_of(near: dict[Likeness, set[str]]) -> set[str]:
        return set().union(*near.values())


@dataclass
class Found:
    """The children shown, best first, and whether more matched than are shown."""

    candidates: list[Candidate]
    more: bool


def search_children(given: Given, children: QuerySet, *, shown: int = SHOWN) -> Found:
    """The children among ``children`` (those the user may find) who match ``given``, best first (see the module's
    docstring). Reads no record beyond the identifying details; the caller logs what it shows."""
    if not given.is_searchable:
        return Found([], more=False)
    everyone = children.model._default_manager.alias(
        first_upper=Upper("person__first_name"), last_upper=Upper("person__last_name"),
        known_upper=Upper("person__known_as"), former_upper=Upper("person__former_names"),
    )
    pool = _first_allowed(_exactly(given, everyone), children, shown + 1)
    if len(pool) <= shown and _has_near_matches(given):
        near = Spellings(
            first=_near_spellings(given.first_name, first_name_variants(given.first_name)) if given.first_name else {},
            family=_near_spellings(given.last_name, frozenset()) if given.last_name else {},
        )
        matching = everyone.filter(_matching(given, near)).alias(likeness=_likeness(given, near))
        pool = _first_allowed(matching.order_by("-likeness", *NAME_ORDER).values_list("pk", flat=True), children, shown + 1)
    return Found(_scored(given, pool[:shown]), more=len(pool) > shown)


def _exactly(given: Given, everyone: QuerySet) -> QuerySet | list[int]:
    """The ids of the children matching every detail exactly, in name order.

    With a name, its index gives them in order. Without one (a date of birth, a postcode, an identifier: a few
    hundred children at most), they are put in order here: asked to, PostgreSQL would walk a names' index through a
    million children looking for them."""
    exact = everyone.filter(_matching(given, None))
    if given.last_name:
        return exact.order_by(*NAME_ORDER).values_list("pk", flat=True)
    if given.first_name:
        return exact.order_by(*FIRST_NAME_ORDER).values_list("pk", flat=True)
    found = exact.order_by().values_list(Upper("person__last_name"), Upper("person__first_name"), "pk")[:MOST_RANKED]
    return [pk for *_, pk in sorted(found)]


def _first_allowed(ids: QuerySet | list[int], children: QuerySet, wanted: int) -> list:
    """The first ``wanted`` of ``ids`` (any child's, best first) that are among ``children``.

    The ranking is asked of every child and only then are the best put through ``children``'s own filter (the
    access rule), a batch at a time: asked together, the rule's subqueries lead PostgreSQL to read a million rows.
    A batch loses only the children the user may not find (a restricted child), and the next makes up for them."""
    pool: list = []
    for start in range(0, MOST_RANKED, wanted):
        batch = list(ids[start:start + wanted])
        found = children.filter(pk__in=batch).select_related("person").in_bulk()
        pool += [found[pk] for pk in batch if pk in found]
        if len(pool) >= wanted or len(batch) < wanted:
            break
    return pool[:wanted]


def _scored(given: Given, pool: list) -> list[Candidate]:
    """Those found, scored with their reasons, best first (the database's order among equals)."""
    prefetch_related_objects([child.person for child in pool], "addresses")
    scored = [score_candidate(child, given) for child in pool]
    matched = [candidate for candidate in scored if _matches_all(candidate, given)]
    return sorted(matched, key=lambda candidate: -candidate.score)


def _matches_all(candidate: Candidate, given: Given) -> bool:
    """The rule of the module's docstring, as the scorer saw it: the database's former-name test is a little wider."""
    if any(getattr(given, detail) and detail in candidate.matched for detail in IDENTIFIERS):
        return True
    return all(detail in candidate.matched for detail in DETAILS if getattr(given, detail))


def _has_near_matches(given: Given) -> bool:
    return bool(given.first_name or given.last_name or given.date_of_birth or given.postcode)


def _matching(given: Given, near: Spellings | None) -> Q:
    """The filter for children who match ``given`` as the docstring says: exactly, or with ``near``, at least nearly."""
    exact = near is None
    details = []
    if given.first_name:
        details.append(_first_name_matches(given.first_name, None if near is None else Spellings.all_of(near.first)))
    if given.last_name:
        details.append(_family_name_matches(given.last_name, None if near is None else Spellings.all_of(near.family)))
    if given.date_of_birth:
        born = {given.date_of_birth} if exact else date_of_birth_variants(given.date_of_birth)
        details.append(Q(person__date_of_birth__in=born))
    if given.postcode:
        details.append(_lived_at(normalise_postcode(given.postcode), now_only=exact))
    identifiers = [
        (Q(**{field: value}), Q(**{field: ""}) | Q(**{field: value}))
        for field, value in (("person__nhs_number", normalise_nhs_number(given.nhs_number)), ("upn", normalise_upn(given.upn)))
        if value
    ]
    alone = [match for match, _ in identifiers]
    if not details:
        return reduce(or_, alone)
    together = reduce(and_, details + [not_differing for _, not_differing in identifiers])
    return reduce(or_, alone, together)


def _lived_at(postcode: str, *, now_only: bool) -> Q:
    addresses = Address.objects.filter(person=OuterRef("person"), postcode=postcode)
    return Q(Exists(addresses.filter(moved_out_on__isnull=True) if now_only else addresses))


def _known_as(condition: Q) -> Q:
    """Known-as names where there is one (so the partial index on them is used)."""
    return condition & ~Q(person__known_as="")


def _first_name_matches(first_name: str, near: set[str] | None) -> Q:
    """The first name is the one given (``near`` None: so the children come in order from the names' index; a
    known-as name the same comes with the near ones); or the first or known-as name is one of ``near`` or sounds
    the same, or an earlier first name is one of ``near``."""
    if near is None:
        return Q(first_upper=first_name.strip().upper())
    return (
        Q(first_upper__in=near) | Q(person__first_name_key=name_key(fold(first_name)))
        | _known_as(Q(known_upper__in=near)) | _former(near, first=True)
    )


def _family_name_matches(last_name: str, near: set[str] | None) -> Q:
    if near is None:
        return Q(last_upper=last_name.strip().upper())
    return Q(last_upper__in=near) | Q(person__last_name_key=name_key(fold(last_name))) | _former(near, first=False)


def _former(spellings: set[str], *, first: bool) -> Q:
    """Former names holding one of ``spellings`` where ``matching.former_names_of`` reads a first name (the first
    word of an earlier whole name) or a family name (an entry on its own, or the last word of an earlier name).

    Spellings shorter than ``FORMER_NAME_SHORTEST`` (Li, Mo) are left out: they hold no letter triple for the
    former names' trigram index to look up, and one such alternative makes it read every row."""
    indexed = sorted(spelling for spelling in spellings if len(spelling) >= FORMER_NAME_SHORTEST)
    if not indexed:
        return Q(pk__in=[])
    either = "|".join(re.escape(spelling) for spelling in indexed)
    pattern = rf"(^|,)\s*({either})\s+[^,\s]" if first else rf"(^|,)\s*([^,]*\s)?({either})\s*(,|$)"
    return Q(former_upper__regex=pattern)


def _near_spellings(name: str, variants: frozenset[str]) -> dict[Likeness, set[str]]:
    """The spellings on record near ``name``, by how near. A spelling that only sounds the same must also start
    with the same letter (the spellings are chosen by first letter and letter triples); the phonetic keys on the
    first and family names find the rest."""
    folded = fold(name)
    near: dict[Likeness, set[str]] = {match: set() for match in Likeness}
    for spelling in spellings.candidate_spellings(folded, variants):
        match = likeness(folded, spelling, variants=variants)
        if match is Likeness.SOUNDS and fold(spelling)[:1] != folded[:1]:
            continue
        if match is not None:
            near[match].add(spelling)
    return near


def _likeness(given: Given, near: Spellings) -> Combinable:
    """``score_candidate``'s points for the evidence the database can see, so the likeliest are the ones shown."""
    terms: list[Combinable] = []
    if given.first_name:
        terms.append(_best([
            (_spelt(near.first, match, "first_upper") | _known_as(_spelt(near.first, match, "known_upper")), int(FIRST_NAME_POINTS * match.value))
            for match in Likeness
        ] + [(Q(person__first_name_key=name_key(fold(given.first_name))), int(FIRST_NAME_POINTS * Likeness.SOUNDS.value))]))
    if given.last_name:
        terms.append(_best([(_spelt(near.family, match, "last_upper"), int(FAMILY_NAME_POINTS * match.value)) for match in Likeness] + [
            (Q(person__last_name_key=name_key(fold(given.last_name))), int(FAMILY_NAME_POINTS * Likeness.SOUNDS.value))
        ]))
    if given.date_of_birth:
        terms.append(_best([(Q(person__date_of_birth=given.date_of_birth), DATE_OF_BIRTH_POINTS)]))
    if given.postcode:
        terms.append(_best([(_lived_at(normalise_postcode(given.postcode), now_only=True), POSTCODE_POINTS)]))
    for field, value, points in (
        ("person__nhs_number", normalise_nhs_number(given.nhs_number), NHS_NUMBER_POINTS), ("upn", normalise_upn(given.upn), UPN_POINTS),
    ):
        if value:
            terms.append(_best([(Q(**{field: value}), points)]))
    total: Combinable = Value(0)
    for term in terms:
        total = total + term
    return total


def _spelt(near: dict[Likeness, set[str]], match: Likeness, column: str) -> Q:
    return Q(**{f"{column}__in": near[match]}) if near.get(match) else Q(pk__in=[])


def _best(choices: list[tuple[Q, int]]) -> Case:
    """The most points of the first condition that holds, the best listed first."""
    ordered = sorted(choices, key=lambda choice: -choice[1])
    return Case(*[When(condition, then=Value(points)) for condition, points in ordered], default=Value(0), output_field=IntegerField())
