"""The public feedback page's rate limit, kept in the database so that every process serving the page counts the
same tries (Django's default cache is per process).

From one address, within ``JOURNEY_FEEDBACK_LINK_WINDOW_MINUTES`` (default 15): at most
``JOURNEY_FEEDBACK_LINK_TRIES`` requests (default 20), and at most ``JOURNEY_FEEDBACK_LINK_BAD_TOKENS`` tokens that
match no link (default 5). Beyond either, the page answers 429 until the window has passed. A request with no
address counts under "no address", so stripping it gains nothing.
"""
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import LinkTry

WINDOW_MINUTES, TRIES, BAD_TOKENS = 15, 20, 5


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def window() -> timedelta:
    return timedelta(minutes=_setting("JOURNEY_FEEDBACK_LINK_WINDOW_MINUTES", WINDOW_MINUTES))


def limited(address: str | None) -> bool:
    """Whether ``address`` has used up its tries, or its bad tokens, in the window."""
    recent = LinkTry.objects.filter(address=address, at__gt=timezone.now() - window())
    if recent.count() >= _setting("JOURNEY_FEEDBACK_LINK_TRIES", TRIES):
        return True
    return recent.filter(bad_token=True).count() >= _setting("JOURNEY_FEEDBACK_LINK_BAD_TOKENS", BAD_TOKENS)


def count_try(address: str | None, *, bad_token: bool = False) -> None:
    """Count one try from ``address`` (committed at once, whatever becomes of the request), and forget that
    address's tries older than the window."""
    with transaction.atomic():
        LinkTry.objects.filter(address=address, at__lte=timezone.now() - window()).delete()
        LinkTry.objects.create(address=address, bad_token=bad_token)
