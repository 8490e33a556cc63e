"""Rows for one episode of help: who holds it over time, its assessment, plan, visits and notes.

Allocations are kept as history (one current at a time); the worker who holds the case on a day is the one
who visits and writes that day.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from journey.accounts.models import Team, User
from journey.casework.codes import AbuseCategory, AssessmentDecision, EpisodeKind, NoteKind

from . import notes
from .census import assessment_codes
from .context import Context
from .feedback import FamilyVoice
from .phrases import (
    ANALYSIS_NO_FURTHER_ACTION,
    ANALYSIS_WITH_HELP,
    AUTHORISED_NO_FURTHER_ACTION,
    AUTHORISED_WITH_HELP,
    BY_WHEN_CHANGES,
    BY_WHEN_REASONS,
    CHILDS_VIEWS,
    ENVIRONMENT_WORRIES,
    LOOKED_AFTER_PLACES,
    MILESTONE_NOTES,
    NEXT_STEPS,
    NOTE_SUBJECTS,
    NOTE_TEXT,
    OBSERVATIONS,
    PLAN_CHANGES,
    PLAN_CHILD_SAYS,
    PLAN_CONTINGENCY,
    PLAN_FAMILY_SAYS,
    PLAN_REVIEW_NOTES,
    PLAN_STEPS,
    PLAN_WORRIES,
    STRENGTHS,
    VISIT_PLACES,
    WORDS_CHILD,
    WORDS_TEEN,
    WORDS_YOUNG,
    WORRIES,
    fitting,
)
from .population import ChildInfo
from .rows import Allocation, Assessment, ByWhen, CaseNote, Episode, MeetingAttendee, Plan, PlanStep, PlanVersion, Visit

# Days between visits by kind of episode: statutory help is visited more often than early help or aftercare.
VISIT_EVERY = {EpisodeKind.EARLY_HELP: 28, EpisodeKind.CHILD_IN_NEED: 30, EpisodeKind.CHILD_PROTECTION: 12,
               EpisodeKind.LOOKED_AFTER: 42, EpisodeKind.CARE_LEAVER: 60}
# Category of child protection plans in England (DfE CIN census 2024): neglect half, emotional abuse over a third.
PLAN_REVIEW_DAYS = 182  # plans are reviewed about every six months (more often in life for child protection)
MAX_PLAN_VERSIONS = 4
CATEGORY_WEIGHTS = {AbuseCategory.NEGLECT: 50, AbuseCategory.EMOTIONAL: 37, AbuseCategory.PHYSICAL: 7,
                    AbuseCategory.SEXUAL: 4, AbuseCategory.MULTIPLE: 2}
THEME_CATEGORY = {"neglect": AbuseCategory.NEGLECT, "physical_harm": AbuseCategory.PHYSICAL, "sexual_harm": AbuseCategory.SEXUAL,
                  "domestic_abuse": AbuseCategory.EMOTIONAL, "emotional_harm": AbuseCategory.EMOTIONAL}


@dataclass
class Held:
    """An open episode as the generator tracks it."""

    episode: Episode
    allocations: list[Allocation] = field(default_factory=list)

    @property
    def current(self) -> Allocation | None:
        return self.allocations[-1] if self.allocations and self.allocations[-1].ended_on is None else None

    def worker_on(self, on: date) -> User:
        for allocation in reversed(self.allocations):
            if allocation.started_on <= on:
                return allocation.worker
        return self.allocations[0].worker if self.allocations else self.episode.opened_by


class Casework:
    """Writes one child's episodes; ``ctx`` supplies randomness and the authority's staff."""

    def __init__(self, ctx: Context, info: ChildInfo) -> None:
        self.ctx = ctx
        self.info = info
        self.values = {"name": info.person.known_as or info.person.first_name, "carer": info.carer}
        self.assessment: Assessment | None = None  # the last assessment written, for a strategy discussion it calls
        self.voice = FamilyVoice(ctx, info)  # the feedback the child, family and partners give along the way

    def text(self, bank: tuple, on: date) -> str:
        """A phrase from ``bank`` that suits the child's age on the day it is written."""
        return self.ctx.pick(fitting(bank, max(0, self.info.age_on(on))), attendance=self.ctx.rng.randint(62, 97), **self.values)

    def open(self, kind: str, on: date, *, by: User, team_kind: str, referral=None) -> Held:
        team = self.ctx.team(team_kind)
        episode = self.ctx.batch.add(Episode(child=self.info.child, kind=kind, started_on=on, referral=referral,
                                             opened_by=by, opened_at=self.ctx.at(on), team=team))
        held = Held(episode)
        self.allocate(held, on, team)
        return held

    def allocate(self, held: Held, on: date, team: Team) -> None:
        previous = held.current
        if previous is not None:
            previous.ended_on = on
        worker = self.ctx.worker(team)
        held.episode.team = team
        # Allocated by the team's manager, some hours after the episode opened (or during the working day it changed).
        opened = held.episode.opened_at if on == held.episode.started_on else None
        at = self.ctx.at(on)
        if opened is not None:
            at = min(opened + timedelta(minutes=self.ctx.rng.randrange(20, 240, 5)), self.ctx.at(on, 23, 55))
        held.allocations.append(self.ctx.batch.add(Allocation(
            episode=held.episode, worker=worker, team=team, started_on=on,
            allocated_by=team.manager or held.episode.opened_by, allocated_at=at,
        )))

    def close(self, held: Held, on: date, reason: str, note: str = "") -> None:
        episode = held.episode
        episode.ended_on = on
        episode.closure_reason = reason
        episode.closure_note = note
        episode.closed_by = held.worker_on(on)
        if held.current is not None:
            held.current.ended_on = on
        self.voice.after_closure(held, on)

    def work(self, held: Held, start: date, end: date | None) -> None:
        """Visits and notes from ``start`` until ``end`` (or yesterday), with the odd change of worker."""
        ctx, kind = self.ctx, held.episode.kind
        end = min(end or ctx.last_day, ctx.last_day)
        every = VISIT_EVERY[kind]
        on = start + ctx.days(1, max(2, every // 2))
        next_change = start + ctx.days(150, 400)
        next_note = start + ctx.days(10, 45)
        while on <= end:
            if on >= next_change and held.current is not None:
                self.allocate(held, on, held.current.team)
                next_change = on + ctx.days(150, 500)
            self.visit(held, on)
            on += timedelta(days=max(3, int(every * ctx.rng.uniform(0.7, 1.3))))
        while next_note <= end:
            self.note(held, next_note, self.text(NOTE_SUBJECTS[ctx.rng.choice(("call", "call", "meeting"))], next_note),
                      self.text(NOTE_TEXT, next_note))
            next_note += ctx.days(25, 70)

    def visit(self, held: Held, on: date) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        age = self.info.age_on(on)
        seen = rng.random() < 0.93
        alone = seen and age >= 4 and rng.random() < 0.72
        words = WORDS_YOUNG if age < 5 else WORDS_CHILD if age < 12 else WORDS_TEEN
        looked_after = held.episode.kind in (EpisodeKind.LOOKED_AFTER, EpisodeKind.CARE_LEAVER)
        place = rng.choice(LOOKED_AFTER_PLACES if looked_after else VISIT_PLACES)
        when = ctx.at(on)
        visit = ctx.batch.add(Visit(
            child=self.info.child, visited_at=when, place=place, child_seen=seen, child_seen_alone=alone,
            who_was_present=f"{self.values['name']}" + ("" if alone else f", {self.values['carer'] if not looked_after else 'carer'}"),
            childs_words=self.text(words, on) if seen else "", observations=self.text(OBSERVATIONS, on) if seen else
            "Nobody answered the door; card left. Will try again this week.", next_steps=self.text(NEXT_STEPS, on),
            recorded_by=held.worker_on(on), recorded_at=when + timedelta(hours=rng.randint(1, 30)),
        ))
        self.voice.after_visit(held, visit, on)

    def note(self, held: Held, on: date, subject: str, text: str) -> None:
        """A case note, call, email or meeting, its kind read from the heading (``synthetic.notes``)."""
        when, author, kind = self.ctx.at(on), held.worker_on(on), notes.shape(subject)
        note = self.ctx.batch.add(CaseNote(
            child=self.info.child, occurred_at=when, kind=kind.kind, direction=kind.direction, with_whom=kind.with_whom,
            subject=kind.subject, text=text, author=author, recorded_at=when + timedelta(hours=2),
        ))
        if kind.kind == NoteKind.MEETING:
            for name, role, agency, apologies in notes.attendees(subject, when, self.ctx.org, worker=author, carer=self.info.carer):
                self.ctx.batch.add(MeetingAttendee(case_note=note, name=name, role=role, agency=agency, sent_apologies=apologies))

    def milestone(self, held: Held, on: date, which: str) -> None:
        """A meeting kept as a case note (a looked after review); child protection's are records of their own."""
        subject, text = MILESTONE_NOTES[which]
        self.note(held, on, subject, text.format(**self.values))

    def plan(self, held: Held, kind: str, start: date, end: date | None, category: str = "") -> Plan:
        """A plan written with the family, and a review every six months or so while it lasts, each a version."""
        changes = self.text(PLAN_CHANGES[kind], start)
        plan = self.ctx.batch.add(Plan(child=self.info.child, episode=held.episode, kind=kind, category=category,
                                       started_on=start, ended_on=end, what_needs_to_change=changes,
                                       author=held.worker_on(start)))
        worries, contingency = self.text(PLAN_WORRIES[kind], start), self.text(PLAN_CONTINGENCY[kind], start)
        last = min(end or self.ctx.last_day, self.ctx.last_day)
        on, number = start, 1
        while on <= last and number <= MAX_PLAN_VERSIONS:
            self.plan_version(plan, held, number, on, worries=worries, changes=changes, contingency=contingency)
            on, number = on + timedelta(days=PLAN_REVIEW_DAYS + self.ctx.rng.randint(-20, 20)), number + 1
        return plan

    def plan_version(self, plan: Plan, held: Held, number: int, on: date, *, worries: str, changes: str, contingency: str) -> None:
        rng = self.ctx.rng
        version = self.ctx.batch.add(PlanVersion(
            plan=plan, number=number, worries=worries, what_needs_to_change=changes, contingency=contingency,
            childs_comments=self.text(PLAN_CHILD_SAYS, on), familys_comments=self.text(PLAN_FAMILY_SAYS, on),
            review_note=self.text(PLAN_REVIEW_NOTES, on) if number > 1 else "", reviewed_on=on if number > 1 else None,
            written_by=held.worker_on(on), written_at=self.ctx.at(on),
        ))
        age = self.info.age_on(on)
        steps = [step for step in PLAN_STEPS[plan.kind] if step[4] <= age <= step[5]]
        for position, (who, does_what, days, why, _, _) in enumerate(rng.sample(steps, min(len(steps), rng.randint(2, 3))), start=1):
            self.ctx.batch.add(PlanStep(
                version=version, number=position, who=who.format(**self.values), does_what=does_what.format(**self.values),
                by_when=on + timedelta(days=days), reason=why.format(**self.values),
            ))

    def category(self) -> str:
        if self.ctx.rng.random() < 0.6 and self.info.theme in THEME_CATEGORY:
            return THEME_CATEGORY[self.info.theme]
        return self.ctx.rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]

    def assess(self, held: Held, start: date, decision_weights: dict[str, int], *, longest: int = 45) -> tuple[date | None, str]:
        """A single assessment with its 'by when' history, taking at most ``longest`` days (one made alongside a
        section 47 enquiry concludes with it, sooner). Returns when it completed and what was decided."""
        ctx, rng = self.ctx, self.ctx.rng
        author = held.worker_on(start)
        due = start + timedelta(days=rng.choice((10, 20, 28, 35, 45)))
        duration = rng.randint(8, longest)
        completed = start + timedelta(days=duration)
        done = completed <= ctx.last_day
        decision = rng.choices(list(decision_weights), weights=list(decision_weights.values()))[0] if done else ""
        worries = WORRIES[self.info.theme].format(**self.values)
        texts = {
            "developmental_needs_strengths": self.text(STRENGTHS["developmental_needs"], start),
            "developmental_needs_worries": worries,
            "parenting_capacity_strengths": self.text(STRENGTHS["parenting_capacity"], start),
            "parenting_capacity_worries": worries if rng.random() < 0.5 else "",
            "family_environment_strengths": self.text(STRENGTHS["family_environment"], start),
            "family_environment_worries": rng.choice(ENVIRONMENT_WORRIES),
            "childs_views": self.text(CHILDS_VIEWS, start),
            "analysis": self.text(
                ANALYSIS_NO_FURTHER_ACTION if decision == AssessmentDecision.NO_FURTHER_ACTION else ANALYSIS_WITH_HELP, completed,
            ) if done else "",
        }
        team = held.allocations[-1].team if held.allocations else None
        manager = team.manager if team is not None and team.manager_id != author.pk else None
        authorised = completed + timedelta(days=rng.randint(0, 6)) if done and manager else None
        if authorised is not None and authorised > ctx.last_day:
            authorised = None
        # The manager's reasons fit the decision; chosen from what is already drawn (the days taken and the day
        # authorised), not from the generator's stream, so that adding them moved nothing else a seed makes.
        reasons = ""
        if authorised is not None:
            bank = AUTHORISED_NO_FURTHER_ACTION if decision == AssessmentDecision.NO_FURTHER_ACTION else AUTHORISED_WITH_HELP
            reasons = bank[(duration + authorised.toordinal()) % len(bank)].format(**self.values)
        primary_need, factors = assessment_codes(self.info.theme, decision, parenting_worry=bool(texts["parenting_capacity_worries"]))
        assessment = ctx.batch.add(Assessment(
            child=self.info.child, episode=held.episode, started_on=start, decision=decision, primary_need=primary_need, factors=factors,
            completed_on=completed if done else None, author=author, created_at=ctx.at(start),
            authorised_on=authorised, authorised_by=manager if authorised else None, authorisation_reasons=reasons, **texts,
        ))
        self.assessment = assessment
        ctx.batch.add(ByWhen(assessment=assessment, due_on=due, reason=self.text(BY_WHEN_REASONS, start), set_by=author, set_at=ctx.at(start)))
        changed = start + timedelta(days=rng.randint(1, max(1, (due - start).days)))
        if rng.random() < 0.25 and changed <= ctx.last_day:
            ctx.batch.add(ByWhen(assessment=assessment, due_on=due + timedelta(days=rng.choice((7, 10, 14, 21))),
                                 reason=self.text(BY_WHEN_CHANGES, changed), set_by=author, set_at=ctx.at(changed)))
        return (completed if done else None), decision


DECISIONS = {
    "referral": {AssessmentDecision.NO_FURTHER_ACTION: 40, AssessmentDecision.EARLY_HELP: 14, AssessmentDecision.CHILD_IN_NEED: 32,
                 AssessmentDecision.STRATEGY_DISCUSSION: 7, AssessmentDecision.LOOKED_AFTER: 2},
}
