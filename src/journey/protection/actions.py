"""Child protection state changes: a strategy discussion recorded, a section 47 enquiry started and completed, and
its 'by when' date moved.

Each action is an ``@audited_action`` (atomic: a discussion and its participants are written together or not at
all) that asks ``rules.writing_refusal`` first, as the pages do. Every rule is checked before anything is written,
and each failure names its field (a participant's by its row, ``participant_2_agency``), so the form shows every
error in one pass beside its box.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.accounts.models import Agency, User
from journey.audit.context import audited_action
from journey.casework.codes import AssessmentDecision
from journey.casework.models import Episode
from journey.frontdoor.codes import ScreeningOutcome
from journey.lib.dates import PLANNED_YEARS_AHEAD, latest_planned_date, today

from . import rules
from .codes import PROTECTION_EPISODES, StrategyDecision
from .models import EnquiryByWhen, Section47Enquiry, StrategyDiscussion, StrategyParticipant


@dataclass(frozen=True)
class Participant:
    """Someone invited to a strategy discussion. ``email`` finds their Journey account, if they have one."""

    name: str
    agency: Agency | None
    role: str = ""
    email: str = ""
    sent_apologies: bool = False
    number: int = 0  # its row on the form, so its errors land beside it; 0 numbers the participants in order


def participant_field(number: int, name: str) -> str:
    """The form field of ``name`` (name, role, agency, email, apologies) of participant ``number``, from 1."""
    return f"participant_{number}_{name}"


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}"


def people_errors(rows: Sequence, *, field: Callable[[int, str], str], noun: str, nobody: str) -> tuple[dict[str, str], list[User | None]]:
    """What is missing in each row of people at a meeting (a discussion's participants, a conference's attendees),
    each one's Journey account (None where they have none), and ``nobody`` when no one came. ``noun`` names a row
    in the messages ("participant 2"); ``field`` gives a row's form field."""
    errors: dict[str, str] = {}
    accounts: list[User | None] = []
    for position, person in enumerate(rows, start=1):
        number = person.number or position
        if not person.name.strip():
            errors[field(number, "name")] = f"Enter the name of {noun} {number}"
        if person.agency is None:
            errors[field(number, "agency")] = f"Select the agency of {noun} {number}"
        account = None
        if person.email.strip() and person.agency is not None:
            account = User.objects.filter(email__iexact=person.email.strip(), agency=person.agency, is_active=True).first()
            if account is None:
                errors[field(number, "email")] = (
                    f"No one at {person.agency} uses Journey with that email address: leave it empty if {noun} {number} does not use Journey"
                )
        accounts.append(account)
    if not any(not person.sent_apologies for person in rows) and not errors:
        first = rows[0].number or 1 if rows else 1
        errors[field(first, "name")] = nobody
    return errors, accounts


def _called_by(episode: Episode) -> dict:
    """The referral or assessment that decided a strategy discussion in this episode, if one did."""
    referral = episode.referral
    decision = getattr(referral.contact, "decision", None) if referral is not None else None
    assessment = (
        episode.assessments.filter(decision=AssessmentDecision.STRATEGY_DISCUSSION, completed_on__isnull=False)
        .order_by("-completed_on", "-pk").first()
    )
    return {
        "referral": referral if decision is not None and decision.outcome == ScreeningOutcome.STRATEGY_DISCUSSION else None,
        "assessment": assessment,
    }


