"""The read log: every look at a child's record, by whom, when, and of what."""
from django.conf import settings
from django.db import models
from django.utils import timezone


class RecordRead(models.Model):
    """One read of a child's record or part of it. Append-only; the access issue adds a tamper-evident chain."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who looked.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="reads", help_text="Whose record.")
    what = models.CharField(max_length=100, help_text="Which part of the record, e.g. 'journey page'.")
    at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When.")
    ip_address = models.GenericIPAddressField(null=True, blank=True, help_text="From where.")

    class Meta:
        ordering = ["-at"]
