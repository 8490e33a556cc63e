"""The rows the generator builds before writing them: one light class per model, made from the model's own fields.

A Django model instance takes about ten microseconds to make (keyword handling, a descriptor per foreign key,
defaults); a slotted dataclass with the same field names takes about one, and an authority of 50,000 children is
1.4 million rows. Each row class takes the model's field names as keywords (foreign keys by name, holding the row or
the saved agency, team or user they point to) and fills the model's defaults, except that a field whose default is
the clock (``timezone.now``) must be given: the generator dates everything itself, so the same seed and day give
the same rows. ``pk`` is left empty; ``writer.write_rows`` fills it in as it writes.

For the type checker each name here is the model itself: a row reads and is made like one.
"""
import dataclasses
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from journey.casework import models as casework
from journey.feedback import models as feedback
from journey.frontdoor import models as frontdoor
from journey.people import models as people
from journey.practice import models as practice
from journey.protection import models as protection

from . import models as synthetic


class Row:
    """What every row class shares: ``pk``, set when the row is written."""

    __slots__ = ()
    model: type[models.Model]
    pk: Any


def row_type(model: type[models.Model]) -> type[Row]:
    """A slotted dataclass with a keyword for each of ``model``'s concrete fields, defaulting as the model does."""
    specs: list[tuple[str, Any, Any]] = []
    for field in model._meta.concrete_fields:
        if field.primary_key and not field.is_relation:
            continue  # the row's own id, given when it is written
        specs.append((field.name, Any, _default(field)))
    specs.append(("pk", Any, dataclasses.field(default=None, init=False)))
    cls = dataclasses.make_dataclass(model.__name__, specs, bases=(Row,), slots=True, kw_only=True, eq=False, repr=False)
    cls.model = model
    cls.__module__ = __name__
    return cls


def _default(field: models.Field) -> Any:
    if field.has_default():
        if field.default is timezone.now:
            return dataclasses.MISSING  # the generator gives every time itself
        if callable(field.default):
            return dataclasses.field(default_factory=field.default)
        return field.default
    if field.null:
        return None
    if field.empty_strings_allowed and not field.is_relation:
        return ""
    return dataclasses.MISSING


if TYPE_CHECKING:
    from journey.casework.models import (
        Allocation,
        Assessment,
        ByWhen,
        CaseNote,
        ClosureProposal,
        Episode,
        MeetingAttendee,
        Plan,
        Transfer,
        Visit,
    )
    from journey.feedback.models import Feedback, FeedbackLink, FeedbackTheme
    from journey.frontdoor.models import Contact, ContactChild, Referral, ScreeningDecision
    from journey.people.models import Address, Child, Household, HouseholdMembership, Person, Relationship
    from journey.practice.models import SupervisionDecision, SupervisionDiscussion, SupervisionSession
    from journey.protection.models import (
        ChildProtectionConference,
        ConferenceAttendee,
        ConferenceReport,
        CoreGroupMeeting,
        CoreGroupMember,
        EnquiryByWhen,
        PlanCategoryChange,
        Section47Enquiry,
        StrategyDiscussion,
        StrategyParticipant,
    )
    from journey.synthetic.models import ContactChildTruth, PersonTruth
else:
    Household, Person, Child, Address, Relationship, HouseholdMembership = (
        row_type(m) for m in (people.Household, people.Person, people.Child, people.Address, people.Relationship,
                              people.HouseholdMembership)
    )
    PersonTruth, ContactChildTruth = row_type(synthetic.PersonTruth), row_type(synthetic.ContactChildTruth)
    Contact, ContactChild, ScreeningDecision, Referral = (
        row_type(m) for m in (frontdoor.Contact, frontdoor.ContactChild, frontdoor.ScreeningDecision, frontdoor.Referral)
    )
    Episode, Allocation, Assessment, ByWhen, Plan, Visit, CaseNote, MeetingAttendee = (
        row_type(m) for m in (casework.Episode, casework.Allocation, casework.Assessment, casework.ByWhen,
                              casework.Plan, casework.Visit, casework.CaseNote, casework.MeetingAttendee)
    )
    Transfer, ClosureProposal = row_type(casework.Transfer), row_type(casework.ClosureProposal)
    PlanVersion, PlanStep = row_type(casework.PlanVersion), row_type(casework.PlanStep)
    StrategyDiscussion, StrategyParticipant, Section47Enquiry, EnquiryByWhen = (
        row_type(m) for m in (protection.StrategyDiscussion, protection.StrategyParticipant, protection.Section47Enquiry,
                              protection.EnquiryByWhen)
    )
    ChildProtectionConference, ConferenceAttendee, PlanCategoryChange = (
        row_type(m) for m in (protection.ChildProtectionConference, protection.ConferenceAttendee, protection.PlanCategoryChange)
    )
    ConferenceReport, CoreGroupMeeting, CoreGroupMember = (
        row_type(m) for m in (protection.ConferenceReport, protection.CoreGroupMeeting, protection.CoreGroupMember)
    )
    SupervisionSession, SupervisionDiscussion, SupervisionDecision = (
        row_type(m) for m in (practice.SupervisionSession, practice.SupervisionDiscussion, practice.SupervisionDecision)
    )
    FeedbackLink, Feedback, FeedbackTheme = (row_type(m) for m in (feedback.FeedbackLink, feedback.Feedback, feedback.FeedbackTheme))

__all__ = [
    "Address", "Allocation", "Assessment", "ByWhen", "CaseNote", "Child", "ChildProtectionConference", "ClosureProposal", "ConferenceAttendee",
    "ConferenceReport", "Contact", "ContactChild", "ContactChildTruth", "CoreGroupMeeting", "CoreGroupMember", "EnquiryByWhen", "Episode",
    "Feedback", "FeedbackLink", "FeedbackTheme", "Household", "HouseholdMembership", "MeetingAttendee", "Person",
    "PersonTruth", "Plan", "PlanCategoryChange", "PlanStep", "PlanVersion", "Referral", "Relationship", "Row", "ScreeningDecision",
    "Section47Enquiry", "StrategyDiscussion", "StrategyParticipant", "SupervisionDecision", "SupervisionDiscussion",
    "SupervisionSession", "Transfer", "Visit", "row_type",
]
