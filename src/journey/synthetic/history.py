"""One child's story over the years: contacts arrive, the front door decides, help begins and ends.

Contacts arrive at a rate set by the family's circumstances, higher for a year after help ends (so some children
are referred again within twelve months, as in England). While statutory help is open, new contacts are shared
with the allocated worker rather than opening anything new: the child's one record simply continues.
"""
from datetime import date, datetime, timedelta

from journey.accounts.models import TeamKind
from journey.casework.codes import AssessmentDecision, ClosureReason, EpisodeKind, PlanKind
from journey.frontdoor.codes import ScreeningOutcome
from journey.protection.codes import StrategyDecision

from .census import referral_source
from .contacts import duplicate_child, record_contact
from .context import Context
from .episodes import DECISIONS, Casework, Held
from .phrases import RATIONALE
from .population import YEAR, ChildInfo
from .protection import CONFERENCE_NEEDED, PLAN_MADE, Protection
from .rows import Plan, Referral, ScreeningDecision

OPEN = date.max
AWAITING_DAYS = 2
RE_REFERRAL_BOOST = 2.0
# Share of children already in long-term care when the history begins (most children in care have been for years).
LONG_TERM_CARE = 0.001
# Screening outcomes for a child not already open to social work (England: roughly one contact in three or four
# becomes a referral). About a third of referrals go straight to a strategy discussion, so that with those an
# assessment calls, strategy discussions are a few more than England's section 47 enquiries (about 190 per 10,000
# children a year).
OUTCOMES = {ScreeningOutcome.REFERRAL: 19, ScreeningOutcome.STRATEGY_DISCUSSION: 11, ScreeningOutcome.EARLY_HELP: 14,
            ScreeningOutcome.INFORMATION_AND_ADVICE: 26, ScreeningOutcome.NO_FURTHER_ACTION: 30}
# A section 47 enquiry takes up to about three weeks (Working Together's fifteen working days to a conference).
ENQUIRY_LONGEST = 21
# What the assessment made with an enquiry decides: the child in need, when a conference was found needed; otherwise
# as a referral's assessment might, without another strategy discussion.
ENQUIRY_DECISIONS = {
    True: {AssessmentDecision.CHILD_IN_NEED: 1},
    False: {AssessmentDecision.NO_FURTHER_ACTION: 25, AssessmentDecision.EARLY_HELP: 12, AssessmentDecision.CHILD_IN_NEED: 58,
            AssessmentDecision.LOOKED_AFTER: 5},
}
# How long a child protection plan lasts, in days: log-normal (median about eight months, a fifth over a year, as the
# plans ending in England in 2024-25), between two months and about two and a half years.
PLAN_DAYS = (5.5, 0.55)
PLAN_SHORTEST, PLAN_LONGEST = 60, 900


