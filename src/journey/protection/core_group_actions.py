"""A child protection plan's core group meeting recorded: the lead social worker, the family and the professionals
who meet within ten working days of the initial conference and then regularly to take the plan forward (Working
Together 2023). No national timescale is applied here: the meetings' dates are shown beside the plan's.

The meeting belongs to the plan, so it is held while the plan runs: not before the plan started, not after it ended,
and only for a child protection plan of this child. Those who may write the child's casework record it
(``rules.writing_refusal``), the chair among nobody's writers. Every rule is checked in one pass, each failure naming
its field (a member by its row, ``member_2_agency``); the meeting and its members are written together or not at all.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import cast

from django.core.exceptions import ValidationError

from journey.accounts.models import Agency
from journey.audit.context import audited_action
from journey.casework.codes import PlanKind
from journey.casework.models import Plan
from journey.lib.dates import today

from . import rules
from .actions import people_errors
from .models import CoreGroupMeeting, CoreGroupMember


@dataclass(frozen=True)
class Member:
    """Someone in the core group at a meeting. ``email`` finds their Journey account, if they have one."""

    name: str
    agency: Agency | None
    role: str = ""
    email: str = ""
    sent_apologies: bool = False
    number: int = 0  # its row on the form, so its errors land beside it; 0 numbers the members in order


@dataclass(frozen=True)
class Meeting:
    """What the core group meeting page records."""

    held_on: date | None
    starts_at: time | None
    progress: str
    decisions: str
    childs_views: str = ""


def member_field(number: int, name: str) -> str:
    """The form field of ``name`` (name, role, agency, email, apologies) of member ``number``, from 1."""
    return f"member_{number}_{name}"


MEMBER_TEXT_MAX_LENGTH = CoreGroupMember._meta.get_field("name").max_length or 150
NOT_A_CP_PLAN = "A core group meeting takes forward this child's child protection plan"


def _plan_errors(plan: Plan | None, child, held_on: date | None) -> dict[str, str]:
    if plan is None or plan.child_id != child.pk or plan.kind != PlanKind.CHILD_PROTECTION:
        return {"plan": NOT_A_CP_PLAN}
    if held_on is None or held_on > today():
        return {}
    if held_on < plan.started_on:
        return {"held_on": f"The meeting cannot be held before the plan began ({plan.started_on:%-d %B %Y})"}
    if plan.ended_on is not None and held_on > plan.ended_on:
        return {"held_on": f"The meeting cannot be held after the plan ended ({plan.ended_on:%-d %B %Y})"}
    return {}


def _meeting_errors(record: Meeting) -> dict[str, str]:
    errors: dict[str, str] = {}
    if record.held_on is None:
        errors["held_on"] = "Enter the date of the meeting"
    elif record.held_on > today():
        errors["held_on"] = "Date of the meeting must be today or in the past"
    if record.starts_at is None:
        errors["starts_at"] = "Enter the time the meeting began"
    if not record.progress.strip():
        errors["progress"] = "Enter what has changed against the plan"
    if not record.decisions.strip():
        errors["decisions"] = "Enter what the core group decided and the next steps"
    return errors


@audited_action
def record_core_group_meeting(plan: Plan | None, *, child, record: Meeting, members: Sequence[Member], acting_user) -> CoreGroupMeeting:
    """Record a meeting of ``plan``'s core group, with who came and who sent apologies."""
    if refusal := rules.writing_refusal(acting_user, child):
        raise ValidationError(refusal)
    errors = _meeting_errors(record)
    errors |= {field: message for field, message in _plan_errors(plan, child, record.held_on).items() if field not in errors}
    found, accounts = people_errors(members, field=member_field, noun="member", nobody="Add at least one person who came to the meeting")
    errors |= found
    for position, person in enumerate(members, start=1):
        number = person.number or position
        for part in ("name", "role"):
            if len(getattr(person, part).strip()) > MEMBER_TEXT_MAX_LENGTH:
                errors[member_field(number, part)] = f"The {part} of member {number} must be {MEMBER_TEXT_MAX_LENGTH} characters or fewer"
    if errors:
        raise ValidationError(errors)
    plan = cast(Plan, plan)
    meeting = CoreGroupMeeting(
        child=child, plan=plan, episode=plan.episode, held_on=cast(date, record.held_on), starts_at=cast(time, record.starts_at),
        progress=record.progress.strip(), childs_views=record.childs_views.strip(), decisions=record.decisions.strip(), recorded_by=acting_user,
    )
    meeting.full_clean()  # a text over its bound is refused by name, before the database's own check
    meeting.save()
    for person, account in zip(members, accounts, strict=True):
        CoreGroupMember.objects.create(
            meeting=meeting, name=person.name.strip(), role=person.role.strip(), agency=cast(Agency, person.agency),
            user=account, sent_apologies=person.sent_apologies,
        )
    return meeting
