"""Changes to the person record. Each is an ``@audited_action``: atomic, logged as its keyword-only
``acting_user``, and saving row by row so that every change (an address ended by a move, too) is in the audit log.

A family's history is kept, never overwritten: a relationship that ends keeps its row with the date it ended, and
someone who leaves a household keeps their membership with the date they left. Who recorded each change, and when,
is kept on the row, which is what puts it on the chronology (``people.chronology``)."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from journey.audit.context import audited_action
from journey.codelists import lookup
from journey.lib.dates import today
from journey.lib.identifiers import normalise_nhs_number, normalise_postcode, normalise_upn

from .codes import HouseholdRole, RelationshipKind
from .models import Address, Child, Household, HouseholdMembership, Person, Relationship
from .relations import family_of, households_to_move_to, people_to_link


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
CHILD_DETAILS = ("expected_date_of_birth", "upn", "disabilities", "former_upn", "upn_unknown_reason", "date_of_death")


def with_former_name(former_names: str, name: str) -> str:
    """``former_names`` with ``name`` added at the end, unless it is already there (in any case): a renamed child is
    still found by the name their earlier records and referrers use."""
    names = [n.strip() for n in former_names.split(",") if n.strip()]
    if name.strip() and name.strip().casefold() not in {n.casefold() for n in names}:
        names.append(name.strip())
    return ", ".join(names)


def census_detail_refusals(child: Child, person: Person) -> dict[str, str]:
    """What is wrong with the details the census asks of a child, by field: a date of death before the date of
    birth, a former UPN that is the UPN, a reason the UPN is unknown beside a UPN, or one not valid today."""
    errors = {}
    if child.date_of_death and person.date_of_birth and child.date_of_death < person.date_of_birth:
        errors["date_of_death"] = f"Date of death must be on or after the date of birth ({_long(person.date_of_birth)})"
    if child.former_upn and child.former_upn == child.upn:
        errors["former_upn"] = "Former UPN must be different from the UPN"
    if child.upn_unknown_reason and child.upn:
        errors["upn_unknown_reason"] = "Leave the reason the UPN is unknown empty when the UPN is given"
    elif child.upn_unknown_reason and (
        refused := lookup.refusal("cin.upn_unknown", child.upn_unknown_reason, today(), "Reason the UPN is unknown")
    ):
        errors["upn_unknown_reason"] = refused
    return errors


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
    child.former_upn = normalise_upn(child.former_upn)
    if person.date_of_birth and child.expected_date_of_birth:
        child.expected_date_of_birth = None
    if errors := census_detail_refusals(child, person):
        raise ValidationError(errors)
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
    """The current relationship of this kind between the two, recorded now if there is none."""
    if from_person.pk == to_person.pk:
        raise ValidationError({"to_person": "A person cannot be related to themselves"})
    current = Relationship.objects.filter(from_person=from_person, to_person=to_person, kind=kind, ended_on__isnull=True).first()
    if current is not None:
        return current
    relationship = Relationship(
        from_person=from_person, to_person=to_person, kind=kind, has_parental_responsibility=has_parental_responsibility,
        recorded_by=acting_user, recorded_at=timezone.now(),
    )
    relationship.save()
    return relationship


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


ONE_ONLY: dict[str, str] = {RelationshipKind.MOTHER: "a mother", RelationshipKind.FATHER: "a father"}


def _relate_to_child(child: Child, person: Person, *, acting_user, kind: str, has_parental_responsibility: bool,
                     started_on: date | None) -> Relationship:
    """'<person> is the <kind> of <child>', checked: a known kind, not already recorded, one mother and one father."""
    if kind not in RelationshipKind.values:
        raise ValidationError({"kind": "Select how they are related to the child"})
    current = Relationship.objects.filter(Q(from_person=person, to_person=child.person) | Q(from_person=child.person, to_person=person), ended_on__isnull=True)
    if current.filter(kind=kind).exists():
        raise ValidationError({"kind": f"{person.full_name} is already recorded as {RelationshipKind(kind).label.lower()}: end that first if it changed"})
    if kind in ONE_ONLY:
        other = Relationship.objects.filter(to_person=child.person, kind=kind, ended_on__isnull=True).select_related("from_person").first()
        if other is not None:
            raise ValidationError({"kind": (
                f"{child.person.first_name} already has {ONE_ONLY[kind]} on record ({other.from_person.full_name}): "
                "end that relationship first if it was recorded wrongly"
            )})
    relationship = Relationship(
        from_person=person, to_person=child.person, kind=kind, has_parental_responsibility=has_parental_responsibility,
        started_on=started_on, recorded_by=acting_user, recorded_at=timezone.now(),
    )
    relationship.full_clean(exclude=["from_person", "to_person"], validate_constraints=False)
    relationship.save()
    return relationship


def _periods_overlap(start: date | None, end: date | None, other_start: date | None, other_end: date | None) -> bool:
    """Whether two stays overlap, an unknown start or end reaching as far as it can; leaving one household on the
    day of joining another is not being in two at once."""
    return (other_end is None or start is None or start < other_end) and (end is None or other_start is None or other_start < end)


def _household_of(child: Child) -> HouseholdMembership | None:
    return HouseholdMembership.objects.filter(person=child.person, left_on__isnull=True).select_related("household").first()


def _enter_household(household: Household, person: Person, *, acting_user, role: str, joined_on: date | None, field: str) -> HouseholdMembership:
    """``person`` joins ``household`` on ``joined_on``. A child is never in two households at once: one still living
    elsewhere is refused (moving a child is ``move_to_household``). An adult's stay elsewhere ends on the day they
    join, which must then be known."""
    name = person.full_name
    is_child = Child.objects.filter(pk=person.pk).exists()
    for stay in HouseholdMembership.objects.filter(person=person).select_related("household"):
        if not _periods_overlap(joined_on, None, stay.joined_on, stay.left_on):
            continue
        if stay.household_id == household.pk and stay.left_on is None:
            raise ValidationError({field: f"{name} already lives in this household"})
        if is_child or stay.left_on is not None or joined_on is None or (stay.joined_on and stay.joined_on > joined_on):
            since = f" from {_long(stay.joined_on)}" if stay.joined_on else ""
            until = f" until {_long(stay.left_on)}" if stay.left_on else ""
            raise ValidationError({field: (
                f"{name} lives in {stay.household.name}{since}{until}: a person cannot be in two households at once, "
                "so enter a date after they left" + (", or record their move" if is_child else "")
            )})
        stay.left_on = joined_on
        stay.left_recorded_by, stay.left_recorded_at = acting_user, timezone.now()
        stay.save()
    membership = HouseholdMembership(
        household=household, person=person, role=role, joined_on=joined_on, recorded_by=acting_user, recorded_at=timezone.now(),
    )
    try:
        membership.full_clean(exclude=["household", "person"], validate_constraints=False)
    except ValidationError as error:
        raise ValidationError({field: error.message_dict.get("joined_on", error.messages)}) from None
    membership.save()
    return membership


def _household_for(child: Child, *, acting_user) -> Household:
    """The child's household now, recorded (with the child in it) the first time someone is said to live with them."""
    current = _household_of(child)
    if current is not None:
        return current.household
    household = Household(name=f"{child.person.last_name} household"[:120])
    household.full_clean()
    household.save()
    HouseholdMembership(
        household=household, person=child.person, role=HouseholdRole.CHILD, recorded_by=acting_user, recorded_at=timezone.now(),
    ).save()
    return household


