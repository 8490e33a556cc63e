"""Reading a person's family from relationship rows stored one way, and their household now."""
from dataclasses import dataclass

from django.db.models import Q

from .codes import RelationshipKind
from .models import HouseholdMembership, Person, Relationship

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


def family_of(person: Person) -> list[Relative]:
    """Everyone related to ``person``, labelled from ``person``'s side ('Mother', 'Sibling'...)."""
    rows = Relationship.objects.filter(Q(from_person=person) | Q(to_person=person), ended_on__isnull=True).select_related(
        "from_person__child_record", "to_person__child_record"
    )
    household_ids = set(
        HouseholdMembership.objects.filter(person=person, left_on__isnull=True).values_list("household_id", flat=True)
    )
    housemates = set(
        HouseholdMembership.objects.filter(household_id__in=household_ids, left_on__isnull=True).values_list("person_id", flat=True)
    )
    family = []
    for row in rows:
        if row.to_person_id == person.pk:
            family.append(Relative(row.from_person, row.get_kind_display(), row.has_parental_responsibility, row.from_person_id in housemates))
        else:
            label = row.get_kind_display() if row.kind in RelationshipKind.symmetric() else _INVERSE_LABEL.get(row.kind, f"Is {row.get_kind_display().lower()} of")
            family.append(Relative(row.to_person, label, False, row.to_person_id in housemates))
    return sorted(family, key=lambda r: (r.person.date_of_birth is None, r.person.date_of_birth or 0))
