"""What the front door does: take a contact, link it to the child on record, decide what happens next."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.access.rules import is_front_door
from journey.audit.context import audited_action
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.codelists import lookup
from journey.lib.identifiers import normalise_nhs_number, normalise_postcode
from journey.people.actions import create_child
from journey.people.matching import Given

from . import rules
from .codes import HOW_KNOWN_REPORTED, ContactStatus, HowKnown, InformationRoute, ScreeningOutcome, referral_source_for
from .models import Contact, ContactChild, ContactLinkChange, PartnerInformation, Referral, ScreeningDecision


@dataclass(frozen=True)
class NamedChild:
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    nhs_number: str = ""
    address: str = ""
    postcode: str = ""
    expected_delivery: date | None = None


UNBORN_FIRST_NAME = "Unborn"  # how a child not yet born and not yet named is recorded: "Unborn Smith"
PREGNANCY_AHEAD = timedelta(weeks=42)  # the furthest ahead a delivery can be expected when a concern is raised
OVERDUE = timedelta(weeks=6)  # a baby expected longer ago than this has been born: give the date of birth instead


def unborn_refusal(named: NamedChild, received_on: date) -> dict[str, str]:
    """What is wrong with how an unborn child is described, by field (empty if nothing): an expected date of
    delivery is for a child not yet born, so never beside a date of birth, and within a pregnancy of the contact.
    A first name may be left out for an unborn child; for anyone else it is needed."""
    expected = named.expected_delivery
    if expected is None:
        return {} if named.first_name.strip() else {"first_name": "Enter the child's first name"}
    if named.date_of_birth is not None:
        return {"expected_delivery": "Enter a date of birth or an expected date of delivery, not both"}
    if expected > received_on + PREGNANCY_AHEAD:
        return {"expected_delivery": "Expected date of delivery must be within 42 weeks of the contact"}
    if expected < received_on - OVERDUE:
        return {"expected_delivery": (
            "Expected date of delivery must be no more than 6 weeks before the contact: if the baby has been born, "
            "enter their date of birth instead"
        )}
    return {}


@audited_action
def record_contact(
    *, acting_user, agency, concern: str, children: list[NamedChild], received_at: datetime | None = None,
    referrer_name: str = "", referrer_role: str = "", referrer_phone: str = "", parents_aware: bool | None = None,
) -> Contact:
    """Record a contact about one or more children, as the referrer described them. No child is made here."""
    if not concern.strip():
        raise ValidationError({"concern": "Enter the reason for concern"})
    if not children:
        raise ValidationError({"children": "Name at least one child the contact is about"})
    received_on = timezone.localdate(received_at) if received_at else timezone.localdate()
    for prefix, named in zip(("", "second_"), children, strict=False):
        if problems := unborn_refusal(named, received_on):
            raise ValidationError({f"{prefix}{field}": message for field, message in problems.items()})
    contact = Contact.objects.create(
        agency=agency, concern=concern.strip(), received_at=received_at or timezone.now(), recorded_by=acting_user,
        referrer_name=referrer_name, referrer_role=referrer_role, referrer_phone=referrer_phone, parents_aware=parents_aware,
    )
    for named in children:
        row = ContactChild(
            contact=contact, given_first_name=named.first_name.strip() or UNBORN_FIRST_NAME, given_last_name=named.last_name.strip(),
            given_date_of_birth=named.date_of_birth, given_expected_delivery=named.expected_delivery,
            given_nhs_number=normalise_nhs_number(named.nhs_number),
            given_address=named.address, given_postcode=normalise_postcode(named.postcode) if named.postcode else "",
        )
        row.full_clean(exclude=["contact"])
        row.save()
    return contact


def given_details(named: ContactChild) -> Given:
    return Given(
        first_name=named.given_first_name, last_name=named.given_last_name, date_of_birth=named.given_date_of_birth,
        nhs_number=named.given_nhs_number, postcode=named.given_postcode,
    )


class NotFrontDoor(ValidationError):
    """Raised when someone other than the front door tries the front door's work on a contact."""


def _ensure_front_door(acting_user) -> None:
    """Linking, making records from a contact and screening are the front door's work (``access.rules``); the
    pages ask the same rule before offering them."""
    if not is_front_door(acting_user):
        raise NotFrontDoor("Only the front door can link, create records for or screen a contact")


