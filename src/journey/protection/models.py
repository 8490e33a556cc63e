"""Strategy discussions and the section 47 enquiries they decide, on the child's one record.

Child protection conferences hang from these: an initial conference from the enquiry that called it
(``Section47Enquiry.conference_needed``), a review conference from the plan it reviews. The plan itself is casework's
(``casework.Plan``, written with the family); its category of abuse or neglect, given by each conference, is kept
here with its history (``PlanCategoryChange``), and the reports partner agencies send a conference (``ConferenceReport``). Between conferences the plan's core
group meets (``CoreGroupMeeting``, ``CoreGroupMember``) to take it forward.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.casework.codes import PlanKind
from journey.codelists.validators import InCodeList
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .codes import CATEGORY_LIST, EXPECTED_AGENCIES, ChildHeard, ConferenceDecision, ConferenceKind, StrategyDecision

USER = settings.AUTH_USER_MODEL


class StrategyDiscussion(models.Model):
    """Children's social care, the police and health (and others who know the child) share what they know and decide
    whether to make enquiries under section 47. A further discussion follows an earlier one (``previous``)."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="strategy_discussions", help_text="The child discussed.")
    episode = models.ForeignKey(
        "casework.Episode", on_delete=models.PROTECT, related_name="strategy_discussions",
        help_text="The open child in need, child protection or looked after episode it was held in.",
    )
    held_at = models.DateTimeField(db_index=True, validators=[PastEvent("Date of the discussion")], help_text="When the discussion was held.")
    what_was_shared = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What each agency shared about the child and family.")
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices, help_text="What the discussion decided.")
    reasons = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="Why the discussion decided as it did.")
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="further",
        help_text="The earlier discussion this one follows, for a further strategy discussion; empty for the first.",
    )
    referral = models.ForeignKey(
        "frontdoor.Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The front door's referral that decided a strategy discussion, if it called this one.",
    )
    assessment = models.ForeignKey(
        "casework.Assessment", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The assessment that decided a strategy discussion, if it called this one.",
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        ordering = ["-held_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(decision__in=StrategyDecision.values), name="strategy_discussion_decided"),
            models.CheckConstraint(condition=~Q(reasons=""), name="strategy_discussion_reasons_given"),
            models.CheckConstraint(condition=~Q(what_was_shared=""), name="strategy_discussion_sharing_given"),
            max_length_check("what_was_shared", LONG_TEXT_MAX_LENGTH),
            max_length_check("reasons", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Strategy discussion on {timezone.localtime(self.held_at):%d %b %Y}"

    @property
    def decided_section_47(self) -> bool:
        return self.decision == StrategyDecision.SECTION_47

    def missing_agencies(self) -> list[str]:
        """The agencies Working Together expects (police, health) from which no one took part: shown as a warning
        on the discussion's page, its chronology entry and the export, never a refusal."""
        present = {p.agency.kind for p in self.participants.all() if not p.sent_apologies}
        return [kind.label.lower() for kind in EXPECTED_AGENCIES if kind not in present]


class StrategyParticipant(models.Model):
    """Someone invited to a strategy discussion, by agency: who took part, and who sent apologies. A participant who
    uses Journey (``user``) and took part sees the discussion on their agency's shared page for the child."""

    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="participants", help_text="The discussion.")
    name = models.CharField(max_length=150, help_text="The person's name.")
    role = models.CharField(max_length=150, blank=True, help_text="Their role, e.g. 'Detective sergeant, child abuse investigation'.")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+", help_text="The agency they took part for.")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="strategy_discussions",
        help_text="Their Journey account, when they have one (found by their email address); empty otherwise.",
    )
    sent_apologies = models.BooleanField(default=False, help_text="Whether they were invited but sent apologies instead of taking part.")

    class Meta:
        ordering = ["sent_apologies", "id"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="strategy_participant_named")]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class Section47Enquiry(models.Model):
    """Enquiries under section 47 of the Children Act 1989, decided by a strategy discussion: what they found, and
    the outcome (concerns substantiated, continuing risk of significant harm, an initial conference needed) with the
    reasons. No national timescale turns anything red: the practitioner's "by when" and its reason stand instead."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="section_47_enquiries", help_text="The child.")
    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="section_47_enquiries", help_text="The episode it belongs to.")
    strategy_discussion = models.OneToOneField(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="enquiry", help_text="The strategy discussion that decided it.",
    )
    started_on = models.DateField(validators=[PastEvent("Start date")], help_text="When the enquiry began.")
    findings = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="What the enquiry found; given when it is completed.")
    concerns_substantiated = models.BooleanField(null=True, blank=True, help_text="Whether the concerns were substantiated; empty until completed.")
    continuing_risk = models.BooleanField(
        null=True, blank=True, help_text="Whether the child is judged to be at continuing risk of significant harm; empty until completed.",
    )
    conference_needed = models.BooleanField(null=True, blank=True, help_text="Whether an initial child protection conference is needed; empty until completed.")
    outcome_reasons = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="Why the outcome is what it is; required to complete.")
    completed_on = models.DateField(null=True, blank=True, validators=[PastEvent("Completion date")], help_text="When it was completed; empty while open.")
    child_seen = models.BooleanField(null=True, blank=True, help_text="Whether the child was seen during the enquiry; empty until completed.")
    child_seen_alone = models.BooleanField(null=True, blank=True, help_text="Whether the child was seen alone during the enquiry; empty until completed.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who started it.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was started on the record.")
    completed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who completed it.")
    completed_at = models.DateTimeField(null=True, blank=True, help_text="When it was completed on the record.")

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            models.CheckConstraint(
                condition=Q(child_seen_alone__isnull=True) | Q(child_seen_alone=False) | Q(child_seen=True),
                name="enquiry_seen_alone_implies_seen",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=models.F("started_on")), name="enquiry_completed_after_start",
            ),
            models.CheckConstraint(
                condition=Q(
                    completed_on__isnull=True, completed_by__isnull=True, concerns_substantiated__isnull=True,
                    continuing_risk__isnull=True, conference_needed__isnull=True, child_seen__isnull=True, child_seen_alone__isnull=True,
                ) | (Q(
                    completed_on__isnull=False, completed_by__isnull=False, concerns_substantiated__isnull=False,
                    continuing_risk__isnull=False, conference_needed__isnull=False, child_seen__isnull=False, child_seen_alone__isnull=False,
                ) & ~Q(outcome_reasons="") & ~Q(findings="")),
                name="enquiry_outcome_whole_when_completed",
            ),
            max_length_check("findings", LONG_TEXT_MAX_LENGTH),
            max_length_check("outcome_reasons", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry started {self.started_on:%d %b %Y}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None

    def current_by_when(self) -> "EnquiryByWhen | None":
        return max(self.by_when_dates.all(), key=lambda by_when: (by_when.set_at, by_when.pk), default=None)


class EnquiryByWhen(models.Model):
    """A 'by when' date the practitioner set for this child's enquiry, with their reason. Each change is a new row,
    so why the date moved stays readable; no national timescale is applied."""

    enquiry = models.ForeignKey(Section47Enquiry, on_delete=models.CASCADE, related_name="by_when_dates", help_text="The enquiry.")
    due_on = models.DateField(validators=[PlannedDate("'By when' date")], help_text="When the enquiry should be completed by, for this child.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why this date is right for this child (or why it changed).")
    set_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who set it.")
    set_at = models.DateTimeField(default=timezone.now, help_text="When it was set.")

    class Meta:
        ordering = ["-set_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="enquiry_by_when_reason_given"),
            max_length_check("reason", SHORT_TEXT_MAX_LENGTH),
        ]


class ChildProtectionConference(models.Model):
    """An initial or review child protection conference: who chaired it (independent of the case's line management),
    who came and who sent apologies, how the child's views were heard, the parents' views, the decision with its
    reasons and, where the child has a plan, its category. The conference's date is shown beside the enquiry's;
    no national timescale turns anything red."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="conferences", help_text="The child.")
    episode = models.ForeignKey(
        "casework.Episode", on_delete=models.PROTECT, related_name="conferences",
        help_text="The episode the conference was called in: the enquiry's for an initial conference, the plan's for a review.",
    )
    kind = models.CharField(max_length=10, choices=ConferenceKind.choices, help_text="Initial or review conference.")
    enquiry = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences",
        help_text="For an initial conference: the section 47 enquiry that found one needed. Empty for a review.",
    )
    plan = models.ForeignKey(
        "casework.Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="conferences",
        help_text="The child protection plan the conference reviewed, or the one an initial conference made; empty when none.",
    )
    held_on = models.DateField(db_index=True, validators=[PastEvent("Date of the conference")], help_text="The day the conference was held.")
    starts_at = models.TimeField(help_text="The time the conference began.")
    chair = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="conferences_chaired",
        help_text="The child protection chair, independent of the case's line management.",
    )
    child_heard = models.CharField(max_length=20, choices=ChildHeard.choices, help_text="How the conference heard the child's views.")
    childs_views = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The child's views, in their own words where possible.")
    parents_views = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The parents' views of the concerns and the decision.")
    decision = models.CharField(max_length=10, choices=ConferenceDecision.choices, help_text="What the conference decided.")
    category = models.CharField(
        max_length=3, blank=True, validators=[InCodeList(CATEGORY_LIST, "Category of abuse or neglect")],
        help_text="The plan's category of abuse or neglect (DfE code), when the child has a plan after the conference.",
    )
    reasons = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="Why the conference decided as it did.")
    minutes = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="The conference's minutes, or a summary of them.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded the conference.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        ordering = ["-held_on", "-starts_at", "-id"]
        verbose_name = "child protection conference"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ConferenceKind.values), name="conference_kind_known"),
            models.CheckConstraint(
                condition=Q(kind=ConferenceKind.INITIAL, enquiry__isnull=False, decision__in=[ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN])
                | Q(kind=ConferenceKind.REVIEW, plan__isnull=False, decision__in=[ConferenceDecision.CONTINUE, ConferenceDecision.END]),
                name="conference_decision_fits_kind",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=[ConferenceDecision.PLAN, ConferenceDecision.CONTINUE], plan__isnull=False) & ~Q(category="")
                | Q(decision__in=[ConferenceDecision.NO_PLAN, ConferenceDecision.END], category=""),
                name="conference_category_with_plan",
            ),
            models.CheckConstraint(condition=~Q(reasons=""), name="conference_reasons_given"),
            max_length_check("childs_views", LONG_TEXT_MAX_LENGTH),
            max_length_check("parents_views", LONG_TEXT_MAX_LENGTH),
            max_length_check("reasons", LONG_TEXT_MAX_LENGTH),
            max_length_check("minutes", LONG_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%d %b %Y}"

    @property
    def made_or_kept_plan(self) -> bool:
        return self.decision in (ConferenceDecision.PLAN, ConferenceDecision.CONTINUE)


