"""Every change the administrator makes to an account is an audited action, and no administrator can change their
own power: role, team, agency, flags, permissions, or a team's manager. Another administrator must."""
import pytest
from django.core.exceptions import ValidationError

from journey.accounts.actions import change_account, create_account, deactivate_accounts
from journey.accounts.models import Role
from journey.audit.models import Action, AuditEvent
from tests.conftest import make_user


@pytest.fixture
def ben(council):
    """Ben Bishop: a second administrator, who may change Ada's account where she may not."""
    return make_user("ben", Role.ADMINISTRATOR, council, None, "Ben", "Bishop", "Systems administrator")


def change_form(user, **changes) -> dict:
    """The admin's change form for ``user`` as it stands, with ``changes`` made."""
    data = {
        "username": user.username, "first_name": user.first_name, "last_name": user.last_name, "email": user.email,
        "is_active": "on" if user.is_active else "", "role": user.role, "job_title": user.job_title,
        "agency": user.agency_id, "team": user.team_id or "", "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value != ""}


def updates_of(user):
    return AuditEvent.objects.filter(action=Action.UPDATE, object_type="accounts.user", object_id=str(user.pk))


def power_changes_of(user):
    """Changes to what ``user`` may do (signing in, which stamps last_login, is not one)."""
    return [event for event in updates_of(user) if set(event.after) - {"last_login"}]


@pytest.mark.parametrize("changes", [{"role": Role.TEAM_MANAGER}, {"team": "team_a"}, {"is_superuser": "on"}])
def test_an_administrator_cannot_change_her_own_power_in_the_admin(client_for, admin_user, team_a, changes):
    changes = {name: team_a.pk if value == "team_a" else value for name, value in changes.items()}
    response = client_for(admin_user).post(f"/admin/accounts/user/{admin_user.pk}/change/", change_form(admin_user, **changes))
    assert response.status_code == 200
    assert "You cannot change your own" in response.content.decode() and "ask another administrator" in response.content.decode()
    admin_user.refresh_from_db()
    assert (admin_user.role, admin_user.team, admin_user.is_superuser) == (Role.ADMINISTRATOR, None, False)
    assert power_changes_of(admin_user) == []


def test_an_administrator_can_still_correct_her_own_name(client_for, admin_user):
    response = client_for(admin_user).post(f"/admin/accounts/user/{admin_user.pk}/change/", change_form(admin_user, last_name="Adams"))
    assert response.status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.last_name == "Adams"


def test_an_administrator_changes_another_users_role_and_team_and_it_is_audited(client_for, admin_user, alice, team_a, team_b):
    response = client_for(admin_user).post(
        f"/admin/accounts/user/{alice.pk}/change/", change_form(alice, role=Role.TEAM_MANAGER, team=team_b.pk),
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.role, alice.team) == (Role.TEAM_MANAGER, team_b)
    [event] = power_changes_of(alice)
    assert event.user == admin_user
    assert (event.before["role"], event.after["role"]) == (Role.PRACTITIONER, Role.TEAM_MANAGER)
    assert (event.before["team_id"], event.after["team_id"]) == (team_a.pk, team_b.pk)


def test_another_administrator_can_change_hers(ben, admin_user, team_a):
    change_account(admin_user, acting_user=ben, role=Role.TEAM_MANAGER, team=team_a)
    admin_user.refresh_from_db()
    assert (admin_user.role, admin_user.team) == (Role.TEAM_MANAGER, team_a)
    assert updates_of(admin_user).get().user == ben


def test_the_action_refuses_her_own_role_whoever_calls_it(admin_user):
    with pytest.raises(ValidationError) as refused:
        change_account(admin_user, acting_user=admin_user, role=Role.HEAD_OF_SERVICE)
    assert refused.value.message_dict["role"] == ["You cannot change your own role: ask another administrator"]


def test_only_an_administrator_can_change_an_account(mo, alice):
    with pytest.raises(ValidationError, match="Only an administrator"):
        change_account(alice, acting_user=mo, role=Role.TEAM_MANAGER)
    alice.refresh_from_db()
    assert alice.role == Role.PRACTITIONER


def test_an_administrator_creates_an_account_and_it_is_audited(admin_user, council, team_a):
    made = create_account(acting_user=admin_user, username="dee", role=Role.PRACTITIONER, agency=council, team=team_a, first_name="Dee")
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="accounts.user", object_id=str(made.pk))
    assert event.user == admin_user and event.after["role"] == Role.PRACTITIONER
    assert not made.has_usable_password()


def test_deactivating_leavers_writes_one_audit_event_for_each(client_for, admin_user, alice, bea, charlie):
    response = client_for(admin_user).post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk, bea.pk]})
    assert response.status_code == 302
    for leaver in (alice, bea):
        event = updates_of(leaver).get()
        assert (event.user, event.before, event.after) == (admin_user, {"is_active": True}, {"is_active": False})
    charlie.refresh_from_db()
    assert charlie.is_active and not updates_of(charlie).exists()


def test_an_administrator_cannot_deactivate_herself(client_for, admin_user, alice):
    client = client_for(admin_user)
    page = client.post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk, admin_user.pk]}, follow=True)
    assert "You cannot change your own active status" in page.content.decode()
    alice.refresh_from_db()
    admin_user.refresh_from_db()
    assert alice.is_active and admin_user.is_active  # all or nothing


def test_deactivating_needs_an_administrator(mo, alice):
    with pytest.raises(ValidationError, match="Only an administrator"):
        deactivate_accounts([alice], acting_user=mo)


def test_an_administrator_cannot_make_herself_a_teams_manager(client_for, admin_user, council, team_a):
    response = client_for(admin_user).post(f"/admin/accounts/team/{team_a.pk}/change/", {
        "name": team_a.name, "kind": team_a.kind, "agency": council.pk, "manager": admin_user.pk, "phone": "",
    })
    assert response.status_code == 200
    assert "You cannot make yourself a team&#x27;s manager" in response.content.decode()
    team_a.refresh_from_db()
    assert team_a.manager is None


def test_an_administrator_makes_someone_else_a_teams_manager_and_it_is_audited(client_for, admin_user, council, team_a, mo):
    team_a.manager = None
    team_a.save()
    response = client_for(admin_user).post(f"/admin/accounts/team/{team_a.pk}/change/", {
        "name": team_a.name, "kind": team_a.kind, "agency": council.pk, "manager": mo.pk, "phone": "",
    })
    assert response.status_code == 302
    event = AuditEvent.objects.filter(action=Action.UPDATE, object_type="accounts.team", object_id=str(team_a.pk)).first()
    assert (event.user, event.after) == (admin_user, {"manager_id": mo.pk})
