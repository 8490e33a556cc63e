"""Reading a person's family from relationship rows stored one way, and their household now, as one viewer may
be told it.

A restricted child (an adoptive placement, a staff member's family) is never named to someone who may not open
her record: not her name, date of birth or a link, and not a count or a "hidden child" row either, since either
says she exists. ``children_hidden_from`` decides that once; every page, export and endpoint that names a
person's relatives, household or fellow children in a contact leaves those children out through it.
"""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .codes import RelationshipKind
from .models import Child, Household, HouseholdMembership, Person, Relationship

_INVERSE_LABEL = {
    RelationshipKind.MOTHER: "Child",
    RelationshipKind.FATHER: "Child",
    RelationshipKind.STEP_PARENT: "Step-child",
    RelationshipKind.PARENTS_PARTNER: "Partner's child",
    RelationshipKind.GRANDPARENT: "Grandchild",
    RelationshipKind.AUNT_UNCLE: "Niece or nephew",
    RelationshipKind.FOSTER_CARER: "Foster child",
    RelationshipKind.KINSHIP_CARER: "Child in their care",
}


@dataclass(frozen=True)
class Relative:
    person: Person
    label: str
    has_parental_responsibility: bool
    lives_with: bool


def children_hidden_from(viewer) -> QuerySet[Child]:
    """The restricted children ``viewer`` may not open (``Child.objects.visible_to``), as a lazy queryset for use
    as a subquery: exclude their ids (a child's id is her person's id) from anything that names other people.

    Adults and children who are not restricted are named as before; a restricted child is named only to those who
    may open her record, so staff working with her still see her in her siblings' families."""
    return Child.objects.filter(is_restricted=True).exclude(pk__in=Child.objects.visible_to(viewer).values("pk"))


def _is_restricted_child(person: Person) -> bool:
    try:
        return person.child_record.is_restricted
    except Child.DoesNotExist:
        return False


def hidden_among(person_ids: Iterable[int], *, viewer) -> set[int]:
    """Which of these people are restricted children ``viewer`` may not open: asked only about these few, not about
    every restricted child in the authority."""
    ids = set(person_ids)
    restricted = set(Child.objects.filter(pk__in=ids, is_restricted=True).values_list("pk", flat=True))
    if not restricted:
        return set()
    return set(children_hidden_from(viewer).filter(pk__in=restricted).values_list("pk", flat=True))


def kind_label_from(kind: str, to_person_id: int, person_id: int) -> str:
    """How the other person in a relationship of ``kind`` stands to ``person_id``: 'Mother' when she is the mother
    of this person, 'Child' when this person is her mother, 'Sibling' either way."""
    shown = RelationshipKind(kind).label if kind in RelationshipKind.values else kind
    if to_person_id == person_id or kind in RelationshipKind.symmetric():
        return str(shown)
    return _INVERSE_LABEL.get(kind, f"Is {str(shown).lower()} of")  # type: ignore[call-overload]


def label_from(row: Relationship, person_id: int) -> str:
    return kind_label_from(row.kind, row.to_person_id, person_id)


def family_of(person: Person, *, viewer) -> list[Relative]:
    """Everyone related to ``person`` whom ``viewer`` may be told of, labelled from ``person``'s side ('Mother',
    'Sibling'...). ``viewer`` is keyword-only and required, so that no page lists a family without saying for whom."""
    rows = list(
        Relationship.objects.filter(Q(from_person=person) | Q(to_person=person), ended_on__isnull=True)
        .select_related("from_person__child_record", "to_person__child_record")
    )
    restricted = {
        relative.pk for row in rows for relative in (row.from_person, row.to_person)
        if relative.pk != person.pk and _is_restricted_child(relative)
    }
    if restricted:  # asked only about these few, not about every restricted child in the authority
        hidden = set(children_hidden_from(viewer).filter(pk__in=restricted).values_list("pk", flat=True))
        rows = [row for row in rows if row.from_person_id not in hidden and row.to_person_id not in hidden]
    housemates = set(current_housemates(person).values_list("person_id", flat=True))
    family = []
    for row in rows:
        if row.to_person_id == person.pk:
            family.append(Relative(row.from_person, row.get_kind_display(), row.has_parental_responsibility, row.from_person_id in housemates))
        else:
            family.append(Relative(row.to_person, label_from(row, person.pk), False, row.to_person_id in housemates))
    return sorted(family, key=lambda r: (r.person.date_of_birth is None, r.person.date_of_birth or 0))


