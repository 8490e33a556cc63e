"""Episodes of help on the child's one record, who holds them, assessments, plans, visits and notes."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.codelists.lookup import label
from journey.codelists.validators import InCodeList
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .codes import AbuseCategory, AssessmentDecision, ClosureReason, Decision, Direction, EpisodeKind, NoteKind, PlanKind

USER = settings.AUTH_USER_MODEL


class Episode(models.Model):
    """A period of help on a child's record. Episodes come and go; the child's record is never reopened anew."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="episodes", help_text="The child helped.")
    kind = models.CharField(max_length=20, choices=EpisodeKind.choices, help_text="What sort of help.")
    started_on = models.DateField(db_index=True, validators=[PastEvent("Start date")], help_text="When the episode began.")
    ended_on = models.DateField(
        null=True, blank=True, db_index=True, validators=[PastEvent("End date")], help_text="When it ended; empty while open."
    )
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True, help_text="Why it ended.")
    closure_note = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Anything more about why it ended.")
    referral = models.ForeignKey(
        "frontdoor.Referral", null=True, blank=True, on_delete=models.SET_NULL, related_name="episodes",
        help_text="The referral that began it, if any.",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="episodes",
        help_text="The team or unit responsible for the episode; its manager allocates a lead practitioner.",
    )
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who opened it.")
    opened_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded as opened.")
    closed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who closed it.")

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")), name="episode_ends_after_start"),
            models.UniqueConstraint(fields=["child", "kind"], condition=Q(ended_on__isnull=True), name="one_open_episode_per_kind"),
            max_length_check("closure_note", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    def current_allocation(self) -> "Allocation | None":
        """The allocation held now (see ``AllocationQuerySet.current``), from prefetched allocations if any."""
        if not self.is_open:
            return None
        return next((a for a in self.allocations.all() if a.ended_on is None), None)


class AllocationQuerySet(models.QuerySet):
    def current(self) -> "AllocationQuerySet":
        """Allocations held now: not handed on, on an open episode. The one definition of "the current
        allocation", used by pages, lists, the API and access alike."""
        return self.filter(ended_on__isnull=True, episode__ended_on__isnull=True)

    def current_or_closed_after(self, day) -> "AllocationQuerySet":
        """Held now, or held when their episode closed after ``day`` (closing ends the allocation that day), for
        those who finish a closure after it."""
        closing = Q(episode__ended_on__gt=day, ended_on=models.F("episode__ended_on"))
        # The same rows; said of the allocation alone too, so the database drops handed-on allocations (most of a
        # team's history) by index before it looks up their episodes.
        held_lately = Q(ended_on__isnull=True) | Q(ended_on__gt=day)
        return self.filter(held_lately).filter(Q(ended_on__isnull=True, episode__ended_on__isnull=True) | closing)


class Allocation(models.Model):
    """Who holds an episode, and from when. Kept as history so continuity of worker can be measured."""

    objects = AllocationQuerySet.as_manager()

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="allocations", help_text="The episode.")
    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="allocations", help_text="The lead practitioner.")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="allocations", help_text="Their team or unit.")
    started_on = models.DateField(validators=[PastEvent("Allocation date")], help_text="When they took it on.")
    ended_on = models.DateField(
        null=True, blank=True, db_index=True, validators=[PastEvent("End date")],
        help_text="When they handed it on; empty while they hold it.",
    )
    allocated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who allocated it (a manager, or the worker who opened the episode); empty for allocations recorded before this was kept.",
    )
    allocated_at = models.DateTimeField(
        null=True, blank=True,
        help_text="When the allocation was recorded, so the chronology sorts it after what caused it; empty for older rows.",
    )

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")), name="allocation_ends_after_start"),
            models.UniqueConstraint(fields=["episode"], condition=Q(ended_on__isnull=True), name="one_current_allocation"),
        ]


ASSESSMENT_TEXTS = (
    "developmental_needs_strengths",
    "developmental_needs_worries",
    "parenting_capacity_strengths",
    "parenting_capacity_worries",
    "family_environment_strengths",
    "family_environment_worries",
    "childs_views",
    "analysis",
)


