"""Plans written with the family: writing a plan, reviewing it, ending it.

A plan's content lives in versions that are never edited: a review writes the next version, so what the family
agreed to at each meeting stays as it was. Each action is an ``@audited_action`` (atomic: a version and its steps
are written together or not at all) and asks ``rules.plan_refusal`` first, as the pages do. Rule failures name the
field, a step's by its number (``step_2_reason``), so the form puts each message beside its box.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.lib.dates import PLANNED_YEARS_AHEAD, latest_planned_date, today

from . import rules
from .codes import PlanKind
from .models import Episode, Plan, PlanStep, PlanVersion

MOST_STEPS = 6


@dataclass(frozen=True)
class PlanContent:
    """What a version says, in plain words the family can read, and what the child and family said of it."""

    worries: str
    what_needs_to_change: str
    contingency: str
    childs_comments: str = ""
    familys_comments: str = ""
    review_note: str = ""

    def stripped(self) -> "PlanContent":
        return PlanContent(**{name: value.strip() for name, value in vars(self).items()})


@dataclass(frozen=True)
class Step:
    """Who does what by when, and why that date."""

    who: str
    does_what: str
    by_when: date | None
    reason: str


def step_field(number: int, name: str) -> str:
    """The form field of ``name`` (who, does_what, by_when, reason) of step ``number``, from 1."""
    return f"step_{number}_{name}"


def _content_errors(content: PlanContent) -> dict[str, str]:
    errors = {}
    if not content.worries:
        errors["worries"] = "Enter what we are worried about"
    if not content.what_needs_to_change:
        errors["what_needs_to_change"] = "Enter what needs to change"
    if not content.contingency:
        errors["contingency"] = "Enter what will happen if things do not change"
    return errors


def _step_errors(steps: Sequence[Step], *, not_before: date) -> dict[str, str]:
    """What is missing or wrong in each step; a plan has at least one, and at most ``MOST_STEPS``."""
    errors = {}
    if not steps:
        errors[step_field(1, "who")] = "Add at least one step: who does what, by when"
    if len(steps) > MOST_STEPS:
        errors["steps"] = f"A plan has at most {MOST_STEPS} steps"
    for number, step in enumerate(steps, start=1):
        if not step.who.strip():
            errors[step_field(number, "who")] = f"Enter who does step {number}"
        if not step.does_what.strip():
            errors[step_field(number, "does_what")] = f"Enter what they will do in step {number}"
        if step.by_when is None:
            errors[step_field(number, "by_when")] = f"Enter the 'by when' date of step {number}"
        elif step.by_when < not_before:
            errors[step_field(number, "by_when")] = (
                f"The 'by when' date of step {number} must be on or after the plan started ({not_before:%-d %B %Y})"
            )
        elif step.by_when > latest_planned_date():
            errors[step_field(number, "by_when")] = f"The 'by when' date of step {number} must be within {PLANNED_YEARS_AHEAD} years of today"
        if not step.reason.strip():
            errors[step_field(number, "reason")] = f"Enter why the date of step {number} is right for this child"
    return errors


def _write_version(plan: Plan, number: int, content: PlanContent, steps: Sequence[Step], *, reviewed_on: date | None, acting_user) -> PlanVersion:
    version = PlanVersion(
        plan=plan, number=number, worries=content.worries, what_needs_to_change=content.what_needs_to_change,
        contingency=content.contingency, childs_comments=content.childs_comments, familys_comments=content.familys_comments,
        review_note=content.review_note, reviewed_on=reviewed_on, written_by=acting_user, written_at=timezone.now(),
    )
    version.full_clean()  # a text over its bound is refused by name, before the database's own check
    version.save()
    for place, step in enumerate(steps, start=1):
        PlanStep.objects.create(
            version=version, number=place, who=step.who.strip(), does_what=step.does_what.strip(), by_when=cast(date, step.by_when),  # given: _step_errors checked it
            reason=step.reason.strip(),
        )
    return version


@audited_action
def write_plan(
    episode: Episode, *, kind: str, started_on: date, content: PlanContent, steps: Sequence[Step], acting_user, category: str = "",
) -> Plan:
    """Write a new plan for the episode's child: its first version and steps. One plan of each kind is open at a time.
    A child protection plan's ``category`` is the conference's (checked against the code list by the conference)."""
    child = episode.child
    if refusal := rules.plan_refusal(acting_user, child):
        raise ValidationError(refusal)
    content = content.stripped()
    errors = _content_errors(content)
    if not episode.is_open:
        errors["episode"] = "A plan is written in an open episode"
    if kind not in PlanKind.values:
        errors["kind"] = "Select the kind of plan"
    elif child.plans.filter(kind=kind, ended_on__isnull=True).exists():
        errors["kind"] = f"{PlanKind(kind).label} is already open for this child: review it instead"
    if started_on < episode.started_on:
        errors["started_on"] = f"The plan cannot start before its episode started ({episode.started_on:%-d %B %Y})"
    elif started_on > today():
        errors["started_on"] = "Start date must be today or in the past"
    errors |= _step_errors(steps, not_before=started_on)
    if errors:
        raise ValidationError(errors)
    plan = Plan.objects.create(
        child=child, episode=episode, kind=kind, category=category, started_on=started_on,
        what_needs_to_change=content.what_needs_to_change, author=acting_user,
    )
    _write_version(plan, 1, content, steps, reviewed_on=None, acting_user=acting_user)
    return plan


@audited_action
def change_plan_category(plan: Plan, *, category: str, acting_user) -> Plan:
    """A review conference changed the child protection plan's category: the plan shows the latest; the history of
    each category, with the conference that gave it, is the conference's (protection.PlanCategoryChange)."""
    if refusal := rules.plan_refusal(acting_user, plan.child):
        raise ValidationError(refusal)
    if not plan.is_open:
        raise ValidationError("This plan has ended, so its category cannot change")
    plan.category = category
    plan.full_clean()
    plan.save(update_fields=["category"])
    return plan


