"""Sign-in lockout: how failures are counted (``AccountAndAddressHandler``, ``AXES_HANDLER``) and the page shown when
django-axes refuses a sign-in (``AXES_LOCKOUT_CALLABLE``).

Axes counts wrong passwords, and wrong second-step codes (see ``views.SignInCodeView``). Two limits apply at once:

- per account, whatever the address: ``AXES_FAILURE_LIMIT`` failures lock the username, so guessing one person's
  password from many addresses gains nothing;
- per address, whatever the username: ``JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS`` failures lock that address, so trying
  a few common passwords against many usernames ("spraying") is stopped too. The limit is higher than the
  account's because a whole council office may reach Journey from one address.

Axes itself compares one count against one limit (``AXES_LOCKOUT_PARAMETERS`` lists are each counted, and the
largest count is held against ``AXES_FAILURE_LIMIT``), so the two limits are applied here. Its own response is a
bare line of text; ``locked_out`` says in GOV.UK style what happened, for how long, and what to do.
"""
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .sessions import PENDING_SIGN_IN

LOCKED_BY_ADDRESS = "journey_locked_by_address"


def _total(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Counts failures per account (any address) and per address (any account), each against its own limit."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """The count Axes holds against ``AXES_FAILURE_LIMIT``: the account's own failures, or the limit itself once
        the address has reached its (higher) limit. Which of the two locked is noted on the request for the page."""
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_account = _total(recent.filter(username=username)) if username else 0
        by_address = _total(recent.filter(ip_address=request.axes_ip_address))
        address_locked = by_address >= settings.JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS
        setattr(request, LOCKED_BY_ADDRESS, address_locked and by_account < settings.AXES_FAILURE_LIMIT)
        return max(by_account, settings.AXES_FAILURE_LIMIT) if address_locked else by_account

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """A correct sign-in clears that username's failures from that address only: others' failures from a shared
        office address still count towards its limit, and failures from elsewhere still count against the account."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return count


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None) -> HttpResponse:
    """Status 429 (too many requests), with the number of failures allowed and how long the lock lasts."""
    if hasattr(request, "session"):
        request.session.pop(PENDING_SIGN_IN, None)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT, "address_limit": settings.JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS,
        "by_address": getattr(request, LOCKED_BY_ADDRESS, False), "minutes": lockout_minutes(),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