def _ensure_open(contact: Contact) -> None:
    """Re-read the contact's status under a row lock, so that two screeners acting at once (or a button pressed
    twice) cannot both change it: the second sees the first's change and is told why, rather than failing."""
    contact.status = Contact.objects.select_for_update().values_list("status", flat=True).get(pk=contact.pk)
    if not contact.is_open:
        raise ValidationError("This contact has already been screened, so its children cannot be changed")


@audited_action
def link_contact_to_child(named: ContactChild, child, *, acting_user, replacing_reason: str = "") -> ContactChild:
    """The screener says which child on record the contact is about. The story continues on that record.

    A named child already linked to another record is moved only when the screener says why; the earlier link
    stays on record as a ``ContactLinkChange``, so who was thought to be this child, and why that changed, can
    always be answered."""
    _ensure_front_door(acting_user)
    _ensure_open(named.contact)
    named = ContactChild.objects.select_for_update().get(pk=named.pk)
    if named.child_id == child.pk:
        raise ValidationError(f"{named} is already linked to this record")
    if ContactChild.objects.filter(contact=named.contact, child=child).exclude(pk=named.pk).exists():
        raise ValidationError("This child is already linked to another child named in this contact")
    if named.child_id is not None:
        if not replacing_reason.strip():
            raise ValidationError({
                "replacing_reason": f"{named} is already linked to another record: say why this record is the right one"
            })
        ContactLinkChange.objects.create(
            named=named, previous_child_id=named.child_id, previous_linked_by_id=named.linked_by_id,
            previous_linked_at=named.linked_at, child=child, reason=replacing_reason.strip(), changed_by=acting_user,
        )
    named.child = child
    named.linked_by = acting_user
    named.linked_at = timezone.now()
    named.created_new_child = False
    named.save()
    return named


@audited_action
def create_child_from_contact(named: ContactChild, *, acting_user, sex: str = "U"):
    """No one on record matched: make the child's record from what the referrer gave, and link it."""
    _ensure_front_door(acting_user)
    _ensure_open(named.contact)
    if ContactChild.objects.filter(pk=named.pk, child__isnull=False).exists():
        raise ValidationError(f"{named} is already linked to a record, so no new record was made")
    line_1, _, town = named.given_address.partition(",")
    child = create_child(
        acting_user=acting_user, first_name=named.given_first_name, last_name=named.given_last_name,
        date_of_birth=named.given_date_of_birth, expected_date_of_birth=named.given_expected_delivery,
        nhs_number=named.given_nhs_number, sex=sex, address_line_1=line_1.strip(), town=town.strip() or "Not known", postcode=named.given_postcode,
    )
    link_contact_to_child(named, child, acting_user=acting_user)
    named.created_new_child = True
    named.save(update_fields=["created_new_child"])
    return child


@audited_action
def screen_contact(
    contact: Contact, *, acting_user, outcome: str, rationale: str, decided_at: datetime | None = None, team=None,
    referral_source: str = "",
) -> ScreeningDecision:
    """Decide a contact. A referral joins each child's one record and opens (or continues) their child in need
    episode; early help opens (or continues) an early help episode. Nothing is ever opened as a new case.

    A new episode goes to ``team``, the team receiving the work, whose manager allocates a worker; the team is
    needed only when some child has no episode of that kind to continue. A referral records who made it as the
    census counts it: ``referral_source`` where the screener chose one, else the code the contact's agency points
    to (``codes.referral_source_for``), valid on the day of the decision."""
    _ensure_front_door(acting_user)
    if outcome not in ScreeningOutcome.values:
        raise ValidationError({"outcome": "Select what happens next"})
    if not rationale.strip():
        raise ValidationError({"rationale": "Enter the reasons for the decision"})
    decided_at = decided_at or timezone.now()
    source = referral_source.strip() or referral_source_for(contact.agency.kind)
    if outcome in ScreeningOutcome.opening_social_work() and (
        refused := lookup.refusal("cin.referral_source", source, timezone.localdate(decided_at), "Referral source")
    ):
        raise ValidationError({"referral_source": refused})
    _ensure_open(contact)
    named = list(contact.children_named.select_related("child__person"))
    if any(n.child_id is None for n in named):
        raise ValidationError("Link every child named in the contact to a record before deciding")
    kind = episode_kind_for(outcome)
    opening = [row.child for row in named if kind and not _has_continuing_episode(row.child, kind)]
    if opening and team is None:
        names = ", ".join(child.person.full_name for child in opening)  # type: ignore[union-attr]
        raise ValidationError({"team": f"Select the team the work goes to: {names} has no {EpisodeKind(kind).label.lower()} episode open to continue"})  # type: ignore[arg-type]
    decision = ScreeningDecision.objects.create(
        contact=contact, outcome=outcome, rationale=rationale.strip(), decided_by=acting_user, decided_at=decided_at
    )
    contact.status = ContactStatus.SCREENED
    contact.save(update_fields=["status"])
    for row in named:
        referral = None
        if outcome in ScreeningOutcome.opening_social_work():
            referral = Referral.objects.create(child=row.child, contact=contact, referred_at=decided_at, source=source)  # type: ignore[misc]
        if row.child in opening:
            open_episode(row.child, kind, started_on=decided_at.date(), acting_user=acting_user, referral=referral, team=team)
    return decision


