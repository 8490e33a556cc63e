"""Records of the council's data protection duties: subject access requests and information shared with others."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .codes import LawfulBasis

USER = settings.AUTH_USER_MODEL


class SubjectAccessRequest(models.Model):
    """A person's request to see what Journey holds about them (UK GDPR Art 15), and when it must be answered."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="subject_access_requests",
        help_text="Whose information is asked for: a child, or a parent, carer or other adult on record.",
    )
    requested_by_name = models.CharField(
        max_length=200, help_text="Who made the request: the person, or someone acting for them (with their relationship).",
    )
    received_on = models.DateField(validators=[PastEvent("Date received")], help_text="When the council received the request.")
    due_on = models.DateField(
        validators=[PlannedDate("Due date")],
        help_text="When the response is due: one calendar month from receipt (computed, never typed).",
    )
    notes = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Anything the officer needs to remember: identity checks, extensions.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="The officer who logged the request.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was logged.")
    exported_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who last produced the export.",
    )
    exported_at = models.DateTimeField(null=True, blank=True, help_text="When the export was last produced.")
    responded_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date sent")], help_text="When the response was sent; empty while the request is open.")

    class Meta:
        constraints = [max_length_check("notes", LONG_TEXT_MAX_LENGTH)]
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Subject access request for {self.person} received {self.received_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.responded_on is None


class InformationShare(models.Model):
    """Information about a child given to someone outside the council's case record: with whom, what, and why."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="information_shares", help_text="Whose information.")
    shared_with_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="information_received", help_text="The organisation it went to.",
    )
    shared_with_person = models.CharField(
        max_length=200, blank=True, help_text="The person who received it and their role, if known.",
    )
    what_was_shared = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What information was shared, in enough detail to answer a later question about it.")
    lawful_basis = models.CharField(max_length=20, choices=LawfulBasis.choices, help_text="The legal gateway for sharing.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why it was necessary and proportionate to share it.")
    shared_on = models.DateField(db_index=True, validators=[PastEvent("Date shared")], help_text="When it was shared.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded the share.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        constraints = [max_length_check("what_was_shared", LONG_TEXT_MAX_LENGTH), max_length_check("reason", SHORT_TEXT_MAX_LENGTH)]
        ordering = ["-shared_on", "-id"]

    def __str__(self) -> str:
        return f"Shared with {self.shared_with_agency} on {self.shared_on:%d %b %Y}"
