"""Sign-ins, failed sign-ins and sign-outs, from Django's own authentication signals.

A failed attempt is tied to the account only when the name typed is a real username; otherwise nothing typed is
kept (people type passwords into the username box).
"""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .log import record
from .models import Action


def signed_in(sender, request, user, **kwargs) -> None:
    record(Action.SIGN_IN, user=user, what="signed in", request=request)


def signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record(Action.SIGN_OUT, user=user, what="signed out", request=request)


def _account(username: str | None):
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    account = _account(username)
    what = "sign-in failed" if account is not None else "sign-in failed: no account with that username"
    # Nobody is signed in: the account tried is the object of the event, not its actor.
    record(Action.SIGN_IN_FAILED, user=None, obj=account, what=what, request=request)


def locked_out(sender, request=None, username=None, **kwargs) -> None:
    """django-axes locked a username out after too many failures (see accounts' lockout settings)."""
    account = _account(username)
    what = "locked out after repeated failed sign-ins"
    record(Action.LOCKED_OUT, user=None, obj=account, what=what if account else f"{what}: no such account", request=request)


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid="journey.audit:signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="journey.audit:signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="journey.audit:sign_in_failed")
    if apps.is_installed("axes"):
        from axes.signals import user_locked_out

        user_locked_out.connect(locked_out, dispatch_uid="journey.audit:locked_out")
