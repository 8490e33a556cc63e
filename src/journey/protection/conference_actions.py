"""Child protection conferences recorded: an initial conference called by a section 47 enquiry, and a review
conference of the plan it made.

An initial conference that decides a plan starts it through casework's plan actions (``write_plan``), with the
plan's first version written on the conference's own page: what we are worried about, what needs to change, what
happens if not, and a first step. The plan belongs to a child protection episode: the one open already, or one
opened on the conference's day (``open_episode``) with the worker and team who made the enquiry, who carry on. The
child in need episode stays open: the census counts one child in need episode from referral to closure, and a plan
starting is not a closure; the child's manager closes it (stepped up) if and when the work under it is finished.

A review that ends the plan ends it (``end_plan``) on the conference's day, with the conference's reasons. Each
category a conference gives is a ``PlanCategoryChange`` row, so the initial and the latest are both kept.

Every rule is checked in one pass, each failure naming its field; the plan's own rules (casework's) are asked in
the same transaction, and any failure anywhere rolls the whole conference back: nothing partial is saved.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import cast

from django.core.exceptions import ValidationError

from journey.accounts.models import Agency, User
from journey.audit.context import audited_action
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind, PlanKind
from journey.casework.models import Episode, Plan
from journey.casework.plan_actions import PlanContent, Step, change_plan_category, end_plan, write_plan
from journey.codelists import lookup
from journey.lib.dates import today

from . import rules
from .actions import people_errors
from .codes import CATEGORY_LIST, DECISIONS_OF, PLAN_DECISIONS, ChildHeard, ConferenceDecision, ConferenceKind
from .models import ChildProtectionConference, ConferenceAttendee, PlanCategoryChange, Section47Enquiry
from .report_actions import take_reports


@dataclass(frozen=True)
class Attendee:
    """Someone invited to a conference. ``email`` finds their Journey account, if they have one."""

    name: str
    agency: Agency | None
    role: str = ""
    email: str = ""
    sent_apologies: bool = False
    report_submitted: bool = False
    number: int = 0  # its row on the form, so its errors land beside it; 0 numbers the attendees in order


@dataclass(frozen=True)
class Conference:
    """What the conference page records, whichever kind of conference it was."""

    held_on: date | None
    starts_at: time | None
    chair: User | None
    child_heard: str
    childs_views: str
    parents_views: str
    decision: str
    category: str
    reasons: str
    minutes: str = ""


def attendee_field(number: int, name: str) -> str:
    """The form field of ``name`` (name, role, agency, email, apologies, report) of attendee ``number``, from 1."""
    return f"attendee_{number}_{name}"


def current_category(plan: Plan) -> str:
    """The plan's category now: the latest a conference gave it ('' before any)."""
    latest = plan.category_changes.order_by("-from_date", "-pk").first()
    return latest.category if latest is not None else ""


def _attendee_errors(attendees: Sequence[Attendee]) -> tuple[dict[str, str], list[User | None]]:
    return people_errors(attendees, field=attendee_field, noun="attendee", nobody="Add at least one person who came to the conference")


