"""What a practitioner adds to the chronology directly: significant events and flags on existing entries."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from journey.lib.dates import PastEvent
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check


class SignificantEvent(models.Model):
    """Something significant in the child's life that no other record holds (a bereavement, a move, a hospital stay)."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="significant_events", help_text="The child.")
    occurred_at = models.DateTimeField(db_index=True, validators=[PastEvent("Date of event")], help_text="When it happened.")
    description = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What happened and why it matters for the child.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [max_length_check("description", LONG_TEXT_MAX_LENGTH)]
        ordering = ["-occurred_at"]


class SignificanceFlag(models.Model):
    """Marks an existing chronology entry (a contact, a visit...) as significant, with who said so and why."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="significance_flags", help_text="The child.")
    entry_key = models.CharField(max_length=60, help_text="Which entry, as 'kind:id'.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why the practitioner thinks it is significant.")
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who flagged it.")
    flagged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "entry_key"], name="flag_entry_once"),
            max_length_check("reason", SHORT_TEXT_MAX_LENGTH),
        ]