class Story:
    def __init__(self, ctx: Context, info: ChildInfo) -> None:
        self.ctx = ctx
        self.info = info
        self.work = Casework(ctx, info)
        self.protection = Protection(ctx, self.work)
        self.busy_until: date | None = None
        self.helped_until: date | None = None
        self.early_help: tuple[Held, Plan, date] | None = None
        self.eighteen = _birthday(info.dob, 18)

    def run(self) -> None:
        ctx, rng, info = self.ctx, self.ctx.rng, self.info
        start = max(ctx.first_day, info.dob + timedelta(days=1))
        if info.care_leaver:
            self._care_leaver()
            return
        before = (ctx.first_day - info.dob).days
        if before > 400 and rng.random() < LONG_TERM_CARE:
            self.busy_until = self._taken_into_care(ctx.first_day - ctx.days(30, min(before - 60, 6 * 365)))
        elif before > 60 and rng.random() < min(0.6, 0.12 * info.rate):
            back = max(info.dob + timedelta(days=30), ctx.first_day - timedelta(days=rng.randint(1, 700)))
            self.contact(back, force=ScreeningOutcome.REFERRAL)
        on = start
        last = min(ctx.last_day, self.eighteen - timedelta(days=1))
        while on <= last:
            if self.busy_until and self.busy_until <= on:
                self.helped_until, self.busy_until = self.busy_until, None
            rate, boundary = info.rate, None
            if self.busy_until:
                rate, boundary = info.rate * 1.3, self.busy_until
            elif self.helped_until and on < self.helped_until + timedelta(days=365):
                rate, boundary = info.rate * RE_REFERRAL_BOOST, self.helped_until + timedelta(days=365)
            arrival = on + timedelta(days=max(1, int(rng.expovariate(rate) * YEAR)))
            if boundary is not None and boundary != OPEN and arrival > boundary:
                on = boundary  # the rate changes here; arrivals have no memory, so start afresh
                continue
            on = arrival
            if on <= last:
                self.contact(on)
        self._end_of_history()

    def contact(self, on: date, *, force: str | None = None, awaiting: bool | None = None) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        if self.busy_until and self.busy_until <= on:
            self.helped_until, self.busy_until = self.busy_until, None
        self._finish_early_help(on)
        received = ctx.at(on, rng.randint(0, 23))
        awaiting = on > ctx.last_day - timedelta(days=AWAITING_DAYS) if awaiting is None else awaiting
        contact, named, given = record_contact(ctx, self.info, received, awaiting=awaiting)
        self.info.events += 1
        if awaiting:
            return
        decided = received + timedelta(hours=rng.randint(1, 30))
        if decided.date() > ctx.last_day:
            decided = ctx.at(ctx.last_day, 23, 30)
        outcome = force or self._outcome()
        screener = ctx.screener()
        named.child, named.linked_by, named.linked_at = self.info.child, screener, decided - timedelta(minutes=20)
        if outcome in (ScreeningOutcome.NO_FURTHER_ACTION, ScreeningOutcome.INFORMATION_AND_ADVICE) and rng.random() < 0.006:
            named.child, named.created_new_child = duplicate_child(ctx, self.info, given, named.linked_at), True
        rationale = rng.choice(RATIONALE[outcome])
        if self.busy_until:
            rationale = "Open to an allocated worker: information shared with them and recorded on the child's record."
        ctx.batch.add(ScreeningDecision(contact=contact, outcome=outcome, rationale=rationale, decided_by=screener, decided_at=decided))
        if outcome in ScreeningOutcome.opening_social_work():
            referral = ctx.batch.add(Referral(child=self.info.child, contact=contact, referred_at=decided, source=referral_source(contact)))
            self._stop_early_help(decided.date())
            self.busy_until = self._spell(decided, referral, screener, strategy=outcome == ScreeningOutcome.STRATEGY_DISCUSSION)
        elif outcome == ScreeningOutcome.EARLY_HELP:
            self._start_early_help(decided.date(), screener)

    def _outcome(self) -> str:
        rng = self.ctx.rng
        if self.busy_until:
            return ScreeningOutcome.INFORMATION_AND_ADVICE if rng.random() < 0.85 else ScreeningOutcome.NO_FURTHER_ACTION
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        if outcome == ScreeningOutcome.EARLY_HELP and self.early_help:
            return ScreeningOutcome.INFORMATION_AND_ADVICE
        return outcome

    # Early help: led by the early help service, closed when it ends or when the child is referred.
    def _start_early_help(self, on: date, by) -> None:
        held = self.work.open(EpisodeKind.EARLY_HELP, on, by=by, team_kind=TeamKind.EARLY_HELP)
        end = on + self.ctx.days(90, 300)
        plan = self.work.plan(held, PlanKind.EARLY_HELP, on, end if end <= self.ctx.last_day else None)
        self.early_help = (held, plan, end)

    def _finish_early_help(self, on: date) -> None:
        if self.early_help and self.early_help[2] < on:
            held, plan, end = self.early_help
            self.work.work(held, held.episode.started_on, end)
            self.work.close(held, end, ClosureReason.NEEDS_MET)
            self.early_help = None

    def _stop_early_help(self, on: date) -> None:
        if self.early_help:
            held, plan, _ = self.early_help
            on = max(on, held.episode.started_on)  # a referral decided the day before early help began ends it that day
            self.work.work(held, held.episode.started_on, on)
            self.work.close(held, on, ClosureReason.STEPPED_UP, "Referred to children's social care.")
            plan.ended_on = max(on, plan.started_on)
            self.early_help = None

    def _end_of_history(self) -> None:
        """Early help still running yesterday stays open, with its visits so far."""
        self._finish_early_help(self.ctx.last_day + timedelta(days=1))
        if self.early_help:
            held, _, end = self.early_help
            self.work.work(held, held.episode.started_on, end)
            self.early_help = None

    # Statutory help, from referral to the end of the last episode it leads to. Returns when it all ended.
    def _spell(self, decided: datetime, referral, screener, *, strategy: bool) -> date:
        """The front door called a strategy discussion (``strategy``) or a single assessment; a discussion that decides
        no enquiry leaves the assessment to decide, and an assessment can call a discussion of its own."""
        ctx, work, on = self.ctx, self.work, decided.date()
        cin = work.open(EpisodeKind.CHILD_IN_NEED, on, by=screener, team_kind=TeamKind.ASSESSMENT, referral=referral)
        if strategy:
            held_at = min(decided + timedelta(minutes=ctx.rng.randrange(30, 240, 10)), ctx.at(ctx.last_day, 23, 55))
            discussion = self.protection.discuss(cin, held_at, referral=referral)
            if discussion.decision == StrategyDecision.SECTION_47:
                return self._enquiry_with_assessment(cin, on, discussion)
        started = on + ctx.days(0, 3)
        completed, decision = work.assess(cin, min(started, ctx.last_day), DECISIONS["referral"])
        if completed is None:
            work.work(cin, on, None)
            return OPEN
        work.work(cin, on, completed)
        if decision == AssessmentDecision.STRATEGY_DISCUSSION:
            discussion = self.protection.discuss(cin, ctx.at(completed), assessment=work.assessment)
            if discussion.decision == StrategyDecision.SECTION_47:
                return self._enquiry_after_assessment(cin, completed, discussion)
            return self._child_in_need(cin, completed)
        return self._assessed(cin, completed, decision)

    def _assessed(self, cin: Held, completed: date, decision: str) -> date:
        """What follows an assessment's decision (other than a strategy discussion)."""
        work = self.work
        if decision == AssessmentDecision.NO_FURTHER_ACTION:
            work.close(cin, completed, ClosureReason.ASSESSED_NO_FURTHER_ACTION)
            return completed
        if decision == AssessmentDecision.EARLY_HELP:
            work.close(cin, completed, ClosureReason.ASSESSED_EARLY_HELP)
            self._start_early_help(completed, cin.worker_on(completed))
            return completed
        if decision == AssessmentDecision.LOOKED_AFTER:
            work.close(cin, completed, ClosureReason.STEPPED_UP)
            return self._looked_after(completed, cin.worker_on(completed))
        return self._child_in_need(cin, completed)

    def _enquiry_with_assessment(self, cin: Held, on: date, discussion) -> date:
        """A section 47 enquiry the front door's discussion decided, made with the child and family assessment and
        concluded with it: a conference if the enquiry found one needed, else what the assessment decided."""
        ctx, work = self.ctx, self.work
        started = min(discussion.held_at.date() + ctx.days(0, 1), ctx.last_day)
        needed = ctx.rng.random() < CONFERENCE_NEEDED
        completed, decision = work.assess(cin, started, ENQUIRY_DECISIONS[needed], longest=ENQUIRY_LONGEST)
        concluded = completed or ctx.last_day + ctx.days(1, ENQUIRY_LONGEST)
        enquiry = self.protection.enquire(cin, discussion, started, concluded, conference_needed=needed)
        if completed is None:
            work.work(cin, on, None)
            return OPEN
        work.work(cin, on, completed)
        if needed:
            return self._initial_conference(cin, enquiry, completed)
        return self._assessed(cin, completed, decision)

    def _enquiry_after_assessment(self, cin: Held, completed: date, discussion) -> date:
        """A section 47 enquiry the assessment's discussion decided: a conference if it found one needed, else help
        under a child in need plan."""
        ctx = self.ctx
        started = min(discussion.held_at.date() + ctx.days(0, 1), ctx.last_day)
        concluded = started + ctx.days(5, ENQUIRY_LONGEST)
        needed = ctx.rng.random() < CONFERENCE_NEEDED
        enquiry = self.protection.enquire(cin, discussion, started, concluded, conference_needed=needed)
        if concluded > ctx.last_day:
            self.work.work(cin, completed, None)
            return OPEN
        self.work.work(cin, completed, concluded)
        if needed:
            return self._initial_conference(cin, enquiry, concluded)
        return self._child_in_need(cin, concluded)

    def _initial_conference(self, cin: Held, enquiry, concluded: date) -> date:
        """The initial conference, within about three weeks of the enquiry's end: most make a plan (the child steps up
        to child protection); the rest leave the child in need with help under a plan of that kind."""
        ctx, work = self.ctx, self.work
        held_on = concluded + ctx.days(3, 12)
        if held_on > ctx.last_day:
            work.work(cin, concluded, None)
            return OPEN
        work.work(cin, concluded, held_on)
        if ctx.rng.random() < PLAN_MADE:
            work.close(cin, held_on, ClosureReason.STEPPED_UP, "Initial child protection conference: plan made.")
            return self._protection(held_on, cin, enquiry)
        self.protection.initial(cin, enquiry, held_on, plan=None)
        return self._child_in_need(cin, held_on)

    def _child_in_need(self, cin: Held, on: date) -> date:
        """Help under a child in need plan; a case that was with the assessment team moves to a longer-term team."""
        ctx, work = self.ctx, self.work
        if cin.current is not None and cin.current.team.kind == TeamKind.ASSESSMENT:
            work.allocate(cin, on, ctx.team(TeamKind.UNIT if ctx.rng.random() < 0.2 else TeamKind.CHILD_IN_NEED))
        end = on + ctx.days(90, 420)
        end = self._cap(end)
        work.plan(cin, PlanKind.CHILD_IN_NEED, on, end if end <= ctx.last_day else None)
        work.work(cin, on, end)
        if end > ctx.last_day:
            return OPEN
        work.close(cin, end, ClosureReason.STEPPED_DOWN if ctx.rng.random() < 0.4 else ClosureReason.NEEDS_MET)
        return end

    def _protection(self, on: date, cin: Held, enquiry) -> date:
        """The child protection plan the initial conference on ``on`` made, its reviews, and the one that ends it."""
        ctx, work, rng = self.ctx, self.work, self.ctx.rng
        cp = work.open(EpisodeKind.CHILD_PROTECTION, on, by=cin.worker_on(on), team_kind=TeamKind.CHILD_IN_NEED)
        end = self._cap(on + timedelta(days=int(min(PLAN_LONGEST, max(PLAN_SHORTEST, rng.lognormvariate(*PLAN_DAYS))))))
        plan = work.plan(cp, PlanKind.CHILD_PROTECTION, on, end if end <= ctx.last_day else None, category=work.category())
        self.protection.initial(cin, enquiry, on, plan=plan)
        self.protection.reviews(cp, plan, end)
        self.protection.core_group(cp, plan, end)
        work.work(cp, on, end)
        if end > ctx.last_day:
            return OPEN
        roll = rng.random()
        if end >= self.eighteen:
            work.close(cp, end, ClosureReason.AGED_OUT)
            return end
        if roll < 0.1:
            work.close(cp, end, ClosureReason.STEPPED_UP, "Care proceedings issued.")
            return self._looked_after(end, cp.worker_on(end))
        if roll < 0.75:
            work.close(cp, end, ClosureReason.STEPPED_DOWN, "Review conference: child in need plan to follow.")
            cin = work.open(EpisodeKind.CHILD_IN_NEED, end, by=cp.worker_on(end), team_kind=TeamKind.CHILD_IN_NEED)
            return self._child_in_need(cin, end)
        work.close(cp, end, ClosureReason.NEEDS_MET)
        return end

    def _looked_after(self, on: date, by, *, until_adult: bool = False) -> date:
        ctx, work, rng = self.ctx, self.work, self.ctx.rng
        la = work.open(EpisodeKind.LOOKED_AFTER, on, by=by, team_kind=TeamKind.LOOKED_AFTER)
        age = self.info.age_on(on)
        roll = rng.random()
        if until_adult:
            end, reason = self.eighteen, ClosureReason.AGED_OUT
        elif roll < 0.45:
            end, reason = on + ctx.days(40, 500), ClosureReason.RETURNED_HOME
        elif age < 5 and roll < 0.8:
            end, reason = on + ctx.days(450, 1100), ClosureReason.ADOPTED
        elif roll < 0.68:
            end, reason = on + ctx.days(300, 1000), ClosureReason.SPECIAL_GUARDIANSHIP
        else:
            end, reason = self.eighteen, ClosureReason.AGED_OUT
        if end >= self.eighteen:
            end, reason = self.eighteen, ClosureReason.AGED_OUT
        work.plan(la, PlanKind.CARE, on, end if end <= ctx.last_day else None)
        review = on + timedelta(days=20)
        while review < min(end, ctx.last_day):
            work.milestone(la, review, "lac_review")
            review += timedelta(days=182 if review > on + timedelta(days=100) else 90)
        work.work(la, on, end)
        if end > ctx.last_day:
            return OPEN
        work.close(la, end, reason)
        if reason != ClosureReason.AGED_OUT:
            return end
        leaver = work.open(EpisodeKind.CARE_LEAVER, end, by=la.worker_on(end), team_kind=TeamKind.LEAVING_CARE)
        ends = _birthday(self.info.dob, 21)
        work.plan(leaver, PlanKind.PATHWAY, end, ends if ends <= ctx.last_day else None)
        work.work(leaver, end, ends)
        if ends <= ctx.last_day:
            work.close(leaver, ends, ClosureReason.TRANSFERRED, "Aftercare ended at 21; can return for help up to 25.")
        return OPEN

    def _cap(self, end: date) -> date:
        return min(end, self.eighteen) if self.eighteen <= self.ctx.last_day else end

    def _care_leaver(self) -> None:
        """A young adult who came into care in their teens and now has a personal adviser."""
        self._taken_into_care(_birthday(self.info.dob, self.ctx.rng.randint(11, 15)) + self.ctx.days(0, 300))

    def _taken_into_care(self, entered: date) -> date:
        """Care proceedings after a serious incident; the child stays looked after until adulthood."""
        ctx = self.ctx
        received = ctx.at(entered, ctx.rng.randint(8, 20))
        contact, named, _ = record_contact(ctx, self.info, received)
        screener = ctx.screener()
        named.child, named.linked_by, named.linked_at = self.info.child, screener, received + timedelta(minutes=40)
        decided = received + timedelta(hours=2)
        ctx.batch.add(ScreeningDecision(contact=contact, outcome=ScreeningOutcome.STRATEGY_DISCUSSION,
                                        rationale=RATIONALE["strategy"][0], decided_by=screener, decided_at=decided))
        referral = ctx.batch.add(Referral(child=self.info.child, contact=contact, referred_at=decided, source=referral_source(contact)))
        cin = self.work.open(EpisodeKind.CHILD_IN_NEED, entered, by=screener, team_kind=TeamKind.ASSESSMENT, referral=referral)
        discussion = self.protection.discuss(cin, decided + timedelta(hours=1), referral=referral, decision=StrategyDecision.SECTION_47)
        self.protection.enquire(cin, discussion, entered, entered + timedelta(days=10), conference_needed=False, into_care=True)
        self.work.work(cin, entered, entered + timedelta(days=10))
        self.work.close(cin, entered + timedelta(days=10), ClosureReason.STEPPED_UP, "Interim care order made.")
        self.info.events += 1
        return self._looked_after(entered + timedelta(days=10), cin.worker_on(entered), until_adult=True)


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return born.replace(year=born.year + years, day=28)

