"""What each user has read of their news. The news itself is never stored: it is derived from the record at read
time (``feed.py``), so it cannot drift from the record or be edited apart from it."""
from django.conf import settings
from django.db import models
from django.utils import timezone


class NewsKind(models.TextChoices):
    CONTACT = "contact", "New contact"
    INFORMATION = "information", "Information from a partner"
    ALLOCATED = "allocated", "Allocated to you"
    HANDED_ON = "handed_on", "Handed on from you"
    VISIT = "visit", "Visit by a colleague"
    CASE_NOTE = "case_note", "Note, call or meeting by a colleague"
    BY_WHEN = "by_when", "'By when' date changed"


class NewsRead(models.Model):
    """One item of news a user has opened: the kind of item and the id of the record it is derived from."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text="The user who opened it."
    )
    kind = models.CharField(max_length=20, choices=NewsKind.choices, help_text="What kind of news it was.")
    item_id = models.PositiveBigIntegerField(
        help_text="The id of the record the news is about, within its kind (a contact's child, a visit, an allocation...)."
    )
    read_at = models.DateTimeField(default=timezone.now, help_text="When the user first opened it.")

    class Meta:
        verbose_name = "news read"
        verbose_name_plural = "news read"
        constraints = [models.UniqueConstraint(fields=["user", "kind", "item_id"], name="news_read_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} read by user {self.user_id}"


class NewsReadUpTo(models.Model):
    """"Mark all as read": everything that became news up to this moment counts as read for this user. One row a
    user, moved forward only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text="The user who marked their news read."
    )
    read_up_to = models.DateTimeField(help_text="News that arrived up to this moment counts as read.")
    marked_at = models.DateTimeField(default=timezone.now, help_text="When the user last marked all their news read.")

    class Meta:
        verbose_name = verbose_name_plural = "news read up to"

    def __str__(self) -> str:
        return f"news read up to {self.read_up_to:%Y-%m-%d %H:%M} by user {self.user_id}"