class Assessment(models.Model):
    """A single assessment (no initial/core split) structured by the Assessment Framework's three domains."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="assessments", help_text="The child assessed.")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="assessments", help_text="The episode it belongs to.")
    started_on = models.DateField(validators=[PastEvent("Start date")], help_text="When the assessment began.")
    developmental_needs_strengths = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The child's developmental needs: what is going well.")
    developmental_needs_worries = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The child's developmental needs: what we are worried about.")
    parenting_capacity_strengths = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Parenting capacity: strengths.")
    parenting_capacity_worries = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Parenting capacity: worries.")
    family_environment_strengths = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Family and environmental factors: strengths.")
    family_environment_worries = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Family and environmental factors: worries.")
    childs_views = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What the child has said, in their own words.")
    analysis = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The practitioner's analysis: what it means for the child.")
    decision = models.CharField(max_length=20, choices=AssessmentDecision.choices, blank=True, help_text="What happens next.")
    primary_need = models.CharField(
        max_length=2, blank=True, validators=[InCodeList("cin.primary_need", "Primary need")],
        help_text="The main reason the child needs services, as the census records it (cin.primary_need); needed to "
        "complete an assessment that finds the child in need.",
    )
    factors = models.JSONField(
        default=list, blank=True, validators=[InCodeList("cin.assessment_factor", "Factors")],
        help_text="What the assessment found, as the census's factor codes (cin.assessment_factor): chosen where they "
        "describe what was found, never a checklist to complete; empty for none chosen.",
    )
    completed_on = models.DateField(null=True, blank=True, validators=[PastEvent("Completion date")], help_text="When the practitioner completed it.")
    authorised_on = models.DateField(null=True, blank=True, validators=[PastEvent("Authorisation date")], help_text="When a manager authorised it.")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="assessments", help_text="The practitioner writing it.")
    authorised_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The manager who authorised it.")
    authorisation_reasons = BoundedTextField(
        max_length=SHORT_TEXT_MAX_LENGTH, blank=True,
        help_text="The manager's reasons for authorising it: what they weighed in the practitioner's analysis and "
        "decision (empty until authorised; required to authorise).",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            *(max_length_check(name, LONG_TEXT_MAX_LENGTH) for name in ASSESSMENT_TEXTS),
            max_length_check("authorisation_reasons", SHORT_TEXT_MAX_LENGTH),
        ]
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return f"Assessment started {self.started_on:%d %b %Y}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None

    def primary_need_label(self) -> str:
        return label("cin.primary_need", self.primary_need) if self.primary_need else ""

    def factor_labels(self) -> list[str]:
        return [label("cin.assessment_factor", code) for code in self.factors]

    def current_by_when(self) -> "ByWhen | None":
        """The latest 'by when' set; from prefetched dates if any (an assessment has a handful)."""
        return max(self.by_when_dates.all(), key=lambda by_when: (by_when.set_at, by_when.pk), default=None)


class ByWhen(models.Model):
    """A 'by when' date the practitioner and manager set for this child's assessment, with their reason.

    There are no national timescales: each change is a new row, so the history of why the date moved stays.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="by_when_dates", help_text="The assessment.")
    due_on = models.DateField(validators=[PlannedDate("'By when' date")], help_text="When the work should be done by, for this child.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why this date is right for this child (or why it changed).")
    set_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who set it.")
    set_at = models.DateTimeField(default=timezone.now, help_text="When it was set.")

    class Meta:
        constraints = [max_length_check("reason", SHORT_TEXT_MAX_LENGTH)]
        ordering = ["-set_at", "-id"]


