"""Recording feedback, answering a compliment or complaint, inviting a family's feedback through a link, and the
family giving it (decision record 0019).

Every rule is checked in one pass, each failure naming its field; a feedback and its themes are written together or
not at all. A complaint closes only with its response and outcome ("closing a complaint without a response and
outcome is refused"). A link's token is made here and returned once: only its hash is stored.
"""
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from journey.audit.chain import deferred_appends
from journey.audit.context import acting_as_system, audited_action
from journey.lib.dates import today

from . import rules
from .about import OTHER
from .models import ABOUT_FIELD, Feedback, FeedbackLink, FeedbackTheme, Kind, LinkFor, Outcome, Source, Theme

LINK_DAYS = 14
FAMILY_LINK_SYSTEM = "family feedback link"
NO_OUTCOME = "Choose the outcome of the complaint: a complaint is closed with its response and outcome"
NO_RESPONSE = "Enter the response: a complaint is closed with its response and outcome"


def link_days() -> int:
    """How long a family's link works: ``JOURNEY_FEEDBACK_LINK_DAYS``, default 14."""
    return int(getattr(settings, "JOURNEY_FEEDBACK_LINK_DAYS", LINK_DAYS))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Subject:
    """What the feedback is about: a kind, the child's record of that kind (None for "other"), and words for "other"."""

    about: str
    record: object | None = None
    other: str = ""


def _subject_errors(child, subject: Subject) -> dict[str, str]:
    if subject.about == OTHER:
        return {} if subject.other.strip() else {"about_other": "Enter what the feedback is about"}
    record = subject.record
    if subject.about not in ABOUT_FIELD or record is None or getattr(record, "child_id", None) != child.pk:
        return {"about": "Choose what the feedback is about from the list"}
    return {}


def _place_subject(row, subject: Subject) -> None:
    row.about = subject.about
    row.about_other = subject.other.strip() if subject.about == OTHER else ""
    if subject.about in ABOUT_FIELD:
        setattr(row, ABOUT_FIELD[subject.about], subject.record)  # type: ignore[index]


def _subject_episode(subject: Subject):
    record = subject.record
    if record is None:
        return None
    return record if subject.about == "closure" else getattr(record, "episode", None)


def _theme_errors(themes: Sequence[str]) -> dict[str, str]:
    return {} if set(themes) <= set(Theme.values) else {"themes": "Choose themes from the list"}


