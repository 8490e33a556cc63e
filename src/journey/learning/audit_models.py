"""Case audits (issue 15, item 4; decision record 0020): a manager draws a sample of the children their teams hold,
names auditors, and the auditors grade the practice on each child's record against a framework held as data.

The framework (``AuditFramework``: its themes and its ordered grades) is configuration, seeded by a migration and
edited in the admin site, so a service can use Ofsted's four grades or its own. A round stores how its sample was
drawn (seed, criteria, the day the record was read as of) beside the children drawn, so the draw can be repeated and
checked. Auditors reach the sampled children through the round's grant, which starts, ends and can be ended early; it
never outlasts ``GRANT_MAX_DAYS`` from its start.
"""
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.lib.dates import PastEvent, PlannedDate, today
from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

USER = settings.AUTH_USER_MODEL
FINDING_MAX_LENGTH = 10_000
GRANT_MAX_DAYS = 90
SAMPLE_MAX = 50


class AuditFramework(models.Model):
    """A way of grading practice: its themes and its grades. Only a framework in use is offered for a new round; a
    round keeps the framework (and version) it was audited against."""

    name = models.CharField(max_length=150, help_text="The framework's name, e.g. 'Practice quality audit'.")
    version = models.CharField(max_length=20, help_text="Its version, e.g. '2025'; a changed framework is a new version.")
    in_use = models.BooleanField(default=True, help_text="Whether new audit rounds may use it.")

    class Meta:
        ordering = ["name", "version"]
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="audit_framework_version_once")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class AuditTheme(models.Model):
    """One aspect of practice the framework grades (the child's voice, planning, management oversight...)."""

    framework = models.ForeignKey(AuditFramework, on_delete=models.PROTECT, related_name="themes", help_text="The framework.")
    name = models.CharField(max_length=150, help_text="The theme as auditors read it.")
    guidance = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="What to look for in the record.")
    position = models.PositiveSmallIntegerField(help_text="Its place in the framework, from 1.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "position"], name="audit_theme_position_once"),
            max_length_check("guidance", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.name


class AuditGrade(models.Model):
    """One grade of the framework, in order from best (position 1) to worst."""

    framework = models.ForeignKey(AuditFramework, on_delete=models.PROTECT, related_name="grades", help_text="The framework.")
    name = models.CharField(max_length=60, help_text="The grade, e.g. 'Good'.")
    position = models.PositiveSmallIntegerField(help_text="Its place from best (1) to worst.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "position"], name="audit_grade_position_once")]

    def __str__(self) -> str:
        return self.name


class SampleMethod(models.TextChoices):
    RANDOM = "random", "At random from a seed"
    CRITERIA = "criteria", "By criteria, then at random from a seed"


class CaseAuditRoundQuerySet(models.QuerySet):
    def granting(self) -> "CaseAuditRoundQuerySet":
        """Rounds whose grant is in force today: started, not past its last day, not ended early."""
        day = today()
        return self.filter(grant_starts_on__lte=day, grant_ends_on__gte=day, grant_ended_at__isnull=True)


class CaseAuditRound(models.Model):
    """A round of case audits: a sample of the children a manager's teams hold, the auditors named and their grant."""

    objects = CaseAuditRoundQuerySet.as_manager()

    title = models.CharField(max_length=150, help_text="What the round is for, e.g. 'Quarterly audit: Team A'.")
    framework = models.ForeignKey(AuditFramework, on_delete=models.PROTECT, related_name="rounds", help_text="The framework audited against.")
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="audit_rounds_made", help_text="The manager who made it.")
    made_at = models.DateTimeField(default=timezone.now, help_text="When it was made.")
    method = models.CharField(max_length=10, choices=SampleMethod.choices, help_text="How the sample was drawn.")
    seed = models.PositiveIntegerField(help_text="The seed of the random draw: the same seed and criteria draw the same children.")
    criteria = models.JSONField(default=dict, blank=True, help_text="The criteria the sample was drawn by (team, episode kind, plan, age band).")
    as_of = models.DateField(validators=[PastEvent("Date the record is read as of")], help_text="The day the record was read as of.")
    size = models.PositiveSmallIntegerField(help_text=f"How many children were asked for (at most {SAMPLE_MAX}).")
    auditors: "models.ManyToManyField[Any, Any]" = models.ManyToManyField(USER, related_name="audit_rounds", help_text="Who audits the sample.")
    grant_starts_on = models.DateField(validators=[PlannedDate("First day of access")], help_text="The first day auditors may open the sample.")
    grant_ends_on = models.DateField(
        validators=[PlannedDate("Last day of access")], help_text=f"The last day they may (at most {GRANT_MAX_DAYS} days from the first).",
    )
    grant_ended_at = models.DateTimeField(null=True, blank=True, help_text="When the grant was ended early; empty otherwise.")
    grant_ended_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who ended it early.")

    class Meta:
        ordering = ["-made_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(grant_ends_on__gte=models.F("grant_starts_on")), name="audit_grant_ends_after_start"),
            models.CheckConstraint(condition=Q(size__gte=1, size__lte=SAMPLE_MAX), name="audit_sample_size_bounded"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def grant_in_force(self) -> bool:
        return self.grant_ended_at is None and self.grant_starts_on <= today() <= self.grant_ends_on

    @property
    def latest_grant_end(self):
        return self.grant_starts_on + timedelta(days=GRANT_MAX_DAYS)


class SampledChild(models.Model):
    """A child drawn into a round, with the practitioner whose work is audited (the allocated worker as of the day)."""

    round = models.ForeignKey(CaseAuditRound, on_delete=models.CASCADE, related_name="sample", help_text="The round.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="audit_samples", help_text="The child drawn.")
    position = models.PositiveSmallIntegerField(help_text="Its place in the draw, from 1.")
    practitioner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The allocated worker as of the round's day, whose work is audited; empty if none was allocated.",
    )

    class Meta:
        ordering = ["round", "position"]
        constraints = [models.UniqueConstraint(fields=["round", "child"], name="audit_sample_child_once")]

    def __str__(self) -> str:
        return f"Child {self.child_id} in round {self.round_id}"


def _finding(verbose_name: str, help_text: str) -> BoundedTextField:
    return BoundedTextField(verbose_name, max_length=FINDING_MAX_LENGTH, help_text=help_text)


class CaseAudit(models.Model):
    """The audit of one sampled child: an overall grade, what is working well and what needs to change, one graded
    finding per theme, and then the practitioner's view once it has been talked through with them."""

    sample = models.OneToOneField(SampledChild, on_delete=models.PROTECT, related_name="audit", help_text="The child audited, in its round.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="case_audits", help_text="The child.")
    auditor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="case_audits", help_text="Who audited.")
    audited_on = models.DateField(validators=[PastEvent("Date of the audit")], help_text="When the audit was done.")
    overall = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+", help_text="The overall grade.")
    working_well = _finding("what is working well", "What is working well.")
    needs_to_change = _finding("what needs to change", "What needs to change.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")
    talked_through_on = models.DateField(
        null=True, blank=True, validators=[PastEvent("Date it was talked through")],
        help_text="When it was talked through with the practitioner; empty until then.",
    )
    practitioner_view = BoundedTextField(
        "the practitioner's view", max_length=FINDING_MAX_LENGTH, blank=True, help_text="The practitioner's view of the audit, once talked through.",
    )
    view_recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who recorded the view.")

    class Meta:
        ordering = ["-audited_on", "-id"]
        constraints = [
            max_length_check("working_well", FINDING_MAX_LENGTH),
            max_length_check("needs_to_change", FINDING_MAX_LENGTH),
            max_length_check("practitioner_view", FINDING_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Case audit of child {self.child_id}"


class ThemeFinding(models.Model):
    """The grade for one theme of the framework, and the evidence in the record that shows it."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="findings", help_text="The audit.")
    theme = models.ForeignKey(AuditTheme, on_delete=models.PROTECT, related_name="findings", help_text="The theme graded.")
    grade = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="findings", help_text="Its grade.")
    evidence = _finding("evidence", "What in the record shows it.")

    class Meta:
        ordering = ["audit", "theme__position"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "theme"], name="audit_theme_graded_once"),
            max_length_check("evidence", FINDING_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.theme}: {self.grade}"