class ConferenceAttendee(models.Model):
    """Someone invited to a conference, by agency: who came, who sent apologies, and whether their agency's report
    reached the conference. An attendee who uses Journey (``user``) and came sees the conference's date, outcome and
    agencies on their agency's shared page for the child, never its minutes."""

    conference = models.ForeignKey(ChildProtectionConference, on_delete=models.CASCADE, related_name="attendees", help_text="The conference.")
    name = models.CharField(max_length=150, help_text="The person's name.")
    role = models.CharField(max_length=150, blank=True, help_text="Their role, e.g. 'Designated safeguarding lead'.")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+", help_text="The agency they came for.")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences_attended",
        help_text="Their Journey account, when they have one (found by their email address); empty otherwise.",
    )
    sent_apologies = models.BooleanField(default=False, help_text="Whether they were invited but sent apologies instead of coming.")
    report_submitted = models.BooleanField(default=False, help_text="Whether their agency's report for the conference was submitted.")

    class Meta:
        ordering = ["sent_apologies", "id"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="conference_attendee_named")]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class PlanCategoryChange(models.Model):
    """The category of a child protection plan from a day on, as a conference gave it: the initial conference's
    first, then each review that changed it. Every row is kept, so the initial and the latest category are both
    known, and the plan's category on any day can be read back."""

    plan = models.ForeignKey("casework.Plan", on_delete=models.PROTECT, related_name="category_changes", help_text="The child protection plan.")
    category = models.CharField(
        max_length=3, validators=[InCodeList(CATEGORY_LIST, "Category of abuse or neglect")],
        help_text="The category of abuse or neglect (DfE code) from this day.",
    )
    from_date = models.DateField(help_text="The day the category applies from: the conference's day.")
    conference = models.OneToOneField(
        ChildProtectionConference, on_delete=models.PROTECT, related_name="category_change", help_text="The conference that gave it.",
    )

    class Meta:
        ordering = ["plan", "from_date", "id"]
        constraints = [models.CheckConstraint(condition=~Q(category=""), name="plan_category_given")]

    def __str__(self) -> str:
        return f"{self.category} from {self.from_date:%d %b %Y}"


