"""Removing a generated authority, and counting what one holds.

A flush refuses when any person on file was not made by the generator (no ground truth row): that database
holds real records, and nothing is deleted. Otherwise it removes the record leaves first, then the generated
staff, then teams and agencies left with nobody in them. Accounts made by hand (an administrator) stay.

The record's tables are emptied whole, by one DELETE each, without loading a row: Django's own delete would load
and signal every row, since the materialised chronology listens to its sources (each deleted visit would rewrite
its child's chronology), and an authority is over a million rows. What Django's delete would do for a table
outside the record that points into it is done the same way, table-wide: rows that protect what they point to
(an audit event about a generated child, a grant of access) refuse the flush; rows deleted with it (the
chronology's entries, a contact's re-link history) go first.
"""
from collections import Counter
from typing import NoReturn

from django.db import IntegrityError, connection, models, transaction
from django.db.models import CASCADE, PROTECT, RESTRICT, SET_NULL, ProtectedError
from django.db.models.fields.reverse_related import ForeignObjectRel

from journey.accounts.models import Agency, Team, User
from journey.audit.context import without_change_capture
from journey.casework.models import (
    Allocation,
    Assessment,
    ByWhen,
    CaseNote,
    ClosureProposal,
    Episode,
    HouseholdVisit,
    MeetingAttendee,
    Plan,
    PlanStep,
    PlanVersion,
    Transfer,
    Visit,
)
from journey.chronology.models import SignificanceFlag, SignificantEvent
from journey.feedback.models import Feedback, FeedbackLink, FeedbackTheme, LinkTry
from journey.frontdoor.models import Contact, ContactChild, PartnerInformation, Referral, ScreeningDecision
from journey.learning.models import (
    CaseAudit,
    CaseAuditRound,
    CaseReview,
    ContributoryFactor,
    EpisodeEntry,
    FindingEpisode,
    PracticeEpisode,
    ProgressUpdate,
    Recommendation,
    RecommendationAction,
    ReviewFinding,
    ReviewMember,
    SampledChild,
    ThemeFinding,
)
from journey.people.models import Address, Child, Household, HouseholdMembership, Person, Relationship
from journey.practice.models import (
    SupervisionDecision,
    SupervisionDiscussion,
    SupervisionSession,
    UnitMeeting,
    UnitMeetingAttendance,
    UnitMeetingEntry,
)
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

from .batch import WRITE_ORDER
from .models import ContactChildTruth, PersonTruth
from .organisation import EMAIL_DOMAIN

# Leaves first, so that every delete is of rows nothing else points to any more.
DELETE_ORDER: tuple[type[models.Model], ...] = (
    SupervisionDecision, SupervisionDiscussion, SupervisionSession,
    ThemeFinding, CaseAudit, SampledChild, CaseAuditRound.auditors.through, CaseAuditRound,
    ProgressUpdate, RecommendationAction, Recommendation,
    FindingEpisode, ReviewFinding, ContributoryFactor, EpisodeEntry, PracticeEpisode, ReviewMember, CaseReview,
    FeedbackTheme, Feedback, FeedbackLink, LinkTry,
    SignificanceFlag, SignificantEvent, UnitMeetingEntry, UnitMeetingAttendance, UnitMeeting,
    CoreGroupMember, CoreGroupMeeting, ConferenceReport, PlanCategoryChange, ConferenceAttendee, ChildProtectionConference, EnquiryByWhen, Section47Enquiry, StrategyParticipant, StrategyDiscussion,
    ByWhen, Assessment, PlanStep, PlanVersion, Plan, Visit, HouseholdVisit, MeetingAttendee, CaseNote,
    Transfer, ClosureProposal, Allocation, Episode,
    PartnerInformation, Referral, ScreeningDecision, ContactChildTruth, ContactChild, Contact, HouseholdMembership, Household, Relationship,
    Address, PersonTruth, Child, Person,
)


def flush_generated() -> Counter:
    """Delete the generated authority; raise ``GenerationRefused`` rather than touch real records."""
    from .generate import GenerationRefused

    real = Person.objects.exclude(pk__in=PersonTruth.objects.values("person_id"))
    if real.exists():
        raise GenerationRefused(
            f"Not flushing: {real.count()} people on record were not made by the generator, so this database holds "
            "real records. Nothing was deleted."
        )
    deleted: Counter = Counter()
    try:
        with transaction.atomic(), without_change_capture():  # its rows were bulk-created, never audited either
            _refuse_if_protected()
            for relation in _pointing_in():
                if relation.on_delete is CASCADE:
                    deleted[relation.related_model._meta.label] += _raw_delete(_pointing(relation))
                elif relation.on_delete is SET_NULL:
                    _pointing(relation).update(**{relation.field.name: None})
            for model in DELETE_ORDER:
                deleted[model._meta.label] += _raw_delete(model._base_manager.all())
            generated = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
            deleted[User._meta.label] += generated.delete()[1].get(User._meta.label, 0)
            empty_teams = Team.objects.filter(members__isnull=True)
            deleted[Team._meta.label] += empty_teams.delete()[1].get(Team._meta.label, 0)
            unused = Agency.objects.filter(staff__isnull=True, teams__isnull=True, contacts__isnull=True)
            deleted[Agency._meta.label] += unused.delete()[1].get(Agency._meta.label, 0)
    except ProtectedError as error:
        _refused({obj._meta.verbose_name_plural for obj in error.protected_objects}, error)
    except IntegrityError as error:  # a table pointing in that Django does not know of
        raise GenerationRefused(f"Not flushing: other records still point at the generated data; nothing was deleted ({error}).") from error
    return Counter({label: count for label, count in deleted.items() if count})


def _pointing_in() -> list[ForeignObjectRel]:
    """Foreign keys into the record's tables from tables outside it."""
    inside = set(DELETE_ORDER)
    return [relation for model in DELETE_ORDER for relation in model._meta.related_objects
            if relation.related_model not in inside and relation.field.concrete]


def _pointing(relation: ForeignObjectRel) -> models.QuerySet:
    """The rows of ``relation``'s table that point into the record by it (all of the record goes)."""
    return relation.related_model._base_manager.filter(**{f"{relation.field.name}__isnull": False})


def _refuse_if_protected() -> None:
    """Refuse, as Django's delete would, if rows outside the record protect what they point to and are not
    themselves deleted with the record (a contact's re-link history goes with the contact)."""
    relations = _pointing_in()
    blocking = set()
    for relation in relations:
        if relation.on_delete not in (PROTECT, RESTRICT):
            continue
        staying = _pointing(relation)
        for other in relations:
            if other.related_model is relation.related_model and other.on_delete is CASCADE:
                staying = staying.filter(**{f"{other.field.name}__isnull": True})
        if staying.exists():
            blocking.add(relation.related_model._meta.verbose_name_plural)
    if blocking:
        _refused(blocking)


def _refused(tables: set, cause: Exception | None = None) -> NoReturn:
    from .generate import GenerationRefused

    raise GenerationRefused(
        f"Not flushing: records in {', '.join(sorted(map(str, tables)))} still point at the generated data. Remove "
        "them first; nothing was deleted."
    ) from cause


def _raw_delete(rows: models.QuerySet) -> int:
    """One DELETE, no rows loaded and no signals sent (see the module's note)."""
    return rows._raw_delete(using=connection.alias)


def row_counts() -> dict[str, int]:
    """Rows per table the generator writes, plus the authority's agencies, teams and users."""
    counted = (Agency, Team, User, *WRITE_ORDER)
    return {model._meta.label: model.objects.count() for model in counted}
