"""Rows waiting to be written, kept per model in the order they were made, and written parents first.

Rows refer to their parents as row objects (or saved agencies, teams and users), so nothing needs an id until it
is written; ``writer.write_rows`` gives each row its id and writes the foreign keys from them.
"""
from collections import Counter
from typing import TypeVar

from django.db import models

from journey.casework.models import (
    Allocation,
    Assessment,
    ByWhen,
    CaseNote,
    ClosureProposal,
    Episode,
    MeetingAttendee,
    Plan,
    PlanStep,
    PlanVersion,
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

from .models import ContactChildTruth, PersonTruth
from .rows import Row

R = TypeVar("R")

# Parents before children: the order rows must be written in.
WRITE_ORDER: tuple[type[models.Model], ...] = (
    Household, Person, Child, Address, Relationship, HouseholdMembership, PersonTruth,
    Contact, ContactChild, ContactChildTruth, ScreeningDecision, Referral,
    Episode, Allocation, Assessment, ByWhen, Plan, PlanVersion, PlanStep, Visit, CaseNote, MeetingAttendee, Transfer,
    ClosureProposal,
    StrategyDiscussion, StrategyParticipant, Section47Enquiry, EnquiryByWhen, ChildProtectionConference, ConferenceAttendee,
    PlanCategoryChange, ConferenceReport, CoreGroupMeeting, CoreGroupMember, FeedbackLink, Feedback, FeedbackTheme,
    SupervisionSession, SupervisionDiscussion, SupervisionDecision,  # written once every chunk is (synthetic.supervision)
)


class Batch:
    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[Row]] = {model: [] for model in WRITE_ORDER}

    def add(self, row: R) -> R:
        self.rows[row.model].append(row)
        return row

    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def write(self) -> Counter:
        """Write every row, parents first; return how many rows went into each table."""
        from .writer import write_rows

        return write_rows(self.rows)
