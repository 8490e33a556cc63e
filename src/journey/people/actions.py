"""Changes to the person record. Each is an ``@audited_action``: atomic, logged as its keyword-only
``acting_user``, and saving row by row so that every change (an address ended by a move, too) is in the audit log."""
from datetime import date

from django.core.exceptions import ValidationError
from journey.audit.context import audited_action
from journey.lib.dates import today
from journey.lib.identifiers import normalise_nhs_number, normalise_postcode, normalise_upn

from .models import Address, Child, Person, Relationship


@audited_action
def create_child(
    *, acting_user, first_name: str, last_name: str, date_of_birth: date | None = None,
    expected_date_of_birth: date | None = None, sex: str = "U", nhs_number: str = "", upn: str = "",
    address_line_1: str = "", town: str = "", postcode: str = "", **person_fields,
) -> Child:
    """Make a new child's record. Callers search for the child on record first (``people.matching``)."""
    person = Person(
        first_name=first_name.strip(), last_name=last_name.strip(), date_of_birth=date_of_birth, sex=sex,
        nhs_number=normalise_nhs_number(nhs_number), **person_fields,
    )
    person.full_clean()
    person.save()
    child = Child(person=person, expected_date_of_birth=expected_date_of_birth, upn=normalise_upn(upn))
    child.full_clean(exclude=["person"])
    child.save()
    if address_line_1 and postcode:
        move_address(person, acting_user=acting_user, line_1=address_line_1, town=town, postcode=postcode, moved_in_on=None)
    return child


PERSON_DETAILS = (
    "first_name", "middle_names", "last_name", "known_as", "former_names", "date_of_birth", "sex", "gender",
    "ethnicity", "first_language", "needs_interpreter", "nhs_number",
)
CHILD_DETAILS = ("expected_date_of_birth", "upn", "disabilities")


def with_former_name(former_names: str, name: str) -> str:
    """``former_names`` with ``name`` added at the end, unless it is already there (in any case): a renamed child is
    still found by the name their earlier records and referrers use."""
    names = [n.strip() for n in former_names.split(",") if n.strip()]
    if name.strip() and name.strip().casefold() not in {n.casefold() for n in names}:
        names.append(name.strip())
    return ", ".join(names)


@audited_action
def update_child_details(child: Child, *, acting_user, **details) -> Child:
    """Correct or add to who the child is. Identifiers are normalised and checked by the fields' own validators,
    so a bad NHS number or UPN is refused here exactly as it is in a form or an import."""
    unknown = set(details) - set(PERSON_DETAILS) - set(CHILD_DETAILS)
    if unknown:
        raise TypeError(f"Not a detail of a child: {', '.join(sorted(unknown))}")
    person = child.person
    previous_name = person.full_name
    for name in PERSON_DETAILS:
        if name in details:
            value = details[name]
            setattr(person, name, value.strip() if isinstance(value, str) else value)
    if "nhs_number" in details:
        person.nhs_number = normalise_nhs_number(person.nhs_number)
    if person.full_name.casefold() != previous_name.casefold():
        person.former_names = with_former_name(person.former_names, previous_name)
    for name in CHILD_DETAILS:
        if name in details:
            setattr(child, name, details[name])
    child.upn = normalise_upn(child.upn)
    if person.date_of_birth and child.expected_date_of_birth:
        child.expected_date_of_birth = None
    person.full_clean()
    child.full_clean(exclude=["person"])
    person.save()
    child.save()
    return child


@audited_action
def move_address(person: Person, *, acting_user, line_1: str, town: str, postcode: str, moved_in_on: date | None, line_2: str = "") -> Address:
    """Record a new address; the one before it is kept, ended on the day of the move (or, where the move date is
    not known, on the day it was recorded), so a person has one current address."""
    address = Address(person=person, line_1=line_1, line_2=line_2, town=town, postcode=normalise_postcode(postcode), moved_in_on=moved_in_on)
    address.full_clean(exclude=["person"])
    current = list(person.addresses.filter(moved_out_on__isnull=True))
    if moved_in_on:
        for previous in current:
            if previous.moved_in_on and previous.moved_in_on > moved_in_on:
                raise ValidationError({"moved_in_on": "Date moved in must be after the date they moved in to their current address"})
    for previous in current:
        previous.moved_out_on = moved_in_on or today()
        previous.save(update_fields=["moved_out_on"])
    address.save()
    return address


@audited_action
def relate(from_person: Person, to_person: Person, kind: str, *, acting_user, has_parental_responsibility: bool = False) -> Relationship:
    if from_person.pk == to_person.pk:
        raise ValidationError({"to_person": "A person cannot be related to themselves"})
    relationship, _ = Relationship.objects.get_or_create(
        from_person=from_person, to_person=to_person, kind=kind,
        defaults={"has_parental_responsibility": has_parental_responsibility},
    )
    return relationship
