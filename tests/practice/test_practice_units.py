"""Social work units' rules: only a member of a unit carries a unit role; every member of a unit, whatever their
role, reads and records work on the children the unit holds, and a member of another unit does not; the weekly
meeting is recorded once by the unit or its managers, discusses only the unit's children, refuses each failure by
its field with nothing partial saved, and puts each entry on that child's chronology and in their export."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.accounts.actions import change_account
from journey.accounts.models import UnitRole
from journey.casework.rules import plan_refusal
from journey.chronology.materialise import differences, stored_entries
from journey.lib.dates import today
from journey.people.models import Child
from journey.practice import unit_rules
from journey.practice.models import UnitMeeting, UnitMeetingAttendance, UnitMeetingEntry
from journey.practice.unit_actions import NO_RESPONSIBLE, Entry, record_unit_meeting

pytestmark = pytest.mark.django_db
YESTERDAY = today() - timedelta(days=1)
ROLES = ["olu", "sana", "pip", "kit", "lin"]


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def _nothing_saved() -> bool:
    return not (UnitMeeting.objects.exists() or UnitMeetingAttendance.objects.exists() or UnitMeetingEntry.objects.exists())


@pytest.fixture
def met(unit_oak, oak, maya, noah):
    """Oak's meeting yesterday, recorded by Olu: everyone there; Maya (Pip to do life story work) and Noah discussed."""
    return record_unit_meeting(
        oak, held_on=YESTERDAY, attendees=list(unit_oak.values()), acting_user=unit_oak["olu"], entries=[
            Entry(maya, "Maya is settling at school; Mum missed two appointments.", "Start life story work", unit_oak["pip"], today() + timedelta(days=14)),
            Entry(noah, "Noah's dad has moved back in."),
        ],
    )


# --- Roles in a unit ---------------------------------------------------------------------------------------------

def test_an_administrator_gives_a_member_of_a_unit_their_role(admin_user, oak, sana):
    changed = change_account(sana, acting_user=admin_user, unit_role=UnitRole.CLINICIAN)
    assert changed.get_unit_role_display() == "Clinician"


def test_only_a_member_of_a_unit_carries_a_unit_role(admin_user, alice):
    errors = _errors(lambda: change_account(alice, acting_user=admin_user, unit_role=UnitRole.SOCIAL_WORKER))
    assert list(errors) == ["unit_role"] and "Only a member of a social work unit" in errors["unit_role"][0]
    alice.refresh_from_db()
    assert alice.unit_role == ""


def test_moving_a_member_out_of_the_unit_needs_their_unit_role_cleared(admin_user, sana, team_a):
    assert list(_errors(lambda: change_account(sana, acting_user=admin_user, team=team_a))) == ["unit_role"]
    moved = change_account(sana, acting_user=admin_user, team=team_a, unit_role="")
    assert moved.team == team_a and moved.unit_role == ""


def test_the_members_are_listed_in_the_order_of_the_units_roles(unit_oak, oak):
    assert [m.unit_role for m in unit_rules.members_of(oak)] == list(UnitRole.values)


# --- A unit holds its children together --------------------------------------------------------------------------

def test_the_unit_holds_the_children_allocated_within_it(oak, elm, maya, noah, ivy):
    assert set(unit_rules.children_held_by(oak)) == {maya, noah}
    assert set(unit_rules.children_held_by(elm)) == {ivy}


@pytest.mark.parametrize("who", ROLES)
def test_every_member_of_the_unit_reads_and_records_work_on_its_children(request, unit_oak, maya, noah, who):
    member = unit_oak[who]
    for child in (maya, noah):
        assert Child.objects.visible_to(member).filter(pk=child.pk).exists()
        assert plan_refusal(member, child) is None


def test_a_member_of_another_unit_neither_reads_nor_records_work_on_the_units_children(ezra, maya, noah, ivy):
    for child in (maya, noah):
        assert not Child.objects.visible_to(ezra).filter(pk=child.pk).exists()
        assert plan_refusal(ezra, child) is not None
    assert Child.objects.visible_to(ezra).filter(pk=ivy.pk).exists()


def test_a_unit_member_does_not_work_another_units_children(unit_oak, ivy):
    for member in unit_oak.values():
        assert not Child.objects.visible_to(member).filter(pk=ivy.pk).exists()


# --- The unit meeting --------------------------------------------------------------------------------------------

def test_the_consultant_records_the_meeting_once_with_who_attended_and_an_entry_per_child(met, unit_oak, maya, noah):
    assert met.recorded_by == unit_oak["olu"]
    assert {row.member for row in met.attendance.all()} == set(unit_oak.values())
    maya_entry, noah_entry = met.entries.all()
    assert maya_entry.child == maya and maya_entry.responsible == unit_oak["pip"] and maya_entry.agreed == "Start life story work"
    assert noah_entry.child == noah and noah_entry.responsible is None


@pytest.mark.parametrize("who", ["sana", "kit", "lin", "helen"])
def test_any_member_of_the_unit_or_its_manager_line_records_the_meeting(request, unit_oak, oak, maya, who):
    made = record_unit_meeting(oak, held_on=YESTERDAY, attendees=[unit_oak["sana"]], entries=[Entry(maya, "School is going well.")],
                               acting_user=request.getfixturevalue(who))
    assert made.entries.get().child == maya