def current_housemates(person: Person) -> QuerySet[HouseholdMembership]:
    """The current memberships of everyone living with ``person`` now (``person``'s own included)."""
    households = HouseholdMembership.objects.filter(person=person, left_on__isnull=True).values("household_id")
    return HouseholdMembership.objects.filter(household_id__in=households, left_on__isnull=True)


@dataclass(frozen=True)
class Tie:
    """One relationship of a person, current or ended, as one viewer may be told of it."""

    relationship: Relationship
    relative: Person
    label: str

    @property
    def is_current(self) -> bool:
        return self.relationship.ended_on is None


def ties_of(person: Person, *, viewer) -> list[Tie]:
    """Every relationship of ``person``, current and ended (history is kept), leaving out those with a restricted
    child ``viewer`` may not open: the same rule as ``family_of``."""
    rows = list(
        Relationship.objects.filter(Q(from_person=person) | Q(to_person=person))
        .select_related("from_person", "to_person").order_by("pk")
    )
    hidden = hidden_among(({row.from_person_id for row in rows} | {row.to_person_id for row in rows}) - {person.pk}, viewer=viewer)
    ties = [
        Tie(row, row.from_person if row.to_person_id == person.pk else row.to_person, label_from(row, person.pk))
        for row in rows if row.from_person_id not in hidden and row.to_person_id not in hidden
    ]
    return sorted(ties, key=lambda t: (not t.is_current, t.relative.date_of_birth is None, t.relative.date_of_birth or 0, t.relationship.pk))


def memberships_seen_by(person: Person, *, viewer) -> list[HouseholdMembership]:
    """Every membership, past and present, of every household ``person`` has belonged to, leaving out restricted
    children ``viewer`` may not open: who lived with the child, and when."""
    households = HouseholdMembership.objects.filter(person=person).values("household_id")
    rows = list(
        HouseholdMembership.objects.filter(household_id__in=households)
        .select_related("household", "person").order_by("household_id", "left_on", "joined_on", "pk")
    )
    hidden = hidden_among({row.person_id for row in rows} - {person.pk}, viewer=viewer)
    return [row for row in rows if row.person_id not in hidden]


def people_to_link(child: Child, *, viewer) -> list[Person]:
    """People already on record whom a worker may link to ``child``: within the child's family (relatives of the
    child's relatives, and anyone who has lived in one of their households), never anyone else in the authority,
    and never a restricted child ``viewer`` may not open. Those already related to the child now are left out."""
    person = child.person
    mine = Relationship.objects.filter(Q(from_person=person) | Q(to_person=person))
    related_now = _related_ids(mine.filter(ended_on__isnull=True), person.pk)
    circle = _related_ids(mine, person.pk)
    circle -= hidden_among(circle, viewer=viewer)
    circle.add(person.pk)
    households = HouseholdMembership.objects.filter(person_id__in=circle).values("household_id")
    circle |= set(HouseholdMembership.objects.filter(household_id__in=households).values_list("person_id", flat=True))
    circle -= hidden_among(circle - {person.pk}, viewer=viewer)  # a restricted child's own circle is reached only through her
    pairs = Relationship.objects.filter(Q(from_person_id__in=circle) | Q(to_person_id__in=circle)).values_list("from_person_id", "to_person_id")
    circle |= {pid for pair in pairs for pid in pair}
    candidates = circle - related_now - {person.pk}
    candidates -= hidden_among(candidates, viewer=viewer)
    return list(Person.objects.filter(pk__in=candidates).order_by("last_name", "first_name", "pk"))


def _related_ids(rows: QuerySet[Relationship], person_id: int) -> set[int]:
    return {pid for pair in rows.values_list("from_person_id", "to_person_id") for pid in pair} - {person_id}


def households_to_move_to(child: Child, *, viewer) -> list[Household]:
    """Households where the child's relatives (those ``viewer`` may be told of) live now, other than the child's
    own: where a child usually moves (to a father, a grandmother, a kinship carer)."""
    relatives = {relative.person.pk for relative in family_of(child.person, viewer=viewer)}
    own = HouseholdMembership.objects.filter(person=child.person, left_on__isnull=True).values("household_id")
    return list(
        Household.objects.filter(memberships__person_id__in=relatives, memberships__left_on__isnull=True)
        .exclude(pk__in=own).distinct().order_by("name", "pk")
    )
