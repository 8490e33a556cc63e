"""Sign-ins, failed sign-ins and sign-outs, from Django's own authentication signals.

A failed attempt is tied to the account only when the name typed is a real username; otherwise nothing typed is
kept (people type passwords into the username box).
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .log import record
from .models import Action


def signed_in(sender, request, user, **kwargs) -> None:
    record(Action.SIGN_IN, user=user, what="signed in", request=request)


def signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record(Action.SIGN_OUT, user=user, what="signed out", request=request)


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or ""
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    what = "sign-in failed" if user is not None else "sign-in failed: no account with that username"
    # record() keeps only authenticated users as the actor; the account tried is named through obj instead.
    record(Action.SIGN_IN_FAILED, user=None, obj=user, what=what, request=request)


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid="journey.audit:signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="journey.audit:signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="journey.audit:sign_in_failed")