class Plan(models.Model):
    """A plan for the child (early help, child in need, child protection, care, pathway)."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="plans", help_text="The child.")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="plans", help_text="The episode it belongs to.")
    kind = models.CharField(max_length=20, choices=PlanKind.choices, help_text="What sort of plan.")
    category = models.CharField(max_length=3, choices=AbuseCategory.choices, blank=True, help_text="For a child protection plan: category of abuse.")
    started_on = models.DateField(validators=[PastEvent("Start date")], help_text="When the plan began.")
    ended_on = models.DateField(null=True, blank=True, validators=[PastEvent("End date")], help_text="When it ended.")
    what_needs_to_change = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="In plain words the family can read: what needs to change and who will help.")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote it.")

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")), name="plan_ends_after_start"),
            max_length_check("what_needs_to_change", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


PLAN_TEXTS = ("worries", "what_needs_to_change", "contingency", "childs_comments", "familys_comments", "review_note")
# What the family reads and the reading age is worked out from: the plan in the worker's words, not the family's own.
FAMILY_FACING_TEXTS = ("worries", "what_needs_to_change", "contingency")


class PlanVersion(models.Model):
    """One version of a plan's content, as written with the family. Never edited once saved: a review writes the
    next version, so what the family agreed to at each meeting stays readable. The plan's header (``Plan``) says
    what kind of plan it is and when it ran; ``Plan.what_needs_to_change`` follows the latest version."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions", help_text="The plan this is a version of.")
    number = models.PositiveSmallIntegerField(help_text="1 for the plan as first written, then 2, 3... for each review.")
    worries = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What we are worried about, in plain words the family can read.")
    what_needs_to_change = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What needs to change, in plain words the family can read.")
    contingency = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What will happen if things do not change.")
    childs_comments = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What the child said about the plan, in their own words.")
    familys_comments = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What the family said about the plan, in their own words.")
    review_note = BoundedTextField(
        max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="For a review: what has changed since the last version. Empty for the first.",
    )
    reviewed_on = models.DateField(
        null=True, blank=True, validators=[PastEvent("Date of the review")],
        help_text="The day of the review meeting this version came from; empty for the first version, which dates from the plan's start.",
    )
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote this version.")
    written_at = models.DateTimeField(default=timezone.now, help_text="When this version was saved.")

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="plan_version_number_from_one"),
            models.CheckConstraint(condition=Q(number=1) | Q(reviewed_on__isnull=False), name="plan_review_is_dated"),
            *(models.CheckConstraint(condition=~Q(**{name: ""}), name=f"plan_version_{name}_given")
              for name in FAMILY_FACING_TEXTS),
            *(max_length_check(name, LONG_TEXT_MAX_LENGTH) for name in PLAN_TEXTS),
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @property
    def is_review(self) -> bool:
        return self.number > 1


class PlanStep(models.Model):
    """Who does what, by when, and why that date: one line of a plan version, agreed with the family."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="steps", help_text="The plan version it belongs to.")
    number = models.PositiveSmallIntegerField(help_text="Its place in the list, from 1.")
    who = models.CharField(max_length=150, help_text="Who does it, as the family knows them: 'Mum', 'Health visitor', 'Alice (social worker)'.")
    does_what = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="What they will do, in plain words.")
    by_when = models.DateField(
        validators=[PlannedDate("'By when' date")],
        help_text="When it should be done by. Checked when the step is written: a step of an old version may now lie in the past.",
    )
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why this date is right for this child.")

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="plan_step_number_unique"),
            models.CheckConstraint(condition=~Q(who=""), name="plan_step_who_given"),
            models.CheckConstraint(condition=~Q(does_what=""), name="plan_step_does_what_given"),
            models.CheckConstraint(condition=~Q(reason=""), name="plan_step_reason_given"),
            max_length_check("does_what", SHORT_TEXT_MAX_LENGTH),
            max_length_check("reason", SHORT_TEXT_MAX_LENGTH),
        ]


class HouseholdVisit(models.Model):
    """One visit to a household, recorded once for the several children seen on it.

    Each child still has a ``Visit`` row of their own (seen, seen alone, their own words), so that everything asking
    about one child's visits (last seen, caseload lists, the chronology) reads them as before; this row only says
    which of those rows were one visit."""

    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who visited and recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")


class Visit(models.Model):
    """A visit to the child, recorded on one page. Whether the child was seen, and seen alone, is first-class."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="visits", help_text="The child visited.")
    visited_at = models.DateTimeField(db_index=True, validators=[PastEvent("Date of visit")], help_text="When the visit took place.")
    place = models.CharField(max_length=150, blank=True, help_text="Where, e.g. 'Home', 'School'.")
    who_was_present = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Who was there.")
    child_seen = models.BooleanField(help_text="Whether the child was seen.")
    child_seen_alone = models.BooleanField(help_text="Whether the child was seen on their own.")
    childs_words = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The child's own words: their wishes and feelings.")
    observations = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What the practitioner saw and heard.")
    next_steps = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What happens next, and who does it.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="visits_recorded", help_text="Who visited and recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")
    household_visit = models.ForeignKey(
        HouseholdVisit, null=True, blank=True, on_delete=models.PROTECT, related_name="visits",
        help_text="The visit to the household this child was seen on with other children, if any.",
    )

    class Meta:
        ordering = ["-visited_at"]
        # A child's visits newest first: when the child was last seen (and seen alone), for every caseload row.
        indexes = [models.Index(fields=["child", "-visited_at"], name="visit_child_newest")]
        constraints = [
            models.CheckConstraint(condition=Q(child_seen=True) | Q(child_seen_alone=False), name="seen_alone_implies_seen"),
            max_length_check("who_was_present", SHORT_TEXT_MAX_LENGTH),
            max_length_check("childs_words", LONG_TEXT_MAX_LENGTH),
            max_length_check("observations", LONG_TEXT_MAX_LENGTH),
            max_length_check("next_steps", LONG_TEXT_MAX_LENGTH),
        ]