@audited_action
def record_strategy_discussion(
    episode: Episode, *, held_at: datetime | None, what_was_shared: str, decision: str, reasons: str,
    participants: Sequence[Participant], acting_user, previous: StrategyDiscussion | None = None,
) -> StrategyDiscussion:
    """Record a strategy discussion with who took part, by agency. Police and health are expected: without them the
    discussion is still recorded (judgement, not a checklist) and its page says who was missing."""
    child = episode.child
    if refusal := rules.writing_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors: dict[str, str] = {}
    if not episode.is_open or episode.kind not in PROTECTION_EPISODES:
        errors["episode"] = "A strategy discussion is recorded in an open child in need, child protection or looked after episode"
    if held_at is None:
        errors["held_at"] = "Enter the date and time of the discussion"
    elif held_at > timezone.now():
        errors["held_at"] = "Date of the discussion must be now or in the past"
    elif previous is not None and held_at <= previous.held_at:
        errors["held_at"] = f"A further discussion must be held after the earlier one ({_when(previous.held_at)})"
    elif timezone.localdate(held_at) < episode.started_on:
        errors["held_at"] = f"Date of the discussion must be on or after the episode started ({episode.started_on:%-d %B %Y})"
    if previous is not None and previous.child_id != child.pk:
        errors["previous"] = "A further discussion follows an earlier discussion about the same child"
    if not what_was_shared.strip():
        errors["what_was_shared"] = "Enter what each agency shared"
    if decision not in StrategyDecision.values:
        errors["decision"] = "Select what the discussion decided"
    if not reasons.strip():
        errors["reasons"] = "Enter the reasons for the decision"
    found, accounts = people_errors(
        participants, field=participant_field, noun="participant", nobody="Add at least one person who took part in the discussion",
    )
    errors |= found
    if errors:
        raise ValidationError(errors)
    discussion = StrategyDiscussion(
        child=child, episode=episode, held_at=cast(datetime, held_at), what_was_shared=what_was_shared.strip(), decision=decision,
        reasons=reasons.strip(), previous=previous, recorded_by=acting_user, recorded_at=timezone.now(),
        **(_called_by(episode) if previous is None else {}),
    )
    discussion.full_clean()  # a text over its bound is refused by name, before the database's own check
    discussion.save()
    for person, account in zip(participants, accounts, strict=True):
        StrategyParticipant.objects.create(
            discussion=discussion, name=person.name.strip(), role=person.role.strip(), agency=cast(Agency, person.agency), user=account,
            sent_apologies=person.sent_apologies,
        )
    return discussion


def _by_when_errors(due_on: date | None, reason: str, *, not_before: date, reason_field: str, missing: str) -> dict[str, str]:
    errors = {}
    if due_on is None:
        errors["due_on"] = "Enter the 'by when' date"
    elif due_on < not_before:
        errors["due_on"] = f"'By when' date must be on or after the enquiry started ({not_before:%-d %B %Y})"
    elif due_on > latest_planned_date():
        errors["due_on"] = f"'By when' date must be within {PLANNED_YEARS_AHEAD} years of today"
    if not reason.strip():
        errors[reason_field] = missing
    return errors


@audited_action
def start_section_47(discussion: StrategyDiscussion, *, started_on: date | None, due_on: date | None, due_reason: str, acting_user) -> Section47Enquiry:
    """Begin the section 47 enquiry the discussion decided, with a 'by when' date set for this child and its reason."""
    if refusal := rules.writing_refusal(acting_user, discussion.child):
        raise ValidationError(refusal)
    if not discussion.decided_section_47:
        raise ValidationError("Only a strategy discussion that decided a section 47 enquiry can start one")
    if Section47Enquiry.objects.filter(strategy_discussion=discussion).exists():
        raise ValidationError("The enquiry this discussion decided has already started")
    episode = discussion.episode
    if not episode.is_open:
        raise ValidationError("The episode this discussion was held in has closed")
    errors = {}
    held_on = timezone.localdate(discussion.held_at)
    if started_on is None:
        errors["started_on"] = "Enter the start date"
    elif started_on < held_on:
        errors["started_on"] = f"Start date must be on or after the strategy discussion ({held_on:%-d %B %Y})"
    elif started_on > today():
        errors["started_on"] = "Start date must be today or in the past"
    errors |= _by_when_errors(due_on, due_reason, not_before=started_on or held_on, reason_field="due_reason",
                              missing="Enter why this 'by when' date is right for this child")
    if errors:
        raise ValidationError(errors)
    enquiry = Section47Enquiry.objects.create(
        child=discussion.child, episode=episode, strategy_discussion=discussion, started_on=cast(date, started_on), recorded_by=acting_user,
    )
    EnquiryByWhen.objects.create(enquiry=enquiry, due_on=cast(date, due_on), reason=due_reason.strip(), set_by=acting_user)
    return enquiry


