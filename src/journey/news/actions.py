"""The two things a user does to their news: open an item (which marks it read) and mark all of it read.

Both are ``@audited_action``s: the read marks are captured in the audit log like any change, so "when did the worker
open the partner's information?" has an answer there as well as in the mark itself."""
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action

from . import feed
from .models import NewsRead, NewsReadUpTo


class NotYourNews(ValidationError):
    """Raised for an item that is not news for the user: someone else's, about a child they may not open, or none."""


@audited_action
def open_news(kind: str, item_id: int, *, acting_user) -> feed.NewsItem:
    """The item, marked read for ``acting_user`` (once: opening it again changes nothing). Only an item of the
    user's own news can be opened; anything else is refused alike, whether it exists or not."""
    item = feed.find(acting_user, kind, item_id)
    if item is None:
        raise NotYourNews("This is not news for you")
    NewsRead.objects.get_or_create(user=acting_user, kind=kind, item_id=item_id)
    return item


@audited_action
def mark_all_read(*, acting_user, up_to: datetime) -> NewsReadUpTo:
    """Everything that became news for ``acting_user`` up to ``up_to`` (the newest item they were shown, so that
    news arriving meanwhile stays unread) counts as read. Never beyond now, and never moved back."""
    if timezone.is_naive(up_to):
        raise ValidationError({"up_to": "Mark all as read needs the time of the newest item shown, with its time zone"})
    up_to = min(up_to, timezone.now())
    marker = NewsReadUpTo.objects.filter(user=acting_user).first()
    if marker is None:
        return NewsReadUpTo.objects.create(user=acting_user, read_up_to=up_to)
    if up_to > marker.read_up_to:
        marker.read_up_to, marker.marked_at = up_to, timezone.now()
        marker.save(update_fields=["read_up_to", "marked_at"])
    return marker