def note_title(kind: str, direction: str, with_whom: str, subject: str) -> str:
    """A note's title on the chronology and its own page, saying what kind it is: "Phone call from school nurse",
    "Email to Mr Smith: school place". Read from plain values, so the chronology derives it without model objects.
    A case note's title is its heading, as it always was."""
    if kind == NoteKind.MEETING:
        return f"Meeting: {subject}" if subject else "Multi-agency meeting"
    if kind in NoteKind.exchanges():
        name = NoteKind(kind).label
        towards = {Direction.INCOMING: " from", Direction.OUTGOING: " to"}.get(direction, " with")  # type: ignore[call-overload]
        title = f"{name}{towards} {with_whom}" if with_whom else name
        return f"{title}: {subject}" if subject else title
    return subject


class CaseNote(models.Model):
    """Everyday recording about the child: a case note, a phone call, an email, a letter or a multi-agency meeting.

    One model for all five, told apart by ``kind``: they are read, listed and put on the chronology alike, and differ
    only in a few fields (a direction and the other party for calls, emails and letters; attendees for meetings)."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="case_notes", help_text="The child.")
    kind = models.CharField(max_length=20, choices=NoteKind.choices, default=NoteKind.NOTE, help_text="What sort of recording it is.")
    occurred_at = models.DateTimeField(db_index=True, validators=[PastEvent("Date")], help_text="When it happened.")
    direction = models.CharField(
        max_length=10, choices=Direction.choices, blank=True,
        help_text="For a call, email or letter: whether it came in to the worker or went out; empty otherwise.",
    )
    with_whom = models.CharField(
        max_length=150, blank=True,
        help_text="For a call, email or letter: who it was with, from or to, e.g. 'Jo Bell, school nurse'.",
    )
    subject = models.CharField(
        max_length=150, blank=True,
        help_text="A short heading; for a meeting, what the meeting was. Optional for calls, emails and letters.",
    )
    text = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What happened, was said or was agreed.")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        constraints = [
            max_length_check("text", LONG_TEXT_MAX_LENGTH),
            models.CheckConstraint(
                condition=Q(direction="") | Q(kind__in=sorted(NoteKind.exchanges())), name="case_note_direction_only_for_exchanges",
            ),
        ]
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return note_title(self.kind, self.direction, self.with_whom, self.subject)


class MeetingAttendee(models.Model):
    """Someone invited to a multi-agency meeting, by agency: who came, and who sent apologies."""

    case_note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="attendees", help_text="The meeting's note.")
    name = models.CharField(max_length=150, help_text="The person's name.")
    role = models.CharField(max_length=150, blank=True, help_text="Their role, e.g. 'Designated safeguarding lead'.")
    agency = models.CharField(max_length=150, help_text="The agency or family they came for, e.g. 'Oakfield Primary School', 'Family'.")
    sent_apologies = models.BooleanField(default=False, help_text="Whether they were invited but sent apologies instead of attending.")

    class Meta:
        ordering = ["sent_apologies", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="meeting_attendee_named"),
            models.CheckConstraint(condition=~Q(agency=""), name="meeting_attendee_has_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class AnsweredQuerySet(models.QuerySet):
    """Proposals (transfers, closures) that wait for a manager's answer."""

    def pending(self) -> "AnsweredQuerySet":
        return self.filter(decision=Decision.PENDING)