@audited_action
def change_enquiry_by_when(enquiry: Section47Enquiry, *, due_on: date | None, reason: str, acting_user) -> EnquiryByWhen:
    """Move the enquiry's 'by when' date. The old date and its reason stay in the history."""
    if refusal := rules.writing_refusal(acting_user, enquiry.child):
        raise ValidationError(refusal)
    if enquiry.is_complete:
        raise ValidationError("This enquiry is complete, so its 'by when' date can no longer change")
    if errors := _by_when_errors(due_on, reason, not_before=enquiry.started_on, reason_field="reason",
                                 missing="Enter why the 'by when' date is changing"):
        raise ValidationError(errors)
    return EnquiryByWhen.objects.create(enquiry=enquiry, due_on=cast(date, due_on), reason=reason.strip(), set_by=acting_user)


@audited_action
def complete_section_47(
    enquiry: Section47Enquiry, *, findings: str, concerns_substantiated: bool | None, continuing_risk: bool | None,
    conference_needed: bool | None, outcome_reasons: str, completed_on: date | None, child_seen: bool | None,
    child_seen_alone: bool | None, acting_user,
) -> Section47Enquiry:
    """Complete the enquiry with its findings and outcome, and the reasons for it. An outcome without reasons, or
    with any part unanswered, is refused and nothing is saved."""
    if refusal := rules.writing_refusal(acting_user, enquiry.child):
        raise ValidationError(refusal)
    if enquiry.is_complete:
        raise ValidationError("This enquiry is already complete")
    errors = {}
    if not findings.strip():
        errors["findings"] = "Enter what the enquiry found"
    for field, answer, message in (
        ("concerns_substantiated", concerns_substantiated, "Select yes if the concerns were substantiated"),
        ("continuing_risk", continuing_risk, "Select yes if the child is at continuing risk of significant harm"),
        ("conference_needed", conference_needed, "Select yes if an initial child protection conference is needed"),
        ("child_seen", child_seen, "Select yes if the child was seen during the enquiry"),
        ("child_seen_alone", child_seen_alone, "Select yes if the child was seen alone during the enquiry"),
    ):
        if answer is None:
            errors[field] = message
    if not outcome_reasons.strip():
        errors["outcome_reasons"] = "Enter the reasons for the enquiry's outcome"
    if completed_on is None:
        errors["completed_on"] = "Enter the completion date"
    elif completed_on < enquiry.started_on:
        errors["completed_on"] = f"Completion date must be on or after the enquiry started ({enquiry.started_on:%-d %B %Y})"
    elif completed_on > today():
        errors["completed_on"] = "Completion date must be today or in the past"
    if child_seen_alone and child_seen is False:
        errors["child_seen_alone"] = "A child cannot be seen alone if they were not seen"
    if errors:
        raise ValidationError(errors)
    enquiry.findings, enquiry.outcome_reasons = findings.strip(), outcome_reasons.strip()
    enquiry.concerns_substantiated, enquiry.continuing_risk, enquiry.conference_needed = concerns_substantiated, continuing_risk, conference_needed
    enquiry.child_seen, enquiry.child_seen_alone = child_seen, child_seen_alone
    enquiry.completed_on, enquiry.completed_by, enquiry.completed_at = completed_on, acting_user, timezone.now()
    enquiry.full_clean()  # a text over its bound is refused by name, before the database's own check
    enquiry.save()
    return enquiry
