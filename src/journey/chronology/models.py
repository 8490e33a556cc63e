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


class EntryKeyField(models.CharField):
    """An entry's key, compared byte by byte on every database, so that the journey page's keyset order and the
    derived chronology's order (Python's string order) agree whatever the database's locale."""

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters


class ChronologyEntry(models.Model):
    """One entry of a child's chronology as its provider derived it: the materialised chronology.

    Never written by hand: ``materialise.py`` rewrites a child's entries of a kind whenever one of that kind's source
    rows changes, in the same transaction, and ``journey chronology_rebuild`` rewrites them from the providers. Not
    audited as a change of its own (the change to the source row is), so ``audit_captured`` is False."""

    audit_captured = False

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="chronology_entries")
    key = EntryKeyField(max_length=60, help_text="Stable name of the entry, 'kind:id'.")
    kind = models.CharField(max_length=40, help_text="The registered kind that derived it.")
    occurred_at = models.DateTimeField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    agency = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    url = models.CharField(max_length=300, blank=True)
    significant = models.BooleanField(default=False)
    details = models.JSONField(default=list, blank=True, help_text="Label and value pairs shown with the entry.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "key"], name="chronology_entry_once")]
        indexes = [
            models.Index(fields=["child", "occurred_at", "key"], name="chronology_page"),
            models.Index(fields=["child", "kind"], name="chronology_kind"),
            models.Index(fields=["child", "agency"], name="chronology_agency"),
        ]
        verbose_name_plural = "chronology entries"