def _role_for(person: Person, kind: str) -> str:
    if Child.objects.filter(pk=person.pk).exists() or kind in RelationshipKind.symmetric():
        return HouseholdRole.CHILD
    carers = {*RelationshipKind.parental(), RelationshipKind.FOSTER_CARER, RelationshipKind.KINSHIP_CARER}
    return HouseholdRole.PARENT if kind in carers else HouseholdRole.OTHER_ADULT


@audited_action
def add_family_member(
    child: Child, *, acting_user, kind: str, first_name: str, last_name: str, date_of_birth: date | None = None,
    approximate_age: int | None = None, sex: str = "U", has_parental_responsibility: bool = False,
    started_on: date | None = None, lives_with_child: bool = False, joined_on: date | None = None,
) -> Relationship:
    """Someone new in the child's life (a parent, a mother's new partner, a grandparent, a family friend): their
    record, how they stand to the child, and, if they live with the child, their joining the child's household."""
    errors: dict[str, str] = {}
    if date_of_birth and approximate_age is not None:
        errors["approximate_age"] = "Leave the approximate age empty when the date of birth is known"
    if errors:
        raise ValidationError(errors)
    year = today().year - approximate_age if approximate_age is not None else None
    person = Person(first_name=first_name.strip(), last_name=last_name.strip(), date_of_birth=date_of_birth,
                    approximate_year_of_birth=year, sex=sex)
    try:
        person.full_clean()
    except ValidationError as error:
        raise ValidationError({"approximate_age" if name == "approximate_year_of_birth" else name: messages
                               for name, messages in error.message_dict.items()}) from None
    person.save()
    relationship = _relate_to_child(child, person, acting_user=acting_user, kind=kind,
                                    has_parental_responsibility=has_parental_responsibility, started_on=started_on)
    if lives_with_child:
        _enter_household(_household_for(child, acting_user=acting_user), person, acting_user=acting_user,
                         role=_role_for(person, kind), joined_on=joined_on, field="joined_on")
    return relationship


