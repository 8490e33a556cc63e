"""Reflective supervision: a session between a practitioner and their manager, the children discussed in it, and the
decisions taken about each child (decision record 0017). Social work units' weekly meetings: who attended and an
entry per child discussed (decision record 0018).

The prompts are asked, never forced: each answer is optional. The practitioner's feelings about the family
(``SupervisionDiscussion.feelings``) are private to supervision: they are about the practitioner, not the child, so
they stay in the supervision record, read only by the practitioner, the supervisor and the manager line, and never
reach the child's chronology or another reader of the child's record. The decisions, their rationale and who is
responsible are the child's: they go onto the chronology (``chronology.py``).
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

USER = settings.AUTH_USER_MODEL
PROMPT_MAX_LENGTH = 10_000

PROMPTS = ("happening", "gut_feeling", "alternative", "change_mind", "child_says", "feelings")


class SupervisionSession(models.Model):
    """One supervision of a practitioner by one of their managers, on one day."""

    practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="supervisions", help_text="The practitioner supervised.")
    supervisor = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="supervisions_given",
        help_text="The manager who supervised: the team manager of the practitioner's team or a manager above it.",
    )
    held_on = models.DateField(db_index=True, validators=[PastEvent("Date of the supervision")], help_text="When the supervision was held.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(practitioner=models.F("supervisor")), name="supervision_not_of_oneself")]

    def __str__(self) -> str:
        return f"Supervision on {self.held_on:%d %b %Y}"


def _prompt(help_text: str) -> BoundedTextField:
    return BoundedTextField(max_length=PROMPT_MAX_LENGTH, blank=True, help_text=help_text)


class SupervisionDiscussion(models.Model):
    """One child discussed in a session, with the practitioner's answers to the reflective prompts (each optional)."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="discussions", help_text="The session.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="supervision_discussions", help_text="The child discussed.")
    episode = models.ForeignKey(
        "casework.Episode", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The child's episode discussed, if one; empty otherwise.",
    )
    happening = _prompt("What the practitioner thinks is happening, and why.")
    gut_feeling = _prompt("The practitioner's gut feeling, and what it is based on.")
    alternative = _prompt("What else could explain what we see: the alternative hypothesis, asked for and never forced.")
    change_mind = _prompt("What would change the practitioner's mind.")
    child_says = _prompt("What the child says.")
    feelings = _prompt(
        "How the practitioner is feeling about this family. Private to supervision: read by the practitioner, the "
        "supervisor and the manager line, never on the child's record.",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "child"], name="supervision_child_once_per_session"),
            *(max_length_check(name, PROMPT_MAX_LENGTH) for name in PROMPTS),
        ]

    def __str__(self) -> str:
        return f"Discussion of child {self.child_id}"

    @property
    def no_alternative(self) -> bool:
        """Whether no alternative hypothesis was given: the record notes it, the form never refuses it."""
        return not self.alternative.strip()


class SupervisionDecision(models.Model):
    """A decision about the child taken in supervision: what, why, who is responsible and (optionally) by when."""

    discussion = models.ForeignKey(SupervisionDiscussion, on_delete=models.CASCADE, related_name="decisions", help_text="The discussion.")
    decision = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What was decided.")
    rationale = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Why it was decided.")
    responsible = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who is responsible for it.")
    by_when = models.DateField(null=True, blank=True, validators=[PlannedDate("By when")], help_text="By when, if a date was set.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(decision=""), name="supervision_decision_given"),
            max_length_check("decision", SHORT_TEXT_MAX_LENGTH),
            max_length_check("rationale", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.decision[:60]


class UnitMeeting(models.Model):
    """A social work unit's weekly meeting, recorded once: who of the unit attended, and a short entry per child
    discussed (decision record 0018). Each entry lands on its own child's chronology."""

    unit = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="unit_meetings", help_text="The social work unit that met.",
    )
    held_on = models.DateField(db_index=True, validators=[PastEvent("Date of the meeting")], help_text="When the unit met.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["unit", "held_on"], name="unit_meeting_once_a_day")]

    def __str__(self) -> str:
        return f"Unit meeting on {self.held_on:%d %b %Y}"


class UnitMeetingAttendance(models.Model):
    """One member of the unit at one of its meetings."""

    meeting = models.ForeignKey(UnitMeeting, on_delete=models.CASCADE, related_name="attendance", help_text="The meeting.")
    member = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="The member of the unit who attended.")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="unit_meeting_attended_once")]

    def __str__(self) -> str:
        return f"Member {self.member_id} at meeting {self.meeting_id}"


class UnitMeetingEntry(models.Model):
    """One child discussed at a unit meeting: what was discussed, what was agreed, who will do it and by when."""

    meeting = models.ForeignKey(UnitMeeting, on_delete=models.CASCADE, related_name="entries", help_text="The meeting.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="unit_meeting_entries", help_text="The child discussed.")
    discussed = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What the unit discussed about the child.")
    agreed = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="What the unit agreed to do, if anything.")
    responsible = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The member of the unit who will do what was agreed; empty when nothing was agreed.",
    )
    by_when = models.DateField(null=True, blank=True, validators=[PlannedDate("By when")], help_text="By when, if a date was set.")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "unit meeting entries"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "child"], name="unit_meeting_child_once"),
            models.CheckConstraint(condition=~Q(discussed=""), name="unit_meeting_entry_discussed"),
            max_length_check("discussed", SHORT_TEXT_MAX_LENGTH),
            max_length_check("agreed", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return self.discussed[:60]
