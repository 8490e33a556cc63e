"""Systems case reviews in the SCIE "Learning Together" way (decision record 0021).

A review is commissioned for a child seriously harmed, or for a case of good practice, with terms of reference and a
bounded period. Its team reads the timeline built straight from the child's materialised chronology for that period
(every agency's entries, none outside it), marks key practice episodes on it, records for each what happened, why it
made sense to the people at the time and the contributory factors in the system, and writes findings about the
system. Findings and episodes are about the system, not the child: they never reach the child's chronology.
"""
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from journey.lib.dates import PastEvent
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

USER = settings.AUTH_USER_MODEL
TITLE_MAX_LENGTH = 200
MAX_PERIOD_DAYS = 18 * 366  # a childhood: a longer period is a typing slip


class ReviewReason(models.TextChoices):
    """Why a review is held. Source: Working Together to Safeguard Children (2023), chapter 5; SCIE Learning Together."""

    SERIOUS_HARM = "serious_harm", "A child seriously harmed"
    GOOD_PRACTICE = "good_practice", "A case of good practice"


class CaseReview(models.Model):
    """A systems case review of one child's case over a period, by a named team."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="case_reviews", help_text="The child whose case is reviewed.")
    reason = models.CharField(max_length=20, choices=ReviewReason.choices, help_text="Why the review is held.")
    terms_of_reference = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What the review asks, and what is outside it.")
    period_from = models.DateField(validators=[PastEvent("Start of the period")], help_text="The first day of the period reviewed.")
    period_to = models.DateField(validators=[PastEvent("End of the period")], help_text="The last day of the period reviewed.")
    commissioned_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="case_reviews_commissioned", help_text="The head of service who commissioned it.")
    commissioned_at = models.DateTimeField(default=timezone.now, help_text="When it was commissioned.")
    closed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who closed it, once closed.")
    closed_at = models.DateTimeField(null=True, blank=True, help_text="When it closed; the timeline is read only while it is open.")

    class Meta:
        ordering = ["-commissioned_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(period_from__lte=F("period_to")), name="case_review_period_in_order"),
            models.CheckConstraint(condition=~Q(terms_of_reference=""), name="case_review_terms_given"),
            max_length_check("terms_of_reference", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Case review {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ReviewMember(models.Model):
    """A named member of the review team: the local authority's staff or a partner agency's reviewer."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="members", help_text="The review.")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="case_review_memberships", help_text="The reviewer.")
    added_at = models.DateTimeField(default=timezone.now, help_text="When they joined the team.")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="case_review_member_once")]


class PracticeEpisode(models.Model):
    """A key practice episode the team marked on the timeline: what happened and why it made sense at the time."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="episodes", help_text="The review.")
    title = models.CharField(max_length=TITLE_MAX_LENGTH, help_text="A short name for the episode.")
    what_happened = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What happened in the episode.")
    why_it_made_sense = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="Why it made sense to the people involved at the time.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who marked it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was marked.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="practice_episode_titled"),
            max_length_check("what_happened", LONG_TEXT_MAX_LENGTH),
            max_length_check("why_it_made_sense", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.title


class EpisodeEntry(models.Model):
    """One timeline entry an episode is marked on, by the entry's key on the child's chronology."""

    episode = models.ForeignKey(PracticeEpisode, on_delete=models.CASCADE, related_name="entries", help_text="The episode.")
    entry_key = models.CharField(max_length=60, help_text="The chronology entry, as 'kind:id'.")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["episode", "entry_key"], name="practice_episode_entry_once")]


class FactorCategory(models.TextChoices):
    """Where in the system a contributory factor lies. Source: SCIE Learning Together (Fish, Munro and Bairstow, 2008)."""

    TOOLS = "tools", "Tools"
    WORKLOAD = "workload", "Workload"
    INTER_AGENCY = "inter_agency", "Communication between agencies"
    FAMILY_PROFESSIONAL = "family_professional", "Family and professional interaction"
    MANAGEMENT = "management", "Management systems"


class ContributoryFactor(models.Model):
    """A factor in the system that contributed to an episode, in one of the categories."""

    episode = models.ForeignKey(PracticeEpisode, on_delete=models.CASCADE, related_name="factors", help_text="The episode.")
    category = models.CharField(max_length=30, choices=FactorCategory.choices, help_text="Where in the system the factor lies.")
    description = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="How it contributed.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="contributory_factor_described"),
            max_length_check("description", SHORT_TEXT_MAX_LENGTH),
        ]


class ReviewFinding(models.Model):
    """A finding about the system, drawn from one or more episodes. It has no person field: it is about patterns,
    not individuals, and a finding that names a practitioner, a reviewer or the family is refused."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="findings", help_text="The review.")
    title = models.CharField(max_length=TITLE_MAX_LENGTH, help_text="The finding in a sentence.")
    pattern = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="The pattern in the system the finding describes.")
    evidence = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What else shows the pattern, beside the episodes.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was written.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="review_finding_titled"),
            models.CheckConstraint(condition=~Q(pattern=""), name="review_finding_pattern_given"),
            max_length_check("pattern", LONG_TEXT_MAX_LENGTH),
            max_length_check("evidence", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.title


class FindingEpisode(models.Model):
    """An episode a finding draws on (a row of its own, so each link is saved and audited like any change)."""

    finding = models.ForeignKey(ReviewFinding, on_delete=models.CASCADE, related_name="drawn_on", help_text="The finding.")
    episode = models.ForeignKey(PracticeEpisode, on_delete=models.PROTECT, related_name="+", help_text="The episode it draws on.")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["finding", "episode"], name="finding_episode_once")]