class Answered:
    """What a proposal with a ``decision`` can say of itself."""

    decision: str

    @property
    def is_pending(self) -> bool:
        return self.decision == Decision.PENDING


class Transfer(Answered, models.Model):
    """A proposal to move an episode to another team, and the receiving manager's answer.

    Kept as history, accepted or returned: the receiving team must agree before the work moves, so that no child is
    handed to a team that does not know it holds them, and the sender sees why a transfer came back."""

    objects = AnsweredQuerySet.as_manager()

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="transfers", help_text="The episode to move.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="+", help_text="The episode's child.")
    from_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+", help_text="The team holding the episode when it was proposed.")
    to_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="transfers_in", help_text="The team asked to take it.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why the episode should move to that team.")
    proposed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who proposed the transfer.")
    proposed_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When it was proposed.")
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING, help_text="Waiting, accepted or returned by the receiving team.",
    )
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The receiving manager who answered.")
    decided_at = models.DateTimeField(null=True, blank=True, help_text="When they answered; empty while waiting.")
    return_reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Why the receiving team returned it.")

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["episode"], condition=Q(decision=Decision.PENDING), name="one_pending_transfer_per_episode"),
            models.CheckConstraint(condition=~Q(from_team=models.F("to_team")), name="transfer_to_another_team"),
            models.CheckConstraint(
                condition=Q(decision=Decision.PENDING, decided_at__isnull=True) | Q(~Q(decision=Decision.PENDING), decided_at__isnull=False),
                name="transfer_decided_when_answered",
            ),
            max_length_check("reason", SHORT_TEXT_MAX_LENGTH),
            max_length_check("return_reason", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Transfer to {self.to_team}"


class ClosureProposal(Answered, models.Model):
    """A worker's proposal to close an episode (the date and the reason), and the manager line's answer.

    The episode closes only when a manager agrees (``closed_by`` is then the manager); a manager closing directly
    agrees their own proposal in one step, so every closure leaves the same history."""

    objects = AnsweredQuerySet.as_manager()

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="closure_proposals", help_text="The episode to close.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="+", help_text="The episode's child.")
    ended_on = models.DateField(validators=[PastEvent("End date")], help_text="The day the episode should end.")
    reason = models.CharField(max_length=20, choices=ClosureReason.choices, help_text="Why it should end.")
    note = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Anything more about why it should end.")
    proposed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who proposed the closure.")
    proposed_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When it was proposed.")
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING, help_text="Waiting, agreed (accepted) or sent back (returned).",
    )
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The manager who answered.")
    decided_at = models.DateTimeField(null=True, blank=True, help_text="When they answered; empty while waiting.")
    return_reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Why the manager sent it back.")
    agreed_reasons = BoundedTextField(
        max_length=SHORT_TEXT_MAX_LENGTH, blank=True,
        help_text="The manager's reasons for agreeing it (required to agree a worker's proposal; a manager's own closure "
        "gives its reasons in the note).",
    )

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["episode"], condition=Q(decision=Decision.PENDING), name="one_pending_closure_per_episode"),
            models.CheckConstraint(
                condition=Q(decision=Decision.PENDING, decided_at__isnull=True) | Q(~Q(decision=Decision.PENDING), decided_at__isnull=False),
                name="closure_decided_when_answered",
            ),
            max_length_check("note", SHORT_TEXT_MAX_LENGTH),
            max_length_check("return_reason", SHORT_TEXT_MAX_LENGTH),
            max_length_check("agreed_reasons", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Closure proposed for {self.ended_on:%d %b %Y}"