def _clean(row, errors: dict[str, str]) -> None:
    try:
        row.full_clean(exclude=["child", "team", "recorded_by", "link", "responded_by", "visit", "plan", "conference", "episode", "created_by"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages[0])


def _save(feedback: Feedback, themes: Sequence[str]) -> Feedback:
    feedback.save()
    for theme in dict.fromkeys(themes):
        FeedbackTheme.objects.create(feedback=feedback, theme=theme)
    return feedback


@audited_action
def record_feedback(
    child, *, subject: Subject, source: str, kind: str, received_on: date | None, said: str, themes: Sequence[str] = (), acting_user,
) -> Feedback:
    """Record feedback about ``child`` received by ``acting_user`` (staff who may open the child)."""
    if refusal := rules.recording_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors = _subject_errors(child, subject) | _theme_errors(themes)
    if source not in Source.values:
        errors["source"] = "Select who gave the feedback"
    if kind not in Kind.values:
        errors["kind"] = "Select whether it is feedback, a compliment or a complaint"
    if received_on is None:
        errors["received_on"] = "Enter the date it was received"
    if not said.strip():
        errors["said"] = "Enter what they said"
    feedback = Feedback(child=child, source=source, kind=kind, received_on=cast(date, received_on), said=said.strip(), recorded_by=acting_user)
    if "about" not in errors:
        _place_subject(feedback, subject)
    _clean(feedback, errors)
    if errors:
        raise ValidationError(errors)
    feedback.team_id = rules.team_for(child, _subject_episode(subject)) or acting_user.team_id
    return _save(feedback, themes)


@audited_action
def respond_to_feedback(feedback: Feedback, *, response: str, responded_on: date | None, outcome: str = "", close: bool = False, acting_user) -> Feedback:
    """Record the response to a compliment or complaint; with ``close``, close a complaint, which needs both its
    response and its outcome."""
    if refusal := rules.response_refusal(acting_user, feedback):
        raise ValidationError(refusal)
    errors: dict[str, str] = {}
    if not response.strip():
        errors["response"] = NO_RESPONSE if close else "Enter the response"
    if responded_on is None:
        errors["responded_on"] = "Enter the date of the response"
    if feedback.kind != Kind.COMPLAINT and (outcome or close):
        errors["outcome"] = "Only a complaint has an outcome and is closed"
    elif outcome and outcome not in Outcome.values:
        errors["outcome"] = "Choose the outcome from the list"
    elif close and not outcome:
        errors["outcome"] = NO_OUTCOME
    feedback.response, feedback.responded_on, feedback.responded_by = response.strip(), responded_on, acting_user
    if feedback.kind == Kind.COMPLAINT and not errors:
        feedback.outcome = outcome
        feedback.closed_on = today() if close else None
    _clean(feedback, errors)
    if errors:
        raise ValidationError(errors)
    feedback.save()
    return feedback


@audited_action
def create_feedback_link(child, *, subject: Subject, for_whom: str, acting_user) -> tuple[FeedbackLink, str]:
    """Make a single-use link for the family (a parent or carer, or the child) to give feedback about ``subject``.
    Returns the link and its token: the token is shown once and never stored."""
    if refusal := rules.recording_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors = _subject_errors(child, subject)
    if for_whom not in LinkFor.values:
        errors["for_whom"] = "Select who the link is for"
    if errors:
        raise ValidationError(errors)
    token = secrets.token_urlsafe(32)
    link = FeedbackLink(
        child=child, for_whom=for_whom, token_hash=token_hash(token), created_by=acting_user,
        expires_at=timezone.now() + timedelta(days=link_days()),
    )
    _place_subject(link, subject)
    link.team_id = rules.team_for(child, _subject_episode(subject)) or acting_user.team_id
    link.save()
    return link, token


class LinkRefused(Exception):
    """The link cannot take feedback: ``reason`` is "used" or "expired"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def link_state(link: FeedbackLink) -> str | None:
    """Why ``link`` cannot take feedback now ("used", "expired"), or None while it can."""
    if link.used_at is not None:
        return "used"
    return "expired" if link.is_expired() else None


def give_feedback_through_link(link_id: int, *, kind: str, themes: Sequence[str], said: str) -> Feedback:
    """The family's feedback through their link, as one ``Feedback`` from them on the child, the link marked used in
    the same transaction (the row locked, so two tabs cannot both use it). No one is signed in: the audit log
    names the system, "family feedback link"."""
    errors = _theme_errors(themes)
    if kind not in Kind.values:
        errors["kind"] = "Choose one answer"
    if not said.strip():
        errors["said"] = "Tell us something in the box"
    with acting_as_system(FAMILY_LINK_SYSTEM), transaction.atomic(), deferred_appends():
        link = FeedbackLink.objects.select_for_update().select_related("child").get(pk=link_id)
        if (state := link_state(link)) is not None:
            raise LinkRefused(state)
        source = Source.CHILD if link.for_whom == LinkFor.CHILD else Source.PARENT_CARER
        feedback = Feedback(
            child=link.child, source=source, kind=kind, received_on=today(), said=said.strip(), link=link, team_id=link.team_id,
            about=link.about, visit_id=link.visit_id, plan_id=link.plan_id, conference_id=link.conference_id,
            episode_id=link.episode_id, about_other=link.about_other,
        )
        _clean(feedback, errors)
        if errors:
            raise ValidationError(errors)
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return _save(feedback, themes)
