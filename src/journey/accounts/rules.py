"""Who may change accounts, and the one thing no administrator may do: change their own power.

An administrator manages everyone's account, so the one check that stands between them and a child's record is
that they cannot give themselves (or take from themselves) a role, team, agency, flag or permission, nor make
themselves a team's manager: another administrator must. The admin's forms ask these questions to show a clear
error; the account actions ask them again, so no other caller can skip them.
"""
from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS

from .models import Role

# Fields of an account that decide what its holder may see or do, with how a message names them.
PRIVILEGES = {
    "role": "role", "team": "team", "agency": "agency", "is_active": "active status", "is_staff": "staff status",
    "is_superuser": "superuser status", "groups": "groups", "user_permissions": "permissions",
}


def can_manage_accounts(user) -> bool:
    """Administrators (by role, not Django's is_staff flag) manage agencies, teams and accounts."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.role == Role.ADMINISTRATOR)


def account_change_refusals(acting_user, account, changed: Iterable[str]) -> dict[str, str]:
    """Field name -> why ``acting_user`` may not make this change to ``account`` (None while it is being made);
    empty when they may."""
    if not can_manage_accounts(acting_user):
        return {NON_FIELD_ERRORS: "Only an administrator can add or change user accounts"}
    if account is None or account.pk is None or account.pk != acting_user.pk:
        return {}
    return {
        name: f"You cannot change your own {label}: ask another administrator"
        for name, label in PRIVILEGES.items() if name in set(changed)
    }


def team_change_refusal(acting_user, manager_before_id: int | None, manager_after_id: int | None) -> str | None:
    """Why ``acting_user`` may not change a team's manager from one user to another, or None if they may."""
    if not can_manage_accounts(acting_user):
        return "Only an administrator can add or change teams"
    if manager_before_id != manager_after_id and acting_user.pk in (manager_before_id, manager_after_id):
        return "You cannot make yourself a team's manager, or stop being one: ask another administrator"
    return None
