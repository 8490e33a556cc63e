"""Child protection written as the record keeps it: strategy discussions with who took part by agency, the section 47
enquiries they decide with their 'by when' dates and outcome, and the conferences that follow (initial, then reviews
of the plan until a review ends it), each with its chair, attendees and the plan's category and its changes; the
reports partners on Journey send a conference beforehand; and the plan's core group meetings between conferences.

The rows obey the rules ``protection.actions`` and ``conference_actions`` enforce, though they go in by the batch
writer: a discussion in an open child in need episode, on or after it opened; an enquiry started on or after its
discussion and completed whole (every answer, findings and reasons); an initial conference on or after the enquiry
that found one needed was completed, chaired by a child protection chair outside the case's line management, with
someone there and the child's views unless too young; a plan's category at every conference that keeps it, none at
one that ends it; a review on or after the last conference, and the ending review on the plan's last day; a
partner's report for exactly one conference (the enquiry's initial or the plan's review), sent before it began, after
the one before, by a partner invited who could open the child's shared page (``report_actions``, decision 0016); a
core group meeting only while its plan runs (``core_group_actions``), the family and the worker always there.

How many of each leads to the next follows England 2024-25 (Characteristics of children in need, DfE): about
230,000 enquiries and 72,000 initial conferences (31%), most of which (about 87%) made a plan; strategy discussions a
few more than enquiries, since some decide a single assessment or nothing further. The stories (``history``) decide
when; this module writes what.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from journey.accounts.models import AgencyKind, User
from journey.protection.codes import ChildHeard, ConferenceDecision, ConferenceKind, StrategyDecision

from .banks import FIRST_NAMES, LAST_NAMES
from .context import Context
from .episodes import CATEGORY_WEIGHTS, Casework, Held
from .phrases import (
    CONFERENCE_CHILDS_VIEWS,
    CONFERENCE_MINUTES,
    CONFERENCE_PARENTS_VIEWS,
    CONFERENCE_REASONS,
    CORE_GROUP_CHILDS_VIEWS,
    CORE_GROUP_DECISIONS,
    CORE_GROUP_PROGRESS,
    DISCUSSION_REASONS,
    DISCUSSION_SHARED,
    ENQUIRY_BY_WHEN,
    ENQUIRY_BY_WHEN_CHANGES,
    ENQUIRY_FINDINGS,
    ENQUIRY_REASONS,
    REPORT_GOING_WELL,
    REPORT_WHAT_WE_KNOW,
    REPORT_WORRIES,
)
from .rows import (
    ChildProtectionConference,
    ConferenceAttendee,
    ConferenceReport,
    CoreGroupMeeting,
    CoreGroupMember,
    EnquiryByWhen,
    Plan,
    PlanCategoryChange,
    Section47Enquiry,
    StrategyDiscussion,
    StrategyParticipant,
)

# What a strategy discussion decides: mostly enquiries, which England counts about 230,000 of a year.
STRATEGY_DECISIONS = {StrategyDecision.SECTION_47: 86, StrategyDecision.SINGLE_ASSESSMENT: 10, StrategyDecision.NO_FURTHER_ACTION: 4}
# Share of completed enquiries that find an initial conference needed (72,000 of 230,000), and of those conferences
# that make a plan.
CONFERENCE_NEEDED = 0.31
PLAN_MADE = 0.87
# Share of enquiries whose concerns are substantiated though no conference is needed (help continues without one).
SUBSTANTIATED_WITHOUT_CONFERENCE = 0.4
# Reviews: the first about three months after the initial conference, then about every six months.
FIRST_REVIEW_DAYS = 90
REVIEW_EVERY_DAYS = 182
CATEGORY_CHANGE = 0.08  # share of continuing reviews that change the plan's category
CONFERENCE_TIMES = (time(9, 30), time(10, 0), time(13, 30), time(14, 0))
# Who is invited from each partner agency, by the Journey account's job title, and how often they send apologies.
POLICE_ROLE = "Detective constable"
HEALTH_ROLES = ("Named nurse for safeguarding", "Health visitor")
SCHOOL_ROLE = "Designated safeguarding lead"
APOLOGIES = {AgencyKind.POLICE: 0.05, AgencyKind.HEALTH: 0.1, AgencyKind.SCHOOL: 0.12}
# Partners' reports (decision record 0016): of the partners with a Journey account whose report reached a conference,
# the share who sent it from their own page, and the share of those who had shared it with the family first.
REPORT_AGENCIES = (AgencyKind.POLICE, AgencyKind.HEALTH, AgencyKind.SCHOOL)
REPORT_ON_JOURNEY = 0.4
REPORT_SHARED = 0.8
# Core groups (Working Together 2023): the first meeting within ten working days of the initial conference, then
# about every six weeks; the school comes for most children of school age, the police now and then.
FIRST_CORE_GROUP_WORKING_DAYS = (4, 10)
CORE_GROUP_EVERY_DAYS = 42
CORE_GROUP_SCHOOL = 0.85
CORE_GROUP_POLICE = 0.3
CORE_GROUP_POLICE_ROLE = "Police constable"
MEETING_TIMES = (time(9, 30), time(10, 0), time(13, 30), time(15, 30))


def working_day(on: date) -> date:
    """``on``, or the Monday after when it falls at a weekend."""
    return on + timedelta(days=max(0, 7 - on.weekday())) if on.weekday() >= 5 else on


def working_days_after(on: date, count: int) -> date:
    """The day ``count`` working days (Monday to Friday) after ``on``."""
    while count:
        on += timedelta(days=1)
        count -= on.weekday() < 5
    return on


@dataclass(frozen=True)
class Person:
    """Someone at a discussion or conference: their name, role, agency and Journey account (None without one)."""

    name: str
    role: str
    agency: object
    user: User | None = None
    apologies: bool = False
    report: bool = False


class Protection:
    """Writes one child's child protection records; ``work`` is the child's casework, whose workers record them."""

    def __init__(self, ctx: Context, work: Casework) -> None:
        self.ctx = ctx
        self.work = work
        self.info = work.info
        self.chair: User | None = None
        self.known: dict[tuple[int, str], User] = {}  # (agency, post): the partner who knows the child
        self.last_began: datetime | None = None  # when the child's latest conference began
        # Partners who may open the child's shared page, so send a report (decision record 0016): those in the latest
        # strategy discussion until its initial conference, then those invited to the plan's conferences.
        self.involved: set[User] = set()

    # Strategy discussions and enquiries.
    def discuss(self, held: Held, at: datetime, *, referral=None, assessment=None, decision: str | None = None) -> StrategyDiscussion:
        """A strategy discussion at ``at`` in the child in need episode ``held``, with the worker, police and health."""
        rng, on = self.ctx.rng, at.date()
        decision = decision or rng.choices(list(STRATEGY_DECISIONS), weights=list(STRATEGY_DECISIONS.values()))[0]
        worker = held.worker_on(on)
        discussion = self.ctx.batch.add(StrategyDiscussion(
            child=self.info.child, episode=held.episode, held_at=at, what_was_shared=self.work.text(DISCUSSION_SHARED, on),
            decision=decision, reasons=self.work.text(DISCUSSION_REASONS[decision], on), referral=referral, assessment=assessment,
            recorded_by=worker, recorded_at=at + timedelta(hours=rng.randint(1, 5)),
        ))
        people = self._people(held, on, school_chance=0.4)
        self.involved = {person.user for person in people if person.user is not None}
        for person in people:
            self.ctx.batch.add(StrategyParticipant(
                discussion=discussion, name=person.name, role=person.role, agency=person.agency, user=person.user,
                sent_apologies=person.apologies,
            ))
        return discussion

    def enquire(
        self, held: Held, discussion: StrategyDiscussion, started: date, completed: date, *, conference_needed: bool, into_care: bool = False,
    ) -> Section47Enquiry:
        """The enquiry the discussion decided, from ``started``; complete on ``completed`` when that is in the past.
        A child taken into care is at continuing risk, though no conference is needed."""
        ctx, rng = self.ctx, self.ctx.rng
        worker = held.worker_on(started)
        recorded = max(ctx.at(started), discussion.held_at + timedelta(hours=1))
        enquiry = ctx.batch.add(Section47Enquiry(
            child=self.info.child, episode=held.episode, strategy_discussion=discussion, started_on=started,
            recorded_by=worker, recorded_at=recorded,
        ))
        due = started + timedelta(days=rng.choice((10, 14, 21)))
        ctx.batch.add(EnquiryByWhen(enquiry=enquiry, due_on=due, reason=self.work.text(ENQUIRY_BY_WHEN, started), set_by=worker, set_at=recorded))
        if due < completed and due <= ctx.last_day and rng.random() < 0.5:
            ctx.batch.add(EnquiryByWhen(enquiry=enquiry, due_on=completed + ctx.days(0, 5), reason=self.work.text(ENQUIRY_BY_WHEN_CHANGES, due),
                                        set_by=held.worker_on(due), set_at=max(recorded, ctx.at(due))))
        if completed > ctx.last_day:
            return enquiry
        at_risk = conference_needed or into_care
        substantiated = at_risk or rng.random() < SUBSTANTIATED_WITHOUT_CONFERENCE
        seen = rng.random() < 0.97
        enquiry.findings = self.work.text(ENQUIRY_FINDINGS[substantiated], completed)
        enquiry.concerns_substantiated, enquiry.continuing_risk, enquiry.conference_needed = substantiated, at_risk, conference_needed
        reasons = "care" if into_care else "conference" if conference_needed else "no_conference"
        enquiry.outcome_reasons = self.work.text(ENQUIRY_REASONS[reasons], completed)
        enquiry.child_seen, enquiry.child_seen_alone = seen, seen and self.info.age_on(completed) >= 4 and rng.random() < 0.75
        enquiry.completed_on, enquiry.completed_by = completed, held.worker_on(completed)
        enquiry.completed_at = max(recorded, ctx.at(completed))
        return enquiry

    # Conferences.
    def initial(self, held: Held, enquiry: Section47Enquiry, on: date, *, plan: Plan | None) -> ChildProtectionConference:
        """The initial conference the enquiry called, in its episode: a plan when ``plan`` (made that day), else none."""
        self.chair = self.ctx.rng.choice(self.ctx.org.chairs)
        decision = ConferenceDecision.PLAN if plan is not None else ConferenceDecision.NO_PLAN
        category = plan.category if plan is not None else ""
        conference = self._conference(held, ConferenceKind.INITIAL, on, decision, category, enquiry=enquiry, plan=plan)
        if plan is not None:
            self.ctx.batch.add(PlanCategoryChange(plan=plan, category=category, from_date=on, conference=conference))
        return conference

    def reviews(self, held: Held, plan: Plan, end: date) -> None:
        """Reviews of ``plan`` (in its episode ``held``) while it lasts, and the one that ends it on ``end`` when that
        is in the past. A review now and then changes the category: the plan shows the latest."""
        ctx, rng = self.ctx, self.ctx.rng
        on = plan.started_on + timedelta(days=FIRST_REVIEW_DAYS + rng.randint(-7, 7))
        while on < end and on <= ctx.last_day:
            category = plan.category
            if rng.random() < CATEGORY_CHANGE:
                category = rng.choices([c for c in CATEGORY_WEIGHTS if c != category],
                                       weights=[w for c, w in CATEGORY_WEIGHTS.items() if c != category])[0]
            conference = self._conference(held, ConferenceKind.REVIEW, on, ConferenceDecision.CONTINUE, category, plan=plan)
            if category != plan.category:
                ctx.batch.add(PlanCategoryChange(plan=plan, category=category, from_date=on, conference=conference))
                plan.category = category
            on += timedelta(days=REVIEW_EVERY_DAYS + rng.randint(-14, 14))
        if end <= ctx.last_day:
            self._conference(held, ConferenceKind.REVIEW, end, ConferenceDecision.END, "", plan=plan)

    def _conference(self, held: Held, kind: str, on: date, decision: str, category: str, *, enquiry=None, plan=None) -> ChildProtectionConference:
        ctx, rng = self.ctx, self.ctx.rng
        age = self.info.age_on(on)
        heard = (ChildHeard.TOO_YOUNG if age < 4 else rng.choice((ChildHeard.WROTE_OR_DREW, ChildHeard.SOCIAL_WORKER)) if age < 10
                 else rng.choice((ChildHeard.ATTENDED, ChildHeard.ADVOCATE, ChildHeard.WROTE_OR_DREW, ChildHeard.SOCIAL_WORKER)))
        starts = rng.choice(CONFERENCE_TIMES)
        began = datetime.combine(on, starts, tzinfo=ctx.tz)
        conference = ctx.batch.add(ChildProtectionConference(
            child=self.info.child, episode=held.episode, kind=kind, enquiry=enquiry, plan=plan, held_on=on, starts_at=starts,
            chair=self.chair or rng.choice(ctx.org.chairs), child_heard=heard,
            childs_views="" if heard == ChildHeard.TOO_YOUNG else self.work.text(CONFERENCE_CHILDS_VIEWS, on),
            parents_views=self.work.text(CONFERENCE_PARENTS_VIEWS, on), decision=decision, category=category,
            reasons=self.work.text(CONFERENCE_REASONS[decision], on), minutes=self.work.text(CONFERENCE_MINUTES, on),
            recorded_by=held.worker_on(on), recorded_at=began + timedelta(hours=rng.randint(3, 30)),
        ))
        people = self._people(held, on, school_chance=0.9)
        people.insert(1, Person(self.info.carer, "Parent", self._agency(AgencyKind.FAMILY)))
        for person in people:
            ctx.batch.add(ConferenceAttendee(
                conference=conference, name=person.name, role=person.role, agency=person.agency, user=person.user,
                sent_apologies=person.apologies, report_submitted=person.report,
            ))
        earliest = enquiry.completed_at if kind == ConferenceKind.INITIAL else self.last_began
        self._reports(conference, people, earliest)
        self.last_began = began
        invited = {person.user for person in people if person.user is not None}
        # The discussion's partners keep the page for 92 days only, past the first review; the invited, while the plan runs.
        self.involved = invited if kind == ConferenceKind.INITIAL else self.involved | invited
        return conference

    def _reports(self, conference: ChildProtectionConference, people: list[Person], earliest: datetime | None) -> None:
        """The reports partners with a Journey account sent from their own page a few days before the conference:
        for the enquiry's initial conference or the plan's review (never both), after the enquiry found a conference
        needed or the last conference was held (else the report would have gone to that one), and before this began.
        Only a partner who could open the child's shared page then sends one (in the strategy discussion, or invited
        to an earlier conference of the plan); the rest of the reports that reached it came some other way (the
        attendee's tick alone)."""
        ctx, rng = self.ctx, self.ctx.rng
        initial = conference.kind == ConferenceKind.INITIAL
        for person in people:
            if person.user not in self.involved or person.agency.kind not in REPORT_AGENCIES or not person.report or rng.random() >= REPORT_ON_JOURNEY:
                continue
            sent = ctx.at(conference.held_on - ctx.days(1, 6))
            if earliest is not None and sent <= earliest:
                continue  # the conference came too soon after the last for this agency to write again
            kind, on = person.agency.kind, sent.date()
            ctx.batch.add(ConferenceReport(
                child=self.info.child, enquiry=conference.enquiry if initial else None, plan=None if initial else conference.plan,
                conference=conference, agency=person.agency, author=person.user,
                what_we_know=self.work.text(REPORT_WHAT_WE_KNOW[kind], on), worries=self.work.text(REPORT_WORRIES[kind], on),
                going_well=self.work.text(REPORT_GOING_WELL[kind], on), shared_with_family=rng.random() < REPORT_SHARED, submitted_at=sent,
            ))

    # Core group meetings.
    def core_group(self, held: Held, plan: Plan, end: date) -> None:
        """The plan's core group meetings (in its episode ``held``): the first within ten working days of the initial
        conference that made it, then about every six weeks, on working days, while the plan lasts and up to yesterday."""
        ctx, rng = self.ctx, self.ctx.rng
        on, first = working_days_after(plan.started_on, rng.randint(*FIRST_CORE_GROUP_WORKING_DAYS)), True
        while on < end and on <= ctx.last_day:
            self._core_group_meeting(held, plan, on, first=first)
            on, first = working_day(on + timedelta(days=CORE_GROUP_EVERY_DAYS + rng.randint(-7, 7))), False

    def _core_group_meeting(self, held: Held, plan: Plan, on: date, *, first: bool) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        worker = held.worker_on(on)
        starts = rng.choice(MEETING_TIMES)
        meeting = ctx.batch.add(CoreGroupMeeting(
            child=self.info.child, plan=plan, episode=held.episode, held_on=on, starts_at=starts,
            progress=self.work.text(CORE_GROUP_PROGRESS["first" if first else "later"], on),
            childs_views=self.work.text(CORE_GROUP_CHILDS_VIEWS, on), decisions=self.work.text(CORE_GROUP_DECISIONS, on),
            recorded_by=worker, recorded_at=datetime.combine(on, starts, tzinfo=ctx.tz) + timedelta(hours=rng.randint(2, 30)),
        ))
        for person in self._core_group_members(held, on):
            ctx.batch.add(CoreGroupMember(meeting=meeting, name=person.name, role=person.role, agency=person.agency, user=person.user,
                                          sent_apologies=person.apologies))

    def _core_group_members(self, held: Held, on: date) -> list[Person]:
        """The lead social worker and the child's mother, who always come; health (the health visitor for a child
        under five); the school for a child of school age, mostly; the police now and then. Partners sometimes send
        apologies, as at conferences."""
        rng = self.ctx.rng
        worker = held.worker_on(on)
        age = self.info.age_on(on)
        people = [Person(worker.get_full_name() or worker.username, worker.job_title or "Social worker", self.ctx.org.council, worker),
                  Person(self.info.carer, "Mum", self._agency(AgencyKind.FAMILY))]
        people.append(self._partner(self._agency(AgencyKind.HEALTH, trust=True), HEALTH_ROLES[age < 5]))
        if age >= 5 and rng.random() < CORE_GROUP_SCHOOL:
            people.append(self._partner(self.info.primary if age < 11 else self.info.secondary, SCHOOL_ROLE))
        if rng.random() < CORE_GROUP_POLICE:
            people.append(self._partner(self._agency(AgencyKind.POLICE), CORE_GROUP_POLICE_ROLE))
        return people

    # Who takes part.
    def _people(self, held: Held, on: date, *, school_chance: float) -> list[Person]:
        """The child's worker, then police and health (expected at every discussion), and the school now and then,
        each a partner with a Journey account where the agency has one; a partner sometimes sends apologies."""
        rng, org = self.ctx.rng, self.ctx.org
        worker = held.worker_on(on)
        people = [Person(worker.get_full_name() or worker.username, worker.job_title or "Social worker", org.council, worker, report=True)]
        age = self.info.age_on(on)
        school = None
        if age >= 5 and rng.random() < school_chance:
            school = self.info.primary if age < 11 else self.info.secondary
        wanted = [(self._agency(AgencyKind.POLICE), POLICE_ROLE), (self._agency(AgencyKind.HEALTH, trust=True), HEALTH_ROLES[age < 5])]
        if school is not None:
            wanted.append((school, SCHOOL_ROLE))
        people += [self._partner(agency, role) for agency, role in wanted]
        return people

    def _partner(self, agency, role: str) -> Person:
        """Someone from a partner agency in the post ``role``: the one who already knows the child, when the agency
        has sent someone before (the officer from the strategy discussion comes to the conference and writes its
        report), else one of its Journey accounts, else a named person without one. They sometimes send apologies."""
        rng, org = self.ctx.rng, self.ctx.org
        user = self.known.get((agency.pk, role))
        if user is None:
            accounts = [u for u in org.partners.get(agency.pk, []) if u.job_title.startswith(role)] or org.partners.get(agency.pk, [])
            user = rng.choice(accounts) if accounts else None
            if user is not None:
                self.known[agency.pk, role] = user
        name = user.get_full_name() if user is not None else self._name()
        return Person(name, user.job_title if user is not None else role, agency, user,
                      apologies=rng.random() < APOLOGIES[agency.kind], report=rng.random() < 0.85)

    def _name(self) -> str:
        rng = self.ctx.rng
        return f"{rng.choice(FIRST_NAMES['british'][rng.choice('FM')])} {rng.choice(LAST_NAMES['british'])}"

    def _agency(self, kind: str, *, trust: bool = False):
        agencies = self.ctx.org.agencies[kind]
        if trust:
            return next((a for a in agencies if "Trust" in a.name), agencies[0])
        return agencies[0]