def last_agreed_on(version: PlanVersion) -> date:
    """The day a version was agreed: its review meeting, or the plan's start for the first."""
    return version.reviewed_on or version.plan.started_on


@audited_action
def review_plan(plan: Plan, *, reviewed_on: date, content: PlanContent, steps: Sequence[Step], acting_user) -> PlanVersion:
    """Write the plan's next version after a review meeting with the family. The last version stays as it was."""
    if refusal := rules.plan_refusal(acting_user, plan.child):
        raise ValidationError(refusal)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # two reviews at once would take the same number
    if not plan.is_open:
        raise ValidationError("This plan has ended, so it can no longer be reviewed")
    last = plan.versions.order_by("-number").first()
    content = content.stripped()
    errors = _content_errors(content)
    if not content.review_note:
        errors["review_note"] = "Enter what has changed since the last version"
    since = last_agreed_on(last) if last is not None else plan.started_on
    if reviewed_on > today():
        errors["reviewed_on"] = "Date of the review must be today or in the past"
    elif reviewed_on < since:
        errors["reviewed_on"] = f"Date of the review must be on or after the last version was agreed ({since:%-d %B %Y})"
    errors |= _step_errors(steps, not_before=plan.started_on)
    if errors:
        raise ValidationError(errors)
    version = _write_version(plan, (last.number if last else 0) + 1, content, steps, reviewed_on=reviewed_on, acting_user=acting_user)
    plan.what_needs_to_change = content.what_needs_to_change
    plan.save(update_fields=["what_needs_to_change"])
    return version


@audited_action
def end_plan(plan: Plan, *, ended_on: date, acting_user) -> Plan:
    """The plan ends (its work is done, or another plan follows); its versions stay readable."""
    if refusal := rules.plan_refusal(acting_user, plan.child):
        raise ValidationError(refusal)
    if not plan.is_open:
        raise ValidationError("This plan has already ended")
    last = plan.versions.order_by("-number").first()
    since = last_agreed_on(last) if last is not None else plan.started_on
    if ended_on > today():
        raise ValidationError({"ended_on": "End date must be today or in the past"})
    if ended_on < since:
        raise ValidationError({"ended_on": f"End date must be on or after the plan was last agreed ({since:%-d %B %Y})"})
    plan.ended_on = ended_on
    plan.save(update_fields=["ended_on"])
    return plan
