"""Recording a social work unit's weekly meeting, once: who of the unit attended, and a short entry per child
discussed (what was discussed, what was agreed, who will do it and by when), each landing on that child's
chronology (decision record 0018).

Every rule is checked in one pass, each failure naming its field (a child by its row, ``entry_2``, its parts
``entry_2_discussed``); the meeting, its attendance and its entries are written together or not at all.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.core.exceptions import ValidationError

from journey.audit.context import audited_action
from journey.lib.dates import today

from . import unit_rules
from .actions import model_errors
from .models import UnitMeeting, UnitMeetingAttendance, UnitMeetingEntry

ENTRY_PARTS = ("discussed", "agreed", "responsible", "by_when")
NO_RESPONSIBLE = "Choose who in the unit will do what was agreed"
NO_AGREEMENT = "Enter what was agreed, or clear the date"


@dataclass(frozen=True)
class Entry:
    """One child discussed: what was discussed, what was agreed, who will do it and by when."""

    child: Any  # a Child, or None when none was chosen
    discussed: str = ""
    agreed: str = ""
    responsible: Any = None  # a member of the unit
    by_when: date | None = None
    number: int = 0  # its row on the form, so its errors land beside it; 0 numbers the rows in order


def entry_field(number: int, part: str = "") -> str:
    """The form field of ``part`` of child row ``number`` (``entry_2``, ``entry_2_discussed``)."""
    return f"entry_{number}" + (f"_{part}" if part else "")


def _meeting_errors(unit, held_on: date | None, attendees: Sequence) -> dict[str, str]:
    errors: dict[str, str] = {}
    if held_on is None:
        errors["held_on"] = "Enter the date of the meeting"
    elif held_on > today():
        errors["held_on"] = "Date of the meeting must be today or in the past"
    elif UnitMeeting.objects.filter(unit=unit, held_on=held_on).exists():
        errors["held_on"] = f"The unit's meeting on {held_on:%-d %B %Y} is already recorded: a meeting is recorded once"
    if not attendees:
        errors["attendees"] = "Choose who from the unit attended"
    elif not all(unit_rules.is_member(member, unit) for member in attendees):
        errors["attendees"] = "Choose only members of the unit as attending"
    return errors


def _entry_errors(unit, number: int, entry: Entry, seen: set[int]) -> dict[str, str]:
    errors: dict[str, str] = {}
    child = entry.child
    if child is None:
        errors[entry_field(number)] = f"Choose child {number} from the list"
    elif refusal := unit_rules.child_refusal(unit, child):
        errors[entry_field(number)] = f"{refusal}: child {number} is not one of the unit's children"
    elif child.pk in seen:
        errors[entry_field(number)] = f"Child {number} is already discussed above: write one entry for each child"
    else:
        seen.add(child.pk)
    if not entry.discussed.strip():
        errors[entry_field(number, "discussed")] = f"Enter what the unit discussed about child {number}"
    if entry.agreed.strip() and entry.responsible is None:
        errors[entry_field(number, "responsible")] = NO_RESPONSIBLE
    elif entry.responsible is not None and not unit_rules.is_member(entry.responsible, unit):
        errors[entry_field(number, "responsible")] = unit_rules.NOT_A_MEMBER
    if entry.by_when is not None and not entry.agreed.strip():
        errors[entry_field(number, "agreed")] = NO_AGREEMENT
    return errors


@audited_action
def record_unit_meeting(unit, *, held_on: date | None, attendees: Sequence, entries: Sequence[Entry], acting_user) -> UnitMeeting:
    """Record ``unit``'s meeting on ``held_on``: its members who attended and an entry per child discussed."""
    if refusal := unit_rules.unit_refusal(acting_user, unit):
        raise ValidationError({"unit": refusal})
    errors = _meeting_errors(unit, held_on, attendees)
    meeting = UnitMeeting(unit=unit, held_on=cast(date, held_on), recorded_by=acting_user)
    if "held_on" not in errors:
        model_errors(meeting, {}, errors)
    if not entries:
        errors[entry_field(1)] = "Add at least one child discussed"
    seen: set[int] = set()
    rows = []
    for position, entry in enumerate(entries, start=1):
        number = entry.number or position
        errors |= _entry_errors(unit, number, entry, seen)
        row = UnitMeetingEntry(
            child=entry.child, discussed=entry.discussed.strip(), agreed=entry.agreed.strip(), responsible=entry.responsible, by_when=entry.by_when,
        )
        model_errors(row, {part: entry_field(number, part) for part in ENTRY_PARTS}, errors)
        rows.append(row)
    if errors:
        raise ValidationError(errors)
    meeting.save()
    for member in dict.fromkeys(attendees):
        UnitMeetingAttendance(meeting=meeting, member=member).save()
    for row in rows:
        row.meeting = meeting
        row.save()
    return meeting
