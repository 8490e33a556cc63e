"""The read log, explicit grants of access to one child, and break-glass openings of a record."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.lib.dates import PlannedDate, today
from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check


class ExplicitAccessQuerySet(models.QuerySet):
    def active(self) -> "ExplicitAccessQuerySet":
        """Grants in force today: not withdrawn, and not past their last day."""
        return self.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today()), revoked_at__isnull=True)


class ExplicitAccess(models.Model):
    """Access to one child given by the child's team manager to a person or a team who has no other reason to see
    the record (e.g. a worker covering a visit, or the only people allowed near a restricted record). Never
    deleted: withdrawing sets ``revoked_at``, so who could see the child, and when, stays answerable."""

    objects = ExplicitAccessQuerySet.as_manager()

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="access_grants", help_text="The child.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="access_grants",
        help_text="The person given access (or leave empty and choose a team).",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="access_grants",
        help_text="The team given access (or leave empty and choose a person).",
    )
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why they need to see this child's record.")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="The manager who gave it.")
    granted_at = models.DateTimeField(default=timezone.now, help_text="When it was given.")
    expires_on = models.DateField(
        null=True, blank=True, validators=[PlannedDate("Last day of access")],
        help_text="The last day it lasts; empty until withdrawn.")
    revoked_at = models.DateTimeField(null=True, blank=True, help_text="When it was withdrawn; empty while in force.")
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who withdrew it.",
    )

    class Meta:
        ordering = ["-granted_at", "-id"]
        verbose_name_plural = "explicit access"
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, team__isnull=True) | Q(user__isnull=True, team__isnull=False),
                name="explicit_access_one_grantee",
            ),
            max_length_check("reason", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Access to {self.child_id} for {self.grantee}"

    @property
    def grantee(self):
        return self.user or self.team

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_on is None or self.expires_on >= today())


class BreakGlassQuerySet(models.QuerySet):
    def active(self) -> "BreakGlassQuerySet":
        return self.filter(expires_at__gt=timezone.now())

    def between(self, start, end) -> "BreakGlassQuerySet":
        """Uses from ``start`` (inclusive) to ``end`` (exclusive), in time order, with whom and whose: the daily report
        and the guardian's page read the same rows."""
        return self.filter(at__gte=start, at__lt=end).select_related("user__team", "child__person").order_by("at", "pk")


class BreakGlass(models.Model):
    """An emergency opening of a record by someone with no other reason to see it, with the reason they gave.

    It lasts a few hours, shows on the record to the child's managers, and is reported daily to the Caldicott
    guardian. Append-only."""

    objects = BreakGlassQuerySet.as_manager()

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_uses", help_text="Who opened the record.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="break_glass_uses", help_text="Whose record.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="The emergency, in the user's own words.")
    at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When the glass was broken.")
    expires_at = models.DateTimeField(help_text="When the emergency access ends.")

    class Meta:
        constraints = [max_length_check("reason", SHORT_TEXT_MAX_LENGTH)]
        ordering = ["-at", "-id"]
        verbose_name = "break-glass use"

    def __str__(self) -> str:
        return f"Break-glass by {self.user} on {self.at:%d %b %Y %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()
