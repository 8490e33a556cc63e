"""Feedback about the work with a child, and the single-use links through which a family gives it (decision record
0019).

A piece of feedback belongs to one child and says what it is about: one of the child's visits, plans, conferences
or closed episodes, linked to that record, or something else in a few words. It says who gave it, whether it is
feedback, a compliment or a complaint, what they said in their own words and the themes it touches (``Theme``, a
fixed list so that a team's summary counts like with like). A compliment or complaint carries the response; a
complaint is closed only with its response and its outcome.

A ``FeedbackLink`` keeps only the SHA-256 of its token: the link is shown once to the worker who made it, and a
copy of the database cannot be used to give feedback. ``LinkTry`` rows count the tries at the public page from one
address, so that guessing tokens is slowed whatever process serves the request.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.lib.dates import PastEvent
from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

USER = settings.AUTH_USER_MODEL
ABOUT_OTHER_MAX_LENGTH = 200


class About(models.TextChoices):
    VISIT = "visit", "A visit"
    PLAN = "plan", "A plan"
    CONFERENCE = "conference", "A child protection conference"
    CLOSURE = "closure", "A closure"
    OTHER = "other", "Something else"


# The record each kind of subject links to (its field on the model); "other" is described in words instead.
ABOUT_FIELD = {About.VISIT: "visit", About.PLAN: "plan", About.CONFERENCE: "conference", About.CLOSURE: "episode"}


class Source(models.TextChoices):
    CHILD = "child", "The child or young person"
    PARENT_CARER = "parent_carer", "A parent or carer"
    PARTNER = "partner", "A partner agency"
    PRACTITIONER = "practitioner", "A practitioner"


class Kind(models.TextChoices):
    FEEDBACK = "feedback", "Feedback"
    COMPLIMENT = "compliment", "Compliment"
    COMPLAINT = "complaint", "Complaint"


class Theme(models.TextChoices):
    LISTENED_TO = "listened_to", "Being listened to"
    COMMUNICATION = "communication", "Communication"
    KEPT_INFORMED = "kept_informed", "Being kept informed"
    TIMELINESS = "timeliness", "Timeliness"
    RESPECT = "respect", "Respect"
    PLAN_HELPED = "plan_helped", "The plan helped"
    SUPPORT = "support", "The help and support given"
    CHANGE_OF_WORKER = "change_of_worker", "Changes of worker"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class LinkFor(models.TextChoices):
    PARENT_CARER = "parent_carer", "A parent or carer"
    CHILD = "child", "The child or young person"


class AboutRecord(models.Model):
    """What the feedback is about: a kind, and the child's own record of that kind where there is one."""

    about = models.CharField(max_length=12, choices=About.choices, help_text="What the feedback is about.")
    visit = models.ForeignKey("casework.Visit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The visit, if about one.")
    plan = models.ForeignKey("casework.Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The plan, if about one.")
    conference = models.ForeignKey(
        "protection.ChildProtectionConference", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The child protection conference, if about one.",
    )
    episode = models.ForeignKey(
        "casework.Episode", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The closed episode, if about a closure.",
    )
    about_other = models.CharField(
        max_length=ABOUT_OTHER_MAX_LENGTH, blank=True, help_text="What it is about, in a few words, when it is about something else.",
    )

    class Meta:
        abstract = True

    @property
    def about_record(self):
        """The visit, plan, conference or closed episode it is about, or None."""
        name = ABOUT_FIELD.get(self.about)
        return getattr(self, name) if name else None

    def about_text(self) -> str:
        """What it is about, in words a reader of the record understands ("A visit on 3 March 2026")."""
        from .about import describe

        return describe(self.about, self.about_record, self.about_other)


class FeedbackLink(AboutRecord):
    """A single-use, expiring invitation for a family to give feedback, opened without signing in."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="feedback_links", help_text="The child it is about.")
    for_whom = models.CharField(max_length=12, choices=LinkFor.choices, help_text="Who it is for: a parent or carer, or the child.")
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the link's token, in hex; the token itself is never stored.")
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The team holding the child when the link was made.")
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="The worker who made the link.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the link was made.")
    expires_at = models.DateTimeField(help_text="When the link stops working.")
    used_at = models.DateTimeField(null=True, blank=True, help_text="When feedback was given through it; a link is used once.")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Feedback link {self.pk}"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at


class Feedback(AboutRecord):
    """One piece of feedback, compliment or complaint about the work with a child."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="feedback", help_text="The child it is about.")
    source = models.CharField(max_length=14, choices=Source.choices, help_text="Who gave it.")
    kind = models.CharField(max_length=10, choices=Kind.choices, help_text="Feedback, a compliment or a complaint.")
    received_on = models.DateField(db_index=True, validators=[PastEvent("Date received")], help_text="When it was received.")
    said = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What they said, in their own words where possible.")
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The team holding the child when it was received: whose summary counts it.",
    )
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it; empty when given through a link.")
    link = models.OneToOneField(
        FeedbackLink, null=True, blank=True, on_delete=models.PROTECT, related_name="feedback", help_text="The link it was given through, if any.",
    )
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")
    response = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="The response to a compliment or complaint.")
    responded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who responded.")
    responded_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date of the response")], help_text="When they responded.")
    outcome = models.CharField(max_length=14, choices=Outcome.choices, blank=True, help_text="A complaint's outcome.")
    closed_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date closed")], help_text="When a complaint was closed.")

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(said=""), name="feedback_said_given"),
            models.CheckConstraint(condition=Q(recorded_by__isnull=False) | Q(link__isnull=False), name="feedback_recorded_or_given"),
            models.CheckConstraint(condition=Q(outcome="") | Q(kind=Kind.COMPLAINT), name="feedback_outcome_only_for_complaints"),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | (Q(kind=Kind.COMPLAINT) & ~Q(response="") & ~Q(outcome="")),
                name="feedback_complaint_closed_with_response_and_outcome",
            ),
            max_length_check("said", SHORT_TEXT_MAX_LENGTH),
            max_length_check("response", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.get_source_display().lower()}"

    @property
    def is_open_complaint(self) -> bool:
        return self.kind == Kind.COMPLAINT and self.closed_on is None

    @property
    def through_link(self) -> bool:
        return self.link_id is not None

    def theme_labels(self) -> list[str]:
        return [Theme(row.theme).label for row in self.themes.all()]


class FeedbackTheme(models.Model):
    """A theme the feedback touches, one row each, so that a team's summary counts them in the database."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="themes", help_text="The feedback.")
    theme = models.CharField(max_length=20, choices=Theme.choices, help_text="The theme.")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["feedback", "theme"], name="feedback_theme_once")]

    def __str__(self) -> str:
        return self.get_theme_display()


class LinkTry(models.Model):
    """One request to the public feedback page, by address: the rate limit counts these (bookkeeping, not the record,
    so not captured in the audit log; rows older than the window are removed as new ones come)."""

    audit_captured = False

    address = models.GenericIPAddressField(null=True, blank=True, help_text="The address the request came from.")
    at = models.DateTimeField(default=timezone.now, help_text="When.")
    bad_token = models.BooleanField(default=False, help_text="Whether the token matched no link.")

    class Meta:
        indexes = [models.Index(fields=["address", "at"])]

    def __str__(self) -> str:
        return f"Try from {self.address} at {self.at:%H:%M:%S}"