class ConferenceReport(models.Model):
    """A partner agency's report for a child protection conference, sent from its own page before the conference
    (``report_actions``): for the initial conference an enquiry called (``enquiry``) or the next review of a plan
    (``plan``). Recording the conference makes it one of the conference's reports (``conference``). The agency's own
    words: nobody else edits it."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="conference_reports", help_text="The child.")
    enquiry = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="conference_reports",
        help_text="The enquiry whose initial conference it is for; empty for a review.",
    )
    plan = models.ForeignKey(
        "casework.Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="conference_reports",
        help_text="The child protection plan whose review it is for; empty for an initial conference.",
    )
    conference = models.ForeignKey(
        ChildProtectionConference, null=True, blank=True, on_delete=models.PROTECT, related_name="reports",
        help_text="The conference it went to, once recorded; empty while the conference is to come.",
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+", help_text="The agency whose report it is.")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who wrote and sent it.")
    what_we_know = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What the agency knows about the child and family.")
    worries = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What the agency is worried about.")
    going_well = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What is going well for the child.")
    shared_with_family = models.BooleanField(help_text="Whether the agency shared the report with the family before the conference.")
    submitted_at = models.DateTimeField(default=timezone.now, help_text="When it was sent.")

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(enquiry__isnull=False, plan__isnull=True) | Q(enquiry__isnull=True, plan__isnull=False),
                name="conference_report_for_one_conference",
            ),
            *(models.CheckConstraint(condition=~Q(**{name: ""}), name=f"conference_report_{name}_given")
              for name in ("what_we_know", "worries", "going_well")),
            *(max_length_check(name, LONG_TEXT_MAX_LENGTH) for name in ("what_we_know", "worries", "going_well")),
        ]

    def __str__(self) -> str:
        return f"Report from agency {self.agency_id} for child {self.child_id}"


class CoreGroupMeeting(models.Model):
    """A meeting of a child protection plan's core group: the lead social worker, the family and the professionals
    who know the child, meeting within ten working days of the initial conference and then regularly to take the
    plan forward (Working Together 2023). What has changed against the plan, how the child's views were heard and
    what the group decided next are recorded by the child's worker (``core_group_actions``); no national timescale
    turns anything red."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="core_group_meetings", help_text="The child.")
    plan = models.ForeignKey(
        "casework.Plan", on_delete=models.PROTECT, related_name="core_group_meetings", limit_choices_to={"kind": PlanKind.CHILD_PROTECTION},
        help_text="The child protection plan the core group takes forward.",
    )
    episode = models.ForeignKey(
        "casework.Episode", on_delete=models.PROTECT, related_name="core_group_meetings", help_text="The plan's episode, when the meeting was held.",
    )
    held_on = models.DateField(db_index=True, validators=[PastEvent("Date of the meeting")], help_text="The day the core group met.")
    starts_at = models.TimeField(help_text="The time the meeting began.")
    progress = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What has changed against the plan since the last meeting.")
    childs_views = BoundedTextField(
        max_length=LONG_TEXT_MAX_LENGTH, blank=True, help_text="How the child's views were heard and what they said, in their own words where possible.",
    )
    decisions = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What the core group decided, and the next steps: who does what.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", help_text="Who recorded the meeting.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    class Meta:
        ordering = ["-held_on", "-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(progress=""), name="core_group_progress_given"),
            models.CheckConstraint(condition=~Q(decisions=""), name="core_group_decisions_given"),
            *(max_length_check(name, LONG_TEXT_MAX_LENGTH) for name in ("progress", "childs_views", "decisions")),
        ]

    def __str__(self) -> str:
        return f"Core group meeting on {self.held_on:%d %b %Y}"


class CoreGroupMember(models.Model):
    """Someone in the core group, by agency: who came to a meeting and who sent apologies. A member who uses Journey
    (``user``) and came sees the meeting's date and the agencies on their agency's shared page, never its record."""

    meeting = models.ForeignKey(CoreGroupMeeting, on_delete=models.CASCADE, related_name="members", help_text="The meeting.")
    name = models.CharField(max_length=150, help_text="The person's name.")
    role = models.CharField(max_length=150, blank=True, help_text="Their role, e.g. 'Health visitor', or 'Mum'.")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+", help_text="The agency they came for.")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="core_group_meetings",
        help_text="Their Journey account, when they have one (found by their email address); empty otherwise.",
    )
    sent_apologies = models.BooleanField(default=False, help_text="Whether they were invited but sent apologies instead of coming.")

    class Meta:
        ordering = ["sent_apologies", "id"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="core_group_member_named")]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"