def episode_kind_for(outcome: str) -> str | None:
    """The episode a screening outcome starts or continues, if any."""
    if outcome in ScreeningOutcome.opening_social_work():
        return EpisodeKind.CHILD_IN_NEED
    if outcome == ScreeningOutcome.EARLY_HELP:
        return EpisodeKind.EARLY_HELP
    return None


def _has_continuing_episode(child, kind: str) -> bool:
    """A child in need referral continues an open child in need, protection or looked-after episode."""
    continuing = [kind]
    if kind == EpisodeKind.CHILD_IN_NEED:
        continuing += [EpisodeKind.CHILD_PROTECTION, EpisodeKind.LOOKED_AFTER]
    return child.episodes.filter(kind__in=continuing, ended_on__isnull=True).exists()


class NotRaisedByYourAgency(ValidationError):
    """Raised when someone other than a partner whose agency raised a concern about the child tries to add
    information about the child."""


@audited_action
def add_partner_information(
    child, *, acting_user, what_happened: str, happened_on: date | None, how_known: str, family_knows: bool | None,
) -> PartnerInformation:
    """A partner tells us more about a child their agency raised a concern about. Where it goes is
    ``rules.route_information``: to the child's allocated worker and team (the chronology shows it at once), or to
    the front door as a new contact about the same child, linked to the record so the screener sees the earlier
    contacts beside it. The partner chose the child from their own concerns, so no matching is needed."""
    if not rules.may_add_information(acting_user, child):
        raise NotRaisedByYourAgency("Only a partner whose agency raised a concern about this child can add information about them")
    errors = {}
    if not what_happened.strip():
        errors["what_happened"] = "Enter what happened"
    if happened_on is None:
        errors["happened_on"] = "Enter the date it happened"
    if how_known not in HowKnown.values:
        errors["how_known"] = "Select how you know"
    if errors or happened_on is None:
        raise ValidationError(errors)
    route = rules.route_information(child)
    information = PartnerInformation(
        child=child, agency=acting_user.agency, given_by=acting_user, received_at=timezone.now(), happened_on=happened_on,
        what_happened=what_happened.strip(), how_known=how_known, family_knows=family_knows, routed_to=route.to,
    )
    if route.allocation is not None:
        information.worker, information.team = route.allocation.worker, route.allocation.team
    information.full_clean(exclude=["child", "agency", "given_by", "worker", "team", "contact"])
    if route.to == InformationRoute.FRONT_DOOR:
        information.contact = _contact_from(information, acting_user)
    information.save()
    return information


def _contact_from(information: PartnerInformation, acting_user) -> Contact:
    """The front door's contact for information about a child with no allocated worker: the partner's words with
    when it happened and how they know, already linked to the child they chose."""
    child = information.child
    concern = "\n\n".join([
        information.what_happened,
        f"When it happened: {information.happened_on:%-d %B %Y}. How they know: {HOW_KNOWN_REPORTED[information.how_known]}. "  # type: ignore[index]
        "Added by the partner about a child their agency raised a concern about before.",
    ])
    contact = record_contact(
        acting_user=acting_user, agency=information.agency, concern=concern, received_at=information.received_at,
        children=[NamedChild(child.person.first_name, child.person.last_name, child.date_of_birth)],
        referrer_name=acting_user.display_name[:150], referrer_role=acting_user.job_title, parents_aware=information.family_knows,
    )
    named = contact.children_named.get()
    named.child, named.linked_by, named.linked_at = child, acting_user, information.received_at
    named.save()
    return contact
