"""Reading a person's family from relationship rows stored one way, and their household now, as one viewer may
be told it.

A restricted child (an adoptive placement, a staff member's family) is never named to someone who may not open
her record: not her name, date of birth or a link, and not a count or a "hidden child" row either, since either
says she exists. ``children_hidden_from`` decides that once; every page, export and endpoint that names a
person's relatives, household or fellow children in a contact leaves those children out through it.
"""
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .codes import RelationshipKind
from .models import Child, HouseholdMembership, Person, Relationship

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
    households = HouseholdMembership.objects.filter(person=person, left_on__isnull=True).values("household_id")
    housemates = set(
        HouseholdMembership.objects.filter(household_id__in=households, left_on__isnull=True).values_list("person_id", flat=True)
    )
    family = []
    for row in rows:
        if row.to_person_id == person.pk:
            family.append(Relative(row.from_person, row.get_kind_display(), row.has_parental_responsibility, row.from_person_id in housemates))
        else:
            label = row.get_kind_display() if row.kind in RelationshipKind.symmetric() else _INVERSE_LABEL.get(row.kind, f"Is {row.get_kind_display().lower()} of")  # type: ignore[call-overload]
            family.append(Relative(row.to_person, label, False, row.to_person_id in housemates))
    return sorted(family, key=lambda r: (r.person.date_of_birth is None, r.person.date_of_birth or 0))
