"""The API's request and response shapes. Request fields are checked by the same validators as the pages' forms
(``journey.lib.identifiers``, the models' own lengths), and every message names the rule it enforces."""
from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from journey.access.fetch import MAX_ID
from journey.accounts.models import Agency
from journey.frontdoor.codes import HowKnown
from journey.frontdoor.models import Contact, ContactChild, PartnerInformation
from journey.lib.dates import DateOfBirth, PastEvent, PlannedDate
from journey.lib.identifiers import validate_nhs_number, validate_postcode

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
NAME_SEARCH_MAX_LENGTH = 200  # longer than any full name the record holds


def _rule(code: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown as written (no "Value error," prefix, no brace formatting)."""
    return PydanticCustomError(code, "{message}", {"message": message})


def plain_text(value: str) -> str:
    """Text that every database stores: no NUL characters (PostgreSQL refuses them) and no lone surrogates."""
    if "\x00" in value:
        raise _rule("null_character", "Must not contain null characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _rule("invalid_text", "Must be valid Unicode text") from None
    return value


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def text(max_length: int | None = None, *, required: str = ""):
    """A stripped text field. ``required`` is the message for an empty value; without it empty text is allowed."""

    def check(value: str) -> str:
        value = plain_text(value).strip()
        if required and not value:
            raise _rule("required", required)
        if max_length is not None and len(value) > max_length:
            raise _rule("too_long", f"Must be {max_length} characters or fewer")
        return value

    return AfterValidator(check)


def _django_rule(validator):
    """Run one of the shared Django validators (NHS number, postcode, the date bounds) on a non-empty value."""

    def check(value: str) -> str:
        if value:
            try:
                validator(value)
            except DjangoValidationError as error:
                raise _rule(error.code or "invalid", error.messages[0]) from None
        return value

    return AfterValidator(check)


def _local_if_naive(value: datetime | None) -> datetime | None:
    """A time given without a zone is taken as local time, as the pages do."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


class Body(Schema):
    """Request bodies reject fields they do not know, so a misspelt field is reported rather than silently lost."""

    model_config = ConfigDict(extra="forbid")


class NamedChildIn(Body):
    first_name: Annotated[str, text(_max_length(ContactChild, "given_first_name"), required="Enter the child's first name")]
    last_name: Annotated[str, text(_max_length(ContactChild, "given_last_name"), required="Enter the child's last name")]
    date_of_birth: Annotated[date | None, _django_rule(DateOfBirth())] = Field(
        None, description="YYYY-MM-DD, if known: from 1900-01-01 to today.",
    )
    expected_date_of_delivery: Annotated[date | None, _django_rule(PlannedDate("Expected date of delivery"))] = Field(
        None, description="YYYY-MM-DD, for an unborn child (never with a date of birth): within 42 weeks after the contact and "
        "no more than 6 weeks before it. Give the first name as 'Unborn' if the baby has no name yet.",
    )
    nhs_number: Annotated[str, text(), _django_rule(validate_nhs_number)] = Field("", description="10 digits, if known.")
    address: Annotated[str, text(_max_length(ContactChild, "given_address"))] = Field("", description="Street, a comma, then the town.")
    postcode: Annotated[str, text(), _django_rule(validate_postcode)] = ""


class ContactIn(Body):
    agency_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="The agency the contact came from. Council staff must give it; a partner's is their own.",
    )
    received_at: Annotated[datetime | None, _django_rule(PastEvent("Date received")), AfterValidator(_local_if_naive)] = Field(
        None, description="When it reached the front door (council staff only), from 1900 to now; empty means now.",
    )
    referrer_name: Annotated[str, text(_max_length(Contact, "referrer_name"))] = ""
    referrer_role: Annotated[str, text(_max_length(Contact, "referrer_role"))] = ""
    referrer_phone: Annotated[str, text(_max_length(Contact, "referrer_phone"))] = ""
    parents_aware: bool | None = Field(None, description="Whether the family knows; null when not known.")
    concern: Annotated[str, text(_max_length(Contact, "concern"), required="Enter the concern")] = Field(
        description="The reason for concern, in the referrer's own words."
    )
    children: list[NamedChildIn] = Field(description="The children the contact is about: at least one.")

    @field_validator("children")
    @classmethod
    def _at_least_one(cls, value: list[NamedChildIn]) -> list[NamedChildIn]:
        if not value:
            raise _rule("required", "Name at least one child the contact is about")
        return value