@pytest.mark.parametrize("who", ["ezra", "alice", "mo", "chris", "officer"])
def test_no_one_outside_the_unit_and_its_managers_records_its_meeting(request, police, unit_oak, oak, maya, who):
    errors = _errors(lambda: record_unit_meeting(oak, held_on=YESTERDAY, attendees=[unit_oak["sana"]], entries=[Entry(maya, "Talked.")],
                                                 acting_user=request.getfixturevalue(who)))
    assert errors == {"unit": [unit_rules.NOT_THEIR_UNIT]} and _nothing_saved()


def test_only_children_the_unit_holds_are_discussed_and_nothing_partial_is_saved(unit_oak, oak, maya, ivy):
    errors = _errors(lambda: record_unit_meeting(
        oak, held_on=YESTERDAY, attendees=[unit_oak["sana"]], acting_user=unit_oak["olu"],
        entries=[Entry(maya, "Talked."), Entry(ivy, "Talked about Ivy.")],
    ))
    assert list(errors) == ["entry_2"] and errors["entry_2"][0].startswith(unit_rules.NOT_HELD)
    assert _nothing_saved()


def test_what_was_agreed_needs_a_member_of_the_unit_to_do_it(unit_oak, oak, maya, noah, ezra):
    errors = _errors(lambda: record_unit_meeting(
        oak, held_on=YESTERDAY, attendees=[unit_oak["sana"]], acting_user=unit_oak["olu"],
        entries=[Entry(maya, "Talked.", "Visit Mum"), Entry(noah, "Talked.", "Ring school", ezra)],
    ))
    assert errors == {"entry_1_responsible": [NO_RESPONSIBLE], "entry_2_responsible": [unit_rules.NOT_A_MEMBER]} and _nothing_saved()


def test_each_failure_is_named_in_one_pass(unit_oak, oak, maya, ezra):
    errors = _errors(lambda: record_unit_meeting(
        oak, held_on=today() + timedelta(days=1), attendees=[ezra], acting_user=unit_oak["olu"],
        entries=[Entry(maya, "x" * 2001, by_when=today() + timedelta(days=3)), Entry(maya, ""), Entry(None, "Someone")],
    ))
    assert set(errors) == {"held_on", "attendees", "entry_1_discussed", "entry_1_agreed", "entry_2", "entry_2_discussed", "entry_3"}
    assert _nothing_saved()


def test_a_meeting_needs_a_date_someone_there_and_a_child(unit_oak, oak):
    errors = _errors(lambda: record_unit_meeting(oak, held_on=None, attendees=[], entries=[], acting_user=unit_oak["olu"]))
    assert set(errors) == {"held_on", "attendees", "entry_1"}


def test_a_meeting_is_recorded_once(met, unit_oak, oak, maya):
    errors = _errors(lambda: record_unit_meeting(oak, held_on=YESTERDAY, attendees=[unit_oak["sana"]], entries=[Entry(maya, "Again.")],
                                                 acting_user=unit_oak["sana"]))
    assert list(errors) == ["held_on"] and "already recorded" in errors["held_on"][0]
    assert UnitMeeting.objects.count() == 1


def test_a_team_that_is_not_a_unit_holds_no_meeting(mo, team_a, alice, ruby):
    errors = _errors(lambda: record_unit_meeting(team_a, held_on=YESTERDAY, attendees=[alice], entries=[Entry(ruby, "Talked.")], acting_user=mo))
    assert errors == {"unit": [unit_rules.NOT_THEIR_UNIT]}


def test_a_unit_meeting_entry_lands_on_every_child_discussed(met, maya, noah):
    stored = stored_entries([maya.pk, noah.pk])
    maya_entry = next(e for e in stored[maya.pk] if e.kind == "unit_meeting")
    assert maya_entry.summary == "Maya is settling at school; Mum missed two appointments." and maya_entry.author == "Olu Okafor"
    details = dict(maya_entry.details)
    assert details["Agreed"] == "Start life story work" and details["Who will do it"] == "Pip Price" and "By when" in details
    assert maya_entry.title == "Discussed at the unit meeting (Social Work Unit: Oak)"
    noah_entry = next(e for e in stored[noah.pk] if e.kind == "unit_meeting")
    assert noah_entry.summary == "Noah's dad has moved back in." and "Agreed" not in dict(noah_entry.details)
    assert "Noah" not in " ".join(f"{e.summary} {e.details}" for e in stored[maya.pk])
    assert differences([maya.pk, noah.pk]) == []


@pytest.mark.parametrize(("who", "reads"), [
    ("olu", True), ("sana", True), ("pip", True), ("kit", True), ("lin", True), ("helen", True),
    ("ezra", False), ("alice", False), ("mo", False), ("chris", False), ("officer", False),
])
def test_the_unit_and_its_manager_line_read_the_meeting(request, police, met, who, reads):
    assert (unit_rules.meeting_refusal(request.getfixturevalue(who), met) is None) is reads
