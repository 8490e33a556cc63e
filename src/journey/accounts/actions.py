"""Changes to a user's own sign-in security: setting up, confirming and turning off an authenticator app.

Codes are checked through ``django_otp.verify_token``, which locks the device row while it checks, refuses a code
already used (no replay) and records failures for the device's own throttling. That bookkeeping must survive a
wrong code, so the check runs in its own transaction and the ``ValidationError`` is raised after it, not inside it.
"""
from math import ceil

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

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


@transaction.atomic
def start_two_factor_setup(*, acting_user) -> TOTPDevice:
    """A fresh secret for the user's authenticator app. Any half-finished set-up is replaced, so one secret is live."""
    if confirmed_device(acting_user) is not None:
        raise ValidationError("Two-step verification is already on for your account")
    TOTPDevice.objects.filter(user=acting_user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=acting_user, name=DEVICE_NAME, confirmed=False)


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


def verify_sign_in_code(code: str, *, acting_user) -> TOTPDevice:
    """The second step of signing in: the code from the user's confirmed app. Returns the device that accepted it."""
    device = confirmed_device(acting_user)
    if device is None:
        raise ValidationError("Two-step verification is not on for this account. Sign in again")
    _check_code(device, code)
    return device
