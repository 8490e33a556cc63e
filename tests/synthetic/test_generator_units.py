"""The generator gives each social work unit its roles (a consultant, social workers, a children's practitioner, a
coordinator and a clinician), leads a unit's episodes only by its consultant and social workers, and writes each
unit's weekly meetings: its members there, entries only about children the unit held that day, what was agreed done
by a member of the unit; each entry on the child's chronology."""
from collections import Counter

import pytest

from journey.accounts.models import Team, TeamKind, UnitRole, User
from journey.casework.models import Allocation
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.practice.models import UnitMeeting, UnitMeetingEntry
from tests.synthetic.conftest import generated

pytestmark = pytest.mark.django_db
authority = generated(1000, 5)


def test_every_unit_has_a_member_in_each_role(authority):
    units = Team.objects.filter(kind=TeamKind.UNIT)
    assert units.exists()
    for unit in units:
        roles = Counter(User.objects.filter(team=unit).values_list("unit_role", flat=True))
        assert set(roles) == set(UnitRole.values) and roles[UnitRole.SOCIAL_WORKER] >= 2, unit.name
        assert unit.manager.unit_role == UnitRole.CONSULTANT_SOCIAL_WORKER
    assert not User.objects.exclude(team__kind=TeamKind.UNIT).exclude(unit_role="").exists()


def test_only_a_units_consultant_and_social_workers_lead_its_episodes(authority):
    leads = set(Allocation.objects.filter(team__kind=TeamKind.UNIT).values_list("worker__unit_role", flat=True))
    assert leads and leads <= {UnitRole.CONSULTANT_SOCIAL_WORKER, UnitRole.SOCIAL_WORKER}


def test_each_unit_holding_children_meets_weekly_about_the_children_it_held(authority):
    meetings = list(UnitMeeting.objects.select_related("unit").prefetch_related("attendance__member", "entries__responsible"))
    assert meetings
    for meeting in meetings:
        assert all(row.member.team_id == meeting.unit_id for row in meeting.attendance.all())
        for entry in meeting.entries.all():
            day = meeting.held_on
            assert Allocation.objects.filter(
                team=meeting.unit, episode__child_id=entry.child_id, started_on__lte=day, episode__started_on__lte=day,
            ).exclude(ended_on__lte=day).exclude(episode__ended_on__lte=day).exists()
            assert entry.discussed and (entry.responsible is None or entry.responsible.team_id == meeting.unit_id)
            assert bool(entry.agreed) == (entry.responsible is not None)
    by_unit = Counter(m.unit_id for m in meetings)
    assert max(by_unit.values()) >= 2


def test_each_entry_is_on_its_childs_chronology(authority):
    entries = list(UnitMeetingEntry.objects.values_list("pk", "child_id"))
    stored = set(ChronologyEntry.objects.filter(kind="unit_meeting").values_list("key", "child_id"))
    assert stored == {(f"unit_meeting:{pk}", child) for pk, child in entries}
    assert differences(sorted({child for _, child in entries})) == []