def _conference_errors(child, record: Conference, kind: str, not_before: date | None, not_before_what: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if record.held_on is None:
        errors["held_on"] = "Enter the date of the conference"
    elif record.held_on > today():
        errors["held_on"] = "Date of the conference must be today or in the past"
    elif not_before is not None and record.held_on < not_before:
        errors["held_on"] = f"The conference cannot be held before {not_before_what} ({not_before:%-d %B %Y})"
    if record.starts_at is None:
        errors["starts_at"] = "Enter the time the conference began"
    if refusal := rules.chair_refusal(record.chair, child):
        errors["chair"] = refusal
    if record.child_heard not in ChildHeard.values:
        errors["child_heard"] = "Select how the conference heard the child's views"
    elif record.child_heard != ChildHeard.TOO_YOUNG and not record.childs_views.strip():
        errors["childs_views"] = "Enter the child's views, as the conference heard them"
    if record.decision not in DECISIONS_OF[ConferenceKind(kind)]:
        errors["decision"] = "Select what the conference decided"
    elif record.decision in PLAN_DECISIONS:
        if not record.category:
            errors["category"] = "Select the category of abuse or neglect"
        elif record.held_on is not None and (refused := lookup.refusal(CATEGORY_LIST, record.category, record.held_on, "Category of abuse or neglect")):
            errors["category"] = refused
    if not record.reasons.strip():
        errors["reasons"] = "Enter the reasons for the decision"
    return errors


def _save(child, episode: Episode, kind: str, record: Conference, *, enquiry=None, plan: Plan | None, attendees: Sequence[Attendee],
          accounts: Sequence[User | None], acting_user) -> ChildProtectionConference:
    conference = ChildProtectionConference(
        child=child, episode=episode, kind=kind, enquiry=enquiry, plan=plan, held_on=cast(date, record.held_on), starts_at=cast(time, record.starts_at),
        chair=record.chair, child_heard=record.child_heard, childs_views=record.childs_views.strip(), parents_views=record.parents_views.strip(),
        decision=record.decision, category=record.category if record.decision in PLAN_DECISIONS else "", reasons=record.reasons.strip(),
        minutes=record.minutes.strip(), recorded_by=acting_user,
    )
    conference.full_clean()  # a text over its bound is refused by name, before the database's own check
    conference.save()
    for person, account in zip(attendees, accounts, strict=True):
        ConferenceAttendee.objects.create(
            conference=conference, name=person.name.strip(), role=person.role.strip(), agency=cast(Agency, person.agency), user=account,
            sent_apologies=person.sent_apologies, report_submitted=person.report_submitted,
        )
    take_reports(conference)
    return conference


def _protection_episode(enquiry: Section47Enquiry, started_on: date, acting_user) -> Episode:
    """The child's open child protection episode, or a new one held by the enquiry's worker and team, who carry on."""
    child = enquiry.child
    found = child.episodes.filter(kind=EpisodeKind.CHILD_PROTECTION, ended_on__isnull=True).first()
    if found is not None:
        return found
    held = enquiry.episode.current_allocation()
    worker = held.worker if held is not None else None
    team = held.team if held is not None else enquiry.episode.team
    return open_episode(child, EpisodeKind.CHILD_PROTECTION, started_on=started_on, acting_user=acting_user, worker=worker, team=team)


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


@audited_action
def record_initial_conference(
    enquiry: Section47Enquiry | None, *, child, record: Conference, attendees: Sequence[Attendee], acting_user,
    plan_content: PlanContent | None = None, first_step: Step | None = None,
) -> ChildProtectionConference:
    """Record an initial conference called by ``enquiry``. Deciding a plan starts one (``plan_content`` and
    ``first_step`` are its first version), with the conference's category as its first."""
    if refusal := rules.conference_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors: dict[str, str] = {}
    if enquiry is None or enquiry.child_id != child.pk:
        errors["enquiry"] = "An initial conference is called by a section 47 enquiry about this child"
    elif not enquiry.is_complete or not enquiry.conference_needed:
        errors["enquiry"] = "Only a completed section 47 enquiry that found a conference needed calls an initial conference"
    elif enquiry.conferences.filter(kind=ConferenceKind.INITIAL).exists():
        errors["enquiry"] = "The initial conference this enquiry called is already recorded"
    called = enquiry.completed_on if enquiry is not None and "enquiry" not in errors else None
    errors |= _conference_errors(child, record, ConferenceKind.INITIAL, called, "the enquiry that called it was completed")
    found, accounts = _attendee_errors(attendees)
    errors |= found
    plan = None
    if record.decision == ConferenceDecision.PLAN and "enquiry" not in errors and "held_on" not in errors:
        plan, plan_errors = _start_plan(
            cast(Section47Enquiry, enquiry), cast(date, record.held_on), plan_content, first_step, acting_user, category=record.category,
        )
        errors |= plan_errors
    _raise(errors)  # inside the action's transaction: a plan already written above is rolled back with the rest
    enquiry = cast(Section47Enquiry, enquiry)
    conference = _save(child, enquiry.episode, ConferenceKind.INITIAL, record, enquiry=enquiry, plan=plan, attendees=attendees,
                       accounts=accounts, acting_user=acting_user)
    if plan is not None:
        PlanCategoryChange.objects.create(plan=plan, category=record.category, from_date=conference.held_on, conference=conference)
    return conference


def _start_plan(
    enquiry: Section47Enquiry, held_on: date, content: PlanContent | None, step: Step | None, acting_user, *, category: str,
) -> tuple[Plan | None, dict]:
    """The plan the conference decided, written through casework; its refusals come back keyed by the plan's fields."""
    if enquiry.child.plans.filter(kind=PlanKind.CHILD_PROTECTION, ended_on__isnull=True).exists():
        return None, {"decision": "The child already has a child protection plan: record a review conference of it instead"}
    try:
        episode = _protection_episode(enquiry, held_on, acting_user)
        plan = write_plan(
            episode, kind=PlanKind.CHILD_PROTECTION, started_on=held_on, acting_user=acting_user, category=category,
            content=content or PlanContent("", "", ""), steps=[step] if step is not None else [],
        )
    except ValidationError as refused:
        if not hasattr(refused, "error_dict"):
            return None, {"decision": " ".join(refused.messages)}
        return None, {PLAN_FIELDS.get(field, field): " ".join(messages) for field, messages in refused.message_dict.items()}
    return plan, {}


# The plan's fields that are the conference's own on its page: the plan starts on the conference's day, and is the
# child protection plan its decision made, in the child protection episode.
PLAN_FIELDS = {"started_on": "held_on", "kind": "decision", "episode": "decision"}


@audited_action
def record_review_conference(plan: Plan | None, *, child, record: Conference, attendees: Sequence[Attendee], acting_user) -> ChildProtectionConference:
    """Record a review conference of ``plan``: it continues (with its category, a change kept as history) or ends
    on the conference's day, for the conference's reasons."""
    if refusal := rules.conference_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors: dict[str, str] = {}
    if plan is None or plan.child_id != child.pk or plan.kind != PlanKind.CHILD_PROTECTION:
        errors["plan"] = "A review conference reviews this child's child protection plan"
    elif not plan.is_open:
        errors["plan"] = f"This plan ended on {plan.ended_on:%-d %B %Y}: an ended plan cannot be reviewed"
    not_before, what = None, ""
    if plan is not None and "plan" not in errors:
        last = plan.conferences.order_by("-held_on", "-pk").first()
        not_before, what = (last.held_on, "the plan's last conference") if last is not None else (plan.started_on, "the plan began")
    errors |= _conference_errors(child, record, ConferenceKind.REVIEW, not_before, what)
    found, accounts = _attendee_errors(attendees)
    errors |= found
    _raise(errors)
    plan = cast(Plan, plan)
    conference = _save(child, plan.episode, ConferenceKind.REVIEW, record, plan=plan, attendees=attendees, accounts=accounts,
                       acting_user=acting_user)
    if record.decision == ConferenceDecision.END:
        try:
            end_plan(plan, ended_on=cast(date, record.held_on), acting_user=acting_user)
        except ValidationError as refused:
            messages = refused.message_dict.get("ended_on", refused.messages) if hasattr(refused, "error_dict") else refused.messages
            raise ValidationError({"held_on": " ".join(messages).replace("End date", "Date of the conference")}) from refused
    elif record.category != current_category(plan):
        PlanCategoryChange.objects.create(plan=plan, category=record.category, from_date=conference.held_on, conference=conference)
        change_plan_category(plan, category=record.category, acting_user=acting_user)
    return conference