class Page(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"How many to return, at most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=MAX_ID, description="How many to skip.")


class ChildFilters(Page):
    name: Annotated[str, text(NAME_SEARCH_MAX_LENGTH)] = Field(
        "", description="Part of a name: every word must match a first, middle, last, known-as or former name.",
    )


class ChronologyFilters(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"How many to return, at most {MAX_LIMIT}.")
    after: Annotated[str, text(200)] = Field(
        "", description="The `next` of the page before: where this page starts (keyset paging; empty for the first page).",
    )
    kind: list[Annotated[str, text()]] = Field([], description="Only these kinds of entry (repeat to give several).")
    agency: list[Annotated[str, text(_max_length(Agency, "name"))]] = Field([], description="Only entries from these agencies, by name.")
    significant: bool = Field(False, description="Only entries marked significant.")
    order: Literal["newest", "oldest"] = "newest"

    @field_validator("after")
    @classmethod
    def _a_cursor(cls, value: str) -> str:
        from journey.chronology.read import Cursor

        if value and Cursor.decode(value) is None:
            raise _rule("invalid_cursor", "Use the next value of the page before, unchanged")
        return value

    @field_validator("kind")
    @classmethod
    def _known_kinds(cls, value: list[str]) -> list[str]:
        from journey.chronology.registry import kinds

        known = [kind.code for kind in kinds()]
        unknown = [code for code in value if code not in known]
        if unknown:
            raise _rule("unknown_kind", f"Unknown kind {unknown[0]!r}: choose from {', '.join(known)}")
        return value


# Responses


class Error(Schema):
    detail: str


class FieldError(Schema):
    field: str = Field(description="The field at fault, e.g. 'children[0].nhs_number'.")
    msg: str = Field(description="The rule it broke.")
    loc: list[str | int] = Field(description="Where the field is: body, query or path, then the path to it.")
    type: str


class ValidationErrors(Schema):
    detail: list[FieldError]


class ChildSummary(Schema):
    id: int
    name: str
    date_of_birth: date | None


class ChildPage(Page):
    count: int = Field(description="How many children match, in all.")
    items: list[ChildSummary]


class AddressOut(Schema):
    line_1: str
    line_2: str
    town: str
    postcode: str
    moved_in_on: date | None


class PractitionerOut(Schema):
    name: str
    job_title: str
    team: str


class EpisodeOut(Schema):
    id: int
    kind: str
    kind_label: str
    started_on: date
    lead_practitioner: PractitionerOut | None


class StaffChild(Schema):
    """A child as council staff see them: who the child is, where they live and who holds their open episodes."""

    view: Literal["staff"] = "staff"
    id: int
    name: str
    first_name: str
    last_name: str
    known_as: str
    date_of_birth: date | None
    expected_date_of_birth: date | None
    sex: str
    nhs_number: str
    upn: str
    former_upn: str = Field(description="A UPN the child had before, if any.")
    upn_unknown_reason: str = Field(description="Why there is no UPN, as the census's code (cin.upn_unknown); empty when the UPN is known.")
    date_of_death: date | None = Field(description="The day the child died, if they have.")
    is_restricted: bool
    address: AddressOut | None
    open_episodes: list[EpisodeOut]


class ContactOutcome(Schema):
    id: int
    agency: str
    received_at: datetime
    status: str
    status_label: str
    outcome: str | None = Field(description="The front door's decision, once screened.")
    outcome_label: str | None
    decided_at: datetime | None


class PartnerChild(Schema):
    """A child as a partner agency sees them: only what is shared with that agency."""

    view: Literal["partner"] = "partner"
    id: int
    name: str
    date_of_birth: date | None
    contacts: list[ContactOutcome] = Field(description="Contacts the caller's agency raised about the child, newest first.")
    allocated_teams: list[str] = Field(description="The council teams holding the child's open episodes.")


class DetailOut(Schema):
    label: str
    value: str


class EntryOut(Schema):
    key: str
    kind: str
    kind_label: str
    occurred_at: datetime
    title: str
    summary: str
    agency: str
    author: str
    significant: bool
    details: list[DetailOut]


class ChronologyPage(Schema):
    count: int = Field(description="How many entries match the filters, in all.")
    limit: int
    next: str | None = Field(description="Pass as `after` for the following page; null on the last page.")
    items: list[EntryOut]


class InformationIn(Body):
    what_happened: Annotated[str, text(_max_length(PartnerInformation, "what_happened"), required="Enter what happened")] = Field(
        description="What happened, in the partner's own words."
    )
    happened_on: Annotated[date, _django_rule(PastEvent("Date it happened"))] = Field(
        description="YYYY-MM-DD: when it happened, from 1900-01-01 to today."
    )
    how_known: str = Field(description="How the partner knows: " + "; ".join(f"{value} ({label})" for value, label in HowKnown.choices) + ".")
    family_knows: bool | None = Field(None, description="Whether the family knows the partner is telling us; null when not known.")


class InformationSent(Schema):
    id: int
    routed_to: str = Field(description="'worker' (the child's allocated worker and team) or 'front_door' (a new contact).")
    routed_to_label: str
    message: str = Field(description="Where it went, in the words the pages use.")
    contact_id: int | None = Field(description="The contact it became, when it went to the front door.")


class NamedChildOut(Schema):
    first_name: str
    last_name: str
    date_of_birth: date | None


class ContactOut(ContactOutcome):
    children: list[NamedChildOut] = Field(description="The children as the referrer named them.")


class ContactCreated(Schema):
    id: int
    status: str
    status_label: str
