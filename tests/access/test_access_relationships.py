"""Need to know: each legitimate relationship opens the record, and the uninvolved are refused (paired tests)."""
from datetime import timedelta

import pytest

from journey.access import rules
from journey.access.rules import involvement
from journey.accounts.models import Role
from journey.casework.actions import close_episode
from journey.frontdoor.actions import screen_contact
from journey.lib.dates import today
from journey.people.models import Child
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def can_open(client, child) -> bool:
    status = client.get(f"/children/{child.pk}/").status_code
    assert status in (200, 403)
    return status == 200


def test_the_allocated_worker_opens_the_record(client_for, alice, ruby):
    assert involvement(alice, ruby) == rules.ALLOCATED_WORKER
    assert can_open(client_for(alice), ruby)


def test_a_worker_in_another_team_cannot_open_it(client_for, charlie, ruby):
    assert involvement(charlie, ruby) is None
    assert not can_open(client_for(charlie), ruby)


def test_a_member_of_the_allocated_team_opens_the_record(client_for, bea, ruby):
    assert involvement(bea, ruby) == rules.TEAM_MEMBER
    assert can_open(client_for(bea), ruby)


def test_members_of_a_social_work_unit_share_its_children(council, unit, make_child, held_by):
    consultant = make_user("una", Role.TEAM_MANAGER, council, unit, "Una", "Unit")
    unit.manager = consultant
    unit.save()
    clinician = make_user("cli", Role.PRACTITIONER, council, unit, "Cleo", "Clinician")
    coordinator = make_user("coord", Role.PRACTITIONER, council, unit, "Cody", "Coordinator")
    child = make_child("Ava")
    held_by(child, clinician)
    assert involvement(coordinator, child) == rules.TEAM_MEMBER
    assert involvement(consultant, child) == rules.MANAGER_LINE


def test_a_unit_shares_only_its_own_children(council, unit, make_child, held_by, alice):
    coordinator = make_user("coord", Role.PRACTITIONER, council, unit, "Cody", "Coordinator")
    child = make_child("Ava")
    held_by(child, alice)
    assert involvement(coordinator, child) is None


def test_the_team_manager_opens_the_record(client_for, mo, ruby):
    assert involvement(mo, ruby) == rules.MANAGER_LINE
    assert can_open(client_for(mo), ruby)


def test_the_manager_of_another_team_cannot(client_for, council, team_b, ruby):
    other_manager = make_user("tom", Role.TEAM_MANAGER, council, team_b, "Tom", "Other")
    team_b.manager = other_manager
    team_b.save()
    assert involvement(other_manager, ruby) is None
    assert not can_open(client_for(other_manager), ruby)


def test_the_head_of_service_above_the_team_opens_the_record(client_for, helen, ruby):
    assert involvement(helen, ruby) == rules.MANAGER_LINE
    assert can_open(client_for(helen), ruby)


def test_a_head_of_another_service_cannot(client_for, council, helen, ruby):
    from journey.accounts.models import Team, TeamKind

    other = Team.objects.create(name="Early Help Service", kind=TeamKind.SERVICE, agency=council)
    head = make_user("hugh", Role.HEAD_OF_SERVICE, council, other, "Hugh", "Head")
    other.manager = head
    other.save()
    assert involvement(head, ruby) is None
    assert not can_open(client_for(head), ruby)


def test_the_manager_line_reaches_several_levels_up(council, helen, childrens_service, ruby):
    from journey.accounts.models import Team, TeamKind

    directorate = Team.objects.create(name="Children's Directorate", kind=TeamKind.SERVICE, agency=council)
    director = make_user("dora", Role.HEAD_OF_SERVICE, council, directorate, "Dora", "Director")
    directorate.manager = director
    directorate.save()
    childrens_service.parent = directorate
    childrens_service.save()
    assert involvement(director, ruby) == rules.MANAGER_LINE


def test_the_front_door_opens_a_child_while_a_linked_contact_is_open(client_for, sam, make_child, open_contact_about):
    child = make_child("Ava")
    assert involvement(sam, child) is None
    contact = open_contact_about(child)
    assert involvement(sam, child) == rules.FRONT_DOOR
    assert can_open(client_for(sam), child)
    screen_contact(contact, acting_user=sam, outcome="nfa", rationale="Resolved at school.")
    assert involvement(sam, child) is None
    assert not can_open(client_for(sam), child)


def test_a_front_door_team_member_who_is_not_a_screener_has_the_same_view(council, front_door_team, make_child, open_contact_about):
    fd_manager = make_user("fdm", Role.TEAM_MANAGER, council, front_door_team, "Fay", "Door")
    child = make_child("Ava")
    open_contact_about(child)
    assert involvement(fd_manager, child) == rules.FRONT_DOOR


def test_an_open_contact_does_not_open_the_record_to_other_teams(charlie, make_child, open_contact_about):
    child = make_child("Ava")
    open_contact_about(child)
    assert involvement(charlie, child) is None


def test_the_worker_keeps_the_record_while_finishing_a_closure(alice, mo, ruby):
    close_episode(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=mo)
    assert involvement(alice, ruby) == rules.ALLOCATED_WORKER


def test_the_worker_loses_the_record_after_the_closure_grace_days(alice, mo, ruby, settings):
    settings.JOURNEY_CLOSED_EPISODE_GRACE_DAYS = 3
    episode = ruby.episodes.get()
    close_episode(episode, ended_on=today() - timedelta(days=3), reason="needs_met", acting_user=mo)
    assert involvement(alice, ruby) is None
    assert involvement(mo, ruby) is None


def test_a_worker_who_handed_the_child_on_no_longer_sees_it(alice, helen, charlie, ruby):
    from journey.casework.actions import allocate

    allocate(ruby.episodes.get(), worker=charlie, team=charlie.team, started_on=today(), acting_user=helen)
    assert involvement(alice, ruby) is None
    assert involvement(charlie, ruby) == rules.ALLOCATED_WORKER


def test_a_partner_sees_children_their_agency_raised(officer, teacher, ruby):
    # Ruby's fixture has a contact from the police, none from the school.
    assert involvement(officer, ruby) == rules.PARTNER_AGENCY
    assert involvement(teacher, ruby) is None


def test_a_partner_never_opens_the_staff_journey_page(client_for, officer, ruby):
    assert not can_open(client_for(officer), ruby)


def test_an_administrator_sees_no_child_by_role(client_for, admin_user, ruby):
    assert involvement(admin_user, ruby) is None
    assert not Child.objects.visible_to(admin_user).exists()
    assert not Child.objects.matchable_by(admin_user).exists()
    assert not can_open(client_for(admin_user), ruby)


def test_the_caldicott_guardian_sees_no_record_by_role(carol, ruby):
    assert involvement(carol, ruby) is None


def test_an_inactive_worker_loses_every_relationship(alice, ruby):
    alice.is_active = False
    alice.save()
    assert involvement(alice, ruby) is None
    assert not Child.objects.visible_to(alice).exists()