@audited_action
def link_family_member(
    child: Child, person: Person, *, acting_user, kind: str, has_parental_responsibility: bool = False,
    started_on: date | None = None, lives_with_child: bool = False, joined_on: date | None = None,
) -> Relationship:
    """Someone already on record (a sibling's own record, a parent of a brother) related to this child too. Only
    people within the child's family whom ``acting_user`` may be told of can be linked (``relations.people_to_link``):
    never a search of the whole population, never a restricted child hidden from them."""
    if person.pk not in {candidate.pk for candidate in people_to_link(child, viewer=acting_user)}:
        raise ValidationError({"person": "Select a person from the list"})
    relationship = _relate_to_child(child, person, acting_user=acting_user, kind=kind,
                                    has_parental_responsibility=has_parental_responsibility, started_on=started_on)
    if lives_with_child:
        _enter_household(_household_for(child, acting_user=acting_user), person, acting_user=acting_user,
                         role=_role_for(person, kind), joined_on=joined_on, field="joined_on")
    return relationship


@audited_action
def end_relationship(relationship: Relationship, *, acting_user, ended_on: date) -> Relationship:
    """A relationship ends (a partner separates, a foster placement ends): the row is kept with its end, so the
    family's history still shows it."""
    if relationship.ended_on is not None:
        raise ValidationError({"ended_on": f"This relationship already ended on {_long(relationship.ended_on)}"})
    if relationship.started_on and ended_on < relationship.started_on:
        raise ValidationError({"ended_on": f"End date must be on or after the date the relationship began ({_long(relationship.started_on)})"})
    relationship.ended_on = ended_on
    relationship.ended_by, relationship.ended_recorded_at = acting_user, timezone.now()
    relationship.full_clean(exclude=["from_person", "to_person"], validate_constraints=False)
    relationship.save()
    return relationship


@audited_action
def join_household(child: Child, person: Person, *, acting_user, joined_on: date | None) -> HouseholdMembership:
    """Someone in the child's family (the father returning, a grandmother moving in) comes to live with the child."""
    relatives = {relative.person.pk: relative for relative in family_of(child.person, viewer=acting_user)}
    if person.pk not in relatives:
        raise ValidationError({"person": "Select a person from the list"})
    current = _household_of(child)
    if current is None:
        raise ValidationError({"person": f"{child.person.first_name} has no household recorded: record where {child.person.first_name} lives first"})
    kind = Relationship.objects.filter(
        Q(from_person=person, to_person=child.person) | Q(from_person=child.person, to_person=person), ended_on__isnull=True,
    ).values_list("kind", flat=True).first() or RelationshipKind.OTHER_ADULT
    return _enter_household(current.household, person, acting_user=acting_user, role=_role_for(person, kind), joined_on=joined_on, field="joined_on")


@audited_action
def leave_household(membership: HouseholdMembership, *, acting_user, left_on: date) -> HouseholdMembership:
    """Someone stops living in a household; their membership is kept with the date they left."""
    if membership.left_on is not None:
        raise ValidationError({"left_on": f"{membership.person.full_name} already left on {_long(membership.left_on)}"})
    if membership.joined_on and left_on < membership.joined_on:
        raise ValidationError({"left_on": f"Date left must be on or after the date they joined ({_long(membership.joined_on)})"})
    membership.left_on = left_on
    membership.left_recorded_by, membership.left_recorded_at = acting_user, timezone.now()
    membership.full_clean(exclude=["household", "person"], validate_constraints=False)
    membership.save()
    return membership


@audited_action
def move_to_household(
    child: Child, *, acting_user, moved_on: date, household: Household | None = None, new_household_name: str = "",
) -> HouseholdMembership:
    """The child goes to live elsewhere: to a relative's household on record, or to one recorded now (a foster
    home, a new flat). The stay before ends on the day of the move and is kept."""
    if (household is None) == (not new_household_name.strip()):
        raise ValidationError({"household": "Select where they moved to, or name a new household"})
    if household is not None and household.pk not in {h.pk for h in households_to_move_to(child, viewer=acting_user)}:
        raise ValidationError({"household": "Select a household from the list"})
    for stay in HouseholdMembership.objects.filter(person=child.person, left_on__isnull=True).select_related("household"):
        if stay.joined_on and moved_on < stay.joined_on:
            raise ValidationError({"moved_on": f"Date of the move must be on or after {child.person.first_name} joined {stay.household.name} ({_long(stay.joined_on)})"})
        stay.left_on = moved_on
        stay.left_recorded_by, stay.left_recorded_at = acting_user, timezone.now()
        stay.save()
    if household is None:
        household = Household(name=new_household_name.strip())
        try:
            household.full_clean()
        except ValidationError as error:
            raise ValidationError({"new_household_name": error.message_dict.get("name", error.messages)}) from None
        household.save()
    return _enter_household(household, child.person, acting_user=acting_user, role=HouseholdRole.CHILD, joined_on=moved_on, field="moved_on")
