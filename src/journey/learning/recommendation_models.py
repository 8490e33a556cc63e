"""Recommendations to action, tracked to their outcome on the partnership's board (decision record 0021).

A recommendation comes from a review finding, an audit, an inspection or practitioners' daily experience. It is about
the system, not a child: it has no child field, and the board shows no child's data.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .review_models import TITLE_MAX_LENGTH, ReviewFinding

USER = settings.AUTH_USER_MODEL


class SourceKind(models.TextChoices):
    REVIEW_FINDING = "review_finding", "A systems case review finding"
    AUDIT = "audit", "A case audit"
    INSPECTION = "inspection", "An inspection"
    PRACTICE = "practice", "Practitioners' daily experience"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Recommendation(models.Model):
    """What should change in the system, who owns it, and (once closed) its outcome and the evidence of its impact."""

    title = models.CharField(max_length=TITLE_MAX_LENGTH, help_text="The recommendation in a sentence.")
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices, help_text="Where it came from.")
    finding = models.ForeignKey(
        ReviewFinding, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations",
        help_text="The review finding it answers, when it came from a review.",
    )
    source_detail = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Which audit, inspection or experience, in a line.")
    options_weighed = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="The options weighed, and why this one.")
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="recommendations_owned", help_text="Who owns it.")
    status = models.CharField(max_length=10, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN, help_text="Open or closed.")
    outcome = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What changed: needed to close it.")
    impact_evidence = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The evidence that the change made a difference.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")
    closed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who closed it.")
    closed_at = models.DateTimeField(null=True, blank=True, help_text="When it was closed.")

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="recommendation_titled"),
            models.CheckConstraint(condition=~Q(options_weighed=""), name="recommendation_options_weighed"),
            models.CheckConstraint(condition=Q(status="open") | ~Q(outcome=""), name="recommendation_closed_with_outcome"),
            models.CheckConstraint(
                condition=Q(source_kind="review_finding", finding__isnull=False) | (~Q(source_kind="review_finding") & Q(finding__isnull=True)),
                name="recommendation_finding_from_review",
            ),
            max_length_check("source_detail", SHORT_TEXT_MAX_LENGTH),
            max_length_check("options_weighed", LONG_TEXT_MAX_LENGTH),
            max_length_check("outcome", LONG_TEXT_MAX_LENGTH),
            max_length_check("impact_evidence", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RecommendationStatus.OPEN


class RecommendationAction(models.Model):
    """One thing to do for a recommendation, with its owner and by when."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions", help_text="The recommendation.")
    description = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What is to be done.")
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who does it.")
    by_when = models.DateField(validators=[PlannedDate("By when")], help_text="By when.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who added it.")

    class Meta:
        ordering = ["by_when", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="recommendation_action_described"),
            max_length_check("description", SHORT_TEXT_MAX_LENGTH),
        ]


class ProgressUpdate(models.Model):
    """A dated note of progress on a recommendation, by whom."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates", help_text="The recommendation.")
    written_on = models.DateField(validators=[PastEvent("Date of the update")], help_text="The day the progress was seen.")
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote it.")
    text = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What has happened since the last update.")

    class Meta:
        ordering = ["-written_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="progress_update_written"),
            max_length_check("text", SHORT_TEXT_MAX_LENGTH),
        ]
