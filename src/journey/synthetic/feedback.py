"""Feedback that fits each child's story: now and then after a visit, and more often when an episode closes, the
child (old enough to say), a parent or carer, or a partner agency tells the team something. Most of it is a
compliment or plain feedback; about one in eight is a complaint, most of them answered and closed with an outcome
(decision record 0019). Some of the family's feedback came through a link the worker sent, already used.

The rows obey ``feedback.actions``: a complaint closed only with its response and outcome, a response only to a
compliment or complaint, an outcome only on a complaint, each dated on or after the feedback and no later than
yesterday. Its random draws come from a stream of its own, seeded from the chunk's, so adding feedback leaves every
other record the generator writes as it was for the same seed.
"""
import random
from datetime import date, datetime, time, timedelta

from journey.feedback.models import About, Kind, LinkFor, Outcome, Source, Theme

from .context import Context
from .rows import Feedback, FeedbackLink, FeedbackTheme

AFTER_VISIT = 0.02  # of visits, one in fifty leads to feedback about it
AFTER_CLOSURE = 0.2  # of closed episodes, one in five
KINDS = ((Kind.COMPLIMENT, 55), (Kind.FEEDBACK, 33), (Kind.COMPLAINT, 12))
OUTCOMES = ((Outcome.UPHELD, 30), (Outcome.PARTLY_UPHELD, 30), (Outcome.NOT_UPHELD, 30), (Outcome.WITHDRAWN, 10))
THEMES = {
    Kind.COMPLIMENT: (Theme.LISTENED_TO, Theme.RESPECT, Theme.SUPPORT, Theme.PLAN_HELPED, Theme.COMMUNICATION),
    Kind.FEEDBACK: (Theme.KEPT_INFORMED, Theme.COMMUNICATION, Theme.TIMELINESS, Theme.CHANGE_OF_WORKER, Theme.SUPPORT),
    Kind.COMPLAINT: (Theme.KEPT_INFORMED, Theme.COMMUNICATION, Theme.TIMELINESS, Theme.CHANGE_OF_WORKER, Theme.LISTENED_TO, Theme.RESPECT),
}
SAID = {
    (Kind.COMPLIMENT, Source.CHILD): ("{worker} listened to me and didn't rush.", "I liked that {worker} came to see me at school.",
                                      "The plan helped. Things are calmer at home now."),
    (Kind.COMPLIMENT, Source.PARENT_CARER): ("{worker} was honest with us and always rang back.", "We felt listened to at the meeting.",
                                             "The help with the school run made a real difference."),
    (Kind.COMPLIMENT, Source.PARTNER): ("Thorough and timely information sharing from {worker}; school felt part of the plan.",),
    (Kind.FEEDBACK, Source.CHILD): ("I want to know what happens next.", "Meetings are boring and too long.",
                                    "I didn't like having a new worker again."),
    (Kind.FEEDBACK, Source.PARENT_CARER): ("It would help to have the plan written down in plain words.",
                                           "Visits after school would be easier for us."),
    (Kind.FEEDBACK, Source.PARTNER): ("We would like minutes of the meeting sooner, so we can act on them.",),
    (Kind.COMPLAINT, Source.CHILD): ("Nobody told me my worker was leaving.", "I said I didn't want to go there and nobody listened."),
    (Kind.COMPLAINT, Source.PARENT_CARER): ("Nobody told us the visit had been moved.", "We were not given the report before the meeting.",
                                            "I rang three times and nobody called back."),
    (Kind.COMPLAINT, Source.PARTNER): ("School was not told about the change of plan until after the review.",),
}
RESPONSES = {
    Kind.COMPLIMENT: ("Thank you. Shared with {worker} and the team.", "Thank you for taking the time to tell us."),
    Kind.COMPLAINT: ("The team manager met the family, apologised and agreed how they will be kept informed.",
                     "Looked into with the worker; explained what happened and what will change.",
                     "Discussed by phone; the family felt it was resolved and withdrew the complaint."),
}


def _weighted(rng: random.Random, choices) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


class FamilyVoice:
    """Writes one child's feedback as their story unfolds (``Casework`` calls it after a visit and at a closure)."""

    def __init__(self, ctx: Context, info) -> None:
        self.ctx = ctx
        self.info = info
        state = ctx.rng.getstate()[1]  # read, never drawn from: the chunk's stream goes on as before
        self.rng = random.Random(f"feedback:{state[0]}:{state[311]}:{state[-1]}:{info.individual}")

    def after_visit(self, held, visit, on: date) -> None:
        if self.rng.random() < AFTER_VISIT:
            self._write(held, on + timedelta(days=self.rng.randint(0, 10)), About.VISIT, visit=visit)

    def after_closure(self, held, on: date) -> None:
        if self.rng.random() < AFTER_CLOSURE:
            self._write(held, on + timedelta(days=self.rng.randint(1, 21)), About.CLOSURE, episode=held.episode)

    def _source(self, on: date) -> str:
        roll = self.rng.random()
        if roll < 0.1:
            return Source.PARTNER
        return Source.CHILD if self.info.age_on(on) >= 8 and roll < 0.4 else Source.PARENT_CARER

    def _at(self, on: date) -> datetime:
        return datetime.combine(on, time(self.rng.randint(8, 20), self.rng.randrange(0, 60, 5)), tzinfo=self.ctx.tz)

    def _write(self, held, on: date, about: str, **record) -> None:
        ctx, rng = self.ctx, self.rng
        if on > ctx.last_day or held.episode.team is None:
            return
        kind, source = _weighted(rng, KINDS), self._source(on)
        worker = held.worker_on(on)
        said = rng.choice(SAID[(kind, source)]).format(worker=worker.first_name)
        link = None
        if source != Source.PARTNER and rng.random() < 0.3:
            sent = on - timedelta(days=rng.randint(0, 5))
            link = ctx.batch.add(FeedbackLink(
                child=self.info.child, for_whom=LinkFor.CHILD if source == Source.CHILD else LinkFor.PARENT_CARER, about=about,
                token_hash=f"{rng.getrandbits(256):064x}", team=held.episode.team, created_by=worker, created_at=self._at(sent),
                expires_at=self._at(sent) + timedelta(days=14), used_at=self._at(on), **record,
            ))
        feedback = Feedback(
            child=self.info.child, source=source, kind=kind, received_on=on, said=said, team=held.episode.team, about=about,
            recorded_by=None if link else worker, link=link, recorded_at=self._at(on), **record,
        )
        if kind in RESPONSES and (kind == Kind.COMPLAINT or rng.random() < 0.6):
            answered = min(on + timedelta(days=rng.randint(2, 25)), ctx.last_day)
            feedback.response = rng.choice(RESPONSES[kind]).format(worker=worker.first_name)
            feedback.responded_by = held.episode.team.manager or worker if kind == Kind.COMPLAINT else worker
            feedback.responded_on = answered
            if kind == Kind.COMPLAINT and rng.random() < 0.85:
                feedback.outcome = _weighted(rng, OUTCOMES)
                feedback.closed_on = answered
        ctx.batch.add(feedback)
        for theme in rng.sample(THEMES[kind], rng.randint(1, 2)):
            ctx.batch.add(FeedbackTheme(feedback=feedback, theme=theme))

