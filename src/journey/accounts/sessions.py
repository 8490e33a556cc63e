"""When a signed-in session ends on its own: after a spell without activity, and after a working day at most.

A screen left signed in on a shared office computer shows children's records to whoever sits down next, so a
session ends after ``JOURNEY_SESSION_IDLE_MINUTES`` without a request, and after ``JOURNEY_SESSION_MAX_HOURS`` since
sign-in whatever happens. The times live in the session itself (seconds since the epoch, so they survive JSON),
stamped at sign-in by :func:`stamp_sign_in` and refreshed by :class:`journey.accounts.middleware.SessionTimeoutMiddleware`.
"""
from enum import StrEnum
from time import time

from django.conf import settings

SIGNED_IN_AT = "journey_signed_in_at"
LAST_SEEN_AT = "journey_last_seen_at"
SIGNED_OUT_REASON = "journey_signed_out_reason"
# Between a correct password and a correct code from the authenticator app: who is signing in, and since when.
PENDING_SIGN_IN = "journey_pending_sign_in"
PENDING_SIGN_IN_SECONDS = 5 * 60
CODE_TIMEOUT = "code-timeout"

# Refreshing the last-seen time on every request would write the session on every page; a minute's slack is
# immaterial against a thirty-minute limit.
TOUCH_EVERY_SECONDS = 60


class Expiry(StrEnum):
    IDLE = "idle"
    MAXIMUM = "maximum"


def idle_limit_seconds() -> int:
    return settings.JOURNEY_SESSION_IDLE_MINUTES * 60


def maximum_seconds() -> int:
    return settings.JOURNEY_SESSION_MAX_HOURS * 60 * 60


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """Receiver for ``user_logged_in``: the clock for both limits starts at sign-in."""
    if request is not None and hasattr(request, "session"):
        now = int(time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now


def expiry_of(session, now: int) -> Expiry | None:
    """Which limit, if any, this session has passed. A session from before these stamps existed starts its clock now."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if not isinstance(signed_in_at, int) or not isinstance(last_seen_at, int):
        session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = now
        return None
    if now - signed_in_at >= maximum_seconds():
        return Expiry.MAXIMUM
    if now - last_seen_at >= idle_limit_seconds():
        return Expiry.IDLE
    return None


def touch(session, now: int) -> None:
    if now - session.get(LAST_SEEN_AT, 0) >= TOUCH_EVERY_SECONDS:
        session[LAST_SEEN_AT] = now


def signed_out_message(reason: str | None) -> str:
    """What the sign-in page tells someone whose session ended without them signing out."""
    if reason == Expiry.IDLE:
        minutes = settings.JOURNEY_SESSION_IDLE_MINUTES
        return f"You were signed out after {minutes} minutes without activity. Sign in again to carry on"
    if reason == Expiry.MAXIMUM:
        hours = settings.JOURNEY_SESSION_MAX_HOURS
        return f"You were signed out because you had been signed in for {hours} hours. Sign in again to carry on"
    if reason == CODE_TIMEOUT:
        return f"Signing in took more than {PENDING_SIGN_IN_SECONDS // 60} minutes. Sign in again"
    return ""
