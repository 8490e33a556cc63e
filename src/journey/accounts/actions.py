"""Changes to accounts: the administrator's (adding, changing and deactivating accounts, teams and agencies) and
each user's own sign-in security (setting up, confirming and turning off an authenticator app).

Every one is an ``@audited_action``, so each change to an account is in the audit log with who made it and the
values before and after. The rules of who may change what are ``accounts.rules``, asked here as well as by the
admin's forms.

Codes are checked through ``django_otp.verify_token``, which locks the device row while it checks, refuses a code
already used (no replay) and records failures for the device's own throttling. That bookkeeping must survive a
wrong code, so the check runs in its own transaction and the ``ValidationError`` is raised after it, not inside it.
"""
from collections.abc import Iterable
from math import ceil

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from journey.audit.context import audited_action

from .models import Agency, Team, User
from .rules import account_change_refusals, can_manage_accounts, team_change_refusal
from .twofactor import DEVICE_NAME, confirmed_device, role_requires_two_factor, unconfirmed_device

CODE_FIELD = "code"


def _check_code(device: TOTPDevice, code: str) -> None:
    allowed, why = device.verify_is_allowed()
    if not allowed:
        locked_until = (why or {}).get("locked_until")
        seconds = max(1, ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 60
        wait = f"{seconds} second{'s' if seconds != 1 else ''}" if seconds < 120 else f"{ceil(seconds / 60)} minutes"
        raise ValidationError(
            {CODE_FIELD: f"You entered wrong codes several times. Wait {wait}, then enter the newest code from your app"}
        )
    if verify_token(device.user, device.persistent_id, code) is None:
        raise ValidationError(
            {CODE_FIELD: "The code is not correct. Enter the 6-digit code your authenticator app shows now"}
        )


@audited_action
def start_two_factor_setup(*, acting_user) -> TOTPDevice:
    """A fresh secret for the user's authenticator app. Any half-finished set-up is replaced, so one secret is live."""
    if confirmed_device(acting_user) is not None:
        raise ValidationError("Two-step verification is already on for your account")
    TOTPDevice.objects.filter(user=acting_user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=acting_user, name=DEVICE_NAME, confirmed=False)


@audited_action(atomic=False)
def confirm_two_factor(code: str, *, acting_user) -> TOTPDevice:
    """Turns two-step verification on once the user proves, with a code, that their app holds the secret."""
    device = unconfirmed_device(acting_user)
    if device is None:
        raise ValidationError("Start setting up two-step verification again: there is no set-up in progress")
    _check_code(device, code)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return device


@audited_action(atomic=False)
def turn_off_two_factor(code: str, *, acting_user) -> None:
    """Turns two-step verification off; a valid code is asked for, so that a session left open cannot do it."""
    device = confirmed_device(acting_user)
    if device is None:
        raise ValidationError("Two-step verification is not on for your account")
    if role_requires_two_factor(acting_user):
        raise ValidationError(f"{acting_user.get_role_display()}s must use two-step verification, so it cannot be turned off")
    _check_code(device, code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=acting_user).delete()


@audited_action(atomic=False)
def verify_sign_in_code(code: str, *, acting_user) -> TOTPDevice:
    """The second step of signing in: the code from the user's confirmed app. Returns the device that accepted it."""
    device = confirmed_device(acting_user)
    if device is None:
        raise ValidationError("Two-step verification is not on for this account. Sign in again")
    _check_code(device, code)
    return device


# Accounts, teams and agencies: the administrator's changes ---------------------------------------------------

ACCOUNT_FIELDS = (
    "username", "first_name", "last_name", "email", "job_title", "role", "agency", "team", "unit_role", "is_active", "is_staff",
    "is_superuser",
)
ACCOUNT_LINKS = ("groups", "user_permissions")


def _attname(name: str) -> str:
    return User._meta.get_field(name).attname


@audited_action
def save_account(account: User, *, acting_user, groups: Iterable | None = None, user_permissions: Iterable | None = None) -> User:
    """Add or change ``account`` as it has been filled in (the admin's form prepares the instance; the actions
    below set its fields), and set its groups and permissions where given. Refuses what ``acting_user`` may not do:
    only administrators change accounts, and never their own role, team, agency, flags or permissions."""
    stored = User.objects.filter(pk=account.pk).values(*map(_attname, ACCOUNT_FIELDS)).first() if account.pk else None
    changed = {name for name in ACCOUNT_FIELDS if stored is None or stored[_attname(name)] != getattr(account, _attname(name))}
    links = {name: list(wanted) for name, wanted in (("groups", groups), ("user_permissions", user_permissions)) if wanted is not None}
    for name, wanted in links.items():
        before = set(getattr(account, name).values_list("pk", flat=True)) if account.pk else set()
        if before != {item.pk for item in wanted}:
            changed.add(name)
    # Judged as the acting user is stored, not as this instance may already have been changed: an administrator
    # editing her own account may hold the very object that is being given another role.
    judge = User.objects.filter(pk=acting_user.pk).first() or acting_user
    if refusals := account_change_refusals(judge, account if stored is not None else None, changed):
        raise ValidationError(refusals)
    account.full_clean(validate_unique=True)
    account.save()
    for name, wanted in links.items():
        getattr(account, name).set(wanted)
    return account


@audited_action
def create_account(
    *, acting_user, username: str, role: str, agency: Agency, team: Team | None = None, password: str | None = None,
    first_name: str = "", last_name: str = "", email: str = "", job_title: str = "", unit_role: str = "",
) -> User:
    """A new account. Without a password it cannot sign in until one is set (a reset, or the admin's form)."""
    account = User(
        username=username.strip(), role=role, agency=agency, team=team, first_name=first_name.strip(),
        last_name=last_name.strip(), email=User.objects.normalize_email(email.strip()), job_title=job_title.strip(), unit_role=unit_role,
    )
    if password:
        account.set_password(password)
    else:
        account.set_unusable_password()
    return save_account(account, acting_user=acting_user)


@audited_action
def change_account(account: User, *, acting_user, **changes) -> User:
    """Change an account's details, role, team, agency, active status, flags, groups or permissions."""
    unknown = set(changes) - set(ACCOUNT_FIELDS) - set(ACCOUNT_LINKS)
    if unknown:
        raise TypeError(f"Not a detail of an account: {', '.join(sorted(unknown))}")
    for name in ACCOUNT_FIELDS:
        if name in changes:
            value = changes[name]
            setattr(account, name, value.strip() if isinstance(value, str) else value)
    return save_account(account, acting_user=acting_user, **{name: changes[name] for name in ACCOUNT_LINKS if name in changes})


@audited_action
def deactivate_accounts(accounts: Iterable[User], *, acting_user) -> list[User]:
    """Deactivate leavers, one by one (each is its own change in the audit log), never deleting them, so that
    their work keeps their name. Returns those deactivated now; any already inactive are left as they were."""
    deactivated = []
    for account in accounts:
        if account.is_active:
            account.is_active = False
            save_account(account, acting_user=acting_user)
            deactivated.append(account)
    return deactivated


@audited_action
def save_team(team: Team, *, acting_user) -> Team:
    """Add or change a team as filled in. An administrator cannot make themselves its manager (the manager line
    sees the team's children), nor remove themselves: another administrator must."""
    before = Team.objects.filter(pk=team.pk).values_list("manager_id", flat=True).first() if team.pk else None
    if refusal := team_change_refusal(acting_user, before, team.manager_id):
        raise ValidationError({"manager" if can_manage_accounts(acting_user) else NON_FIELD_ERRORS: refusal})
    team.full_clean()
    team.save()
    return team


@audited_action
def save_agency(agency: Agency, *, acting_user) -> Agency:
    """Add or change an agency as filled in (administrators only)."""
    if not can_manage_accounts(acting_user):
        raise ValidationError("Only an administrator can add or change agencies")
    agency.full_clean()
    agency.save()
    return agency
