"""The page shown when django-axes refuses a sign-in after too many failures (``AXES_LOCKOUT_CALLABLE``).

Axes counts wrong passwords, and wrong second-step codes (see ``views.SignInCodeView``), per username and address.
Its own response is a bare line of text; this says in GOV.UK style what happened, for how long, and what to do.
"""
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .sessions import PENDING_SIGN_IN


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None) -> HttpResponse:
    """Status 429 (too many requests), with the number of failures allowed and how long the lock lasts."""
    if hasattr(request, "session"):
        request.session.pop(PENDING_SIGN_IN, None)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": lockout_minutes()}
    return render(request, "accounts/locked_out.html", context, status=429)
