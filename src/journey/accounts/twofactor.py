"""Questions about a user's second factor (a TOTP authenticator app, through django-otp), and how its secret is shown.

The QR code is drawn as inline SVG by segno, so the page needs no image service, no data: URL and no inline
script or style: it works under the strict Content Security Policy.
"""
from base64 import b32encode

import segno
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    """The authenticator app that this user has set up and confirmed, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def unconfirmed_device(user) -> TOTPDevice | None:
    """An authenticator app that this user has started to set up but not yet confirmed with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def uses_two_factor(user) -> bool:
    return confirmed_device(user) is not None


def role_requires_two_factor(user) -> bool:
    """True when the user's role is one the authority names in ``JOURNEY_REQUIRE_2FA_ROLES``."""
    return getattr(user, "role", None) in settings.JOURNEY_REQUIRE_2FA_ROLES


def secret_for_typing(device: TOTPDevice) -> str:
    """The shared secret in base32, in groups of four, for people who type it into their app instead of scanning."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code, with a title that screen readers announce."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, title="QR code for your authenticator app", svgclass="journey-qr-code", lineclass=None,
    )
