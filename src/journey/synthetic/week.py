"""The week the demo opens on: work that a team has not finished, so every manager's queue has something in it.

A history run to its end leaves every episode allocated and every decision taken, which is not how a Monday looks.
After a chunk's stories are told, this hands a few episodes back to their team's queue (the worker left or went on
long leave, a few days ago), asks a child in need team to take a few assessed children from the assessment team,
and has a few workers propose closing an episode whose work is done, each waiting for its manager. Everything is
decided by the chunk's own random generator, so the same seed and day give the same week.
"""
from datetime import date, timedelta

from journey.accounts.models import TeamKind
from journey.casework.codes import ClosureReason, EpisodeKind
from journey.casework.models import Allocation, Assessment, CaseNote, Episode, MeetingAttendee, Visit
from journey.feedback.models import Feedback, FeedbackLink, FeedbackTheme

from .batch import Batch
from .context import Context
from .rows import ClosureProposal, Transfer

HANDED_BACK_PER_CHILDREN = 600  # one episode back in a team's queue per this many children, in each team
TRANSFERS_PER_CHILDREN = 1200
CLOSURES_PER_CHILDREN = 500
MIN_HELD_TO_HAND_BACK = 3
HOLDING_TEAMS = (TeamKind.ASSESSMENT, TeamKind.CHILD_IN_NEED, TeamKind.UNIT, TeamKind.LOOKED_AFTER, TeamKind.EARLY_HELP)

HANDED_BACK_WHY = "back in the team's queue"
TRANSFER_REASONS = (
    "The assessment is nearly done and {name} will need help over months, not weeks: the child in need team should hold the work.",
    "The family have agreed to a child in need plan as the assessment ends. Please take {name} on for the plan and its reviews.",
)
TO_UNIT_REASONS = (
    "The unit's clinician already works with {name}'s mother; one unit holding the family would mean one story, not two.",
)
CLOSURE_NOTES = {
    ClosureReason.NEEDS_MET: "{name} is settled at school and at home; the family say they no longer need us.",
    ClosureReason.STEPPED_DOWN: "The family hub will carry on the work with {name}'s family; they know how to reach us.",
}


def this_week(ctx: Context, batch: Batch, children: int) -> None:
    """Leave this chunk's authority as it stands on a working Monday: a little work in every queue."""
    held = _held_now(batch)
    taken: set[int] = set()
    _propose_transfers(ctx, batch, held, taken, count=max(1, round(children / TRANSFERS_PER_CHILDREN)))
    _hand_back(ctx, batch, held, taken, per_team=max(1, round(children / HANDED_BACK_PER_CHILDREN)))
    _propose_closures(ctx, batch, held, taken, count=max(1, round(children / CLOSURES_PER_CHILDREN)))


def _held_now(batch: Batch) -> dict[int, tuple[Episode, Allocation]]:
    """Each open episode with the allocation held now, by the episode row's identity."""
    episodes = {id(e): e for e in batch.rows[Episode] if e.ended_on is None}
    return {id(a.episode): (a.episode, a) for a in batch.rows[Allocation] if a.ended_on is None and id(a.episode) in episodes}


def _candidates(ctx: Context, held, taken: set[int], *, team_kind: str, kinds, held_for_days: int, team=None) -> list[tuple[Episode, Allocation]]:
    """Episodes of ``kinds`` held now in a team of ``team_kind`` (or in ``team``) by one worker for at least
    ``held_for_days``."""
    found = [
        (episode, allocation) for key, (episode, allocation) in held.items()
        if key not in taken and episode.kind in kinds and allocation.team.kind == team_kind
        and (team is None or allocation.team.pk == team.pk) and (ctx.last_day - allocation.started_on).days >= held_for_days
    ]
    return sorted(found, key=lambda pair: (pair[1].started_on, pair[0].child.person.last_name))


def _hand_back(ctx: Context, batch: Batch, held, taken: set[int], *, per_team: int) -> None:
    """A worker left a few days ago: their episode waits in the team's queue since the day they handed it back, and
    nothing is recorded on it after that day."""
    for team in (team for kind in HOLDING_TEAMS for team in ctx.org.teams.get(kind, [])):
        pool = _candidates(ctx, held, taken, team_kind=team.kind, kinds=EpisodeKind.values, held_for_days=7, team=team)
        # A team that holds little keeps it: the queue is a few episodes in a working team, not its whole caseload.
        for episode, allocation in ctx.rng.sample(pool, min(per_team, len(pool) // MIN_HELD_TO_HAND_BACK)):
            back_on = max(allocation.started_on, ctx.last_day - timedelta(days=ctx.rng.randint(1, 9)))
            allocation.ended_on = back_on
            taken.add(id(episode))
            _forget_after(batch, episode.child, back_on)


def _forget_after(batch: Batch, child, day: date) -> None:
    """Remove what the child's worker recorded after ``day``: once the episode is back in the queue, nobody has
    visited or written (a meeting's note goes with its attendees, a visit with the feedback about it)."""
    gone = {id(v) for v in batch.rows[Visit] if v.child is child and v.visited_at.date() > day and v.household_visit is None}
    if gone:
        batch.rows[Visit] = [v for v in batch.rows[Visit] if id(v) not in gone]
        batch.rows[FeedbackLink] = [link for link in batch.rows[FeedbackLink] if id(link.visit) not in gone]
        unheard = {id(f) for f in batch.rows[Feedback] if id(f.visit) in gone}
        batch.rows[Feedback] = [f for f in batch.rows[Feedback] if id(f) not in unheard]
        batch.rows[FeedbackTheme] = [t for t in batch.rows[FeedbackTheme] if id(t.feedback) not in unheard]
    dropped = {id(n) for n in batch.rows[CaseNote] if n.child is child and n.occurred_at.date() > day}
    if dropped:
        batch.rows[CaseNote] = [n for n in batch.rows[CaseNote] if id(n) not in dropped]
        batch.rows[MeetingAttendee] = [a for a in batch.rows[MeetingAttendee] if id(a.case_note) not in dropped]


def _propose_transfers(ctx: Context, batch: Batch, held, taken: set[int], *, count: int) -> None:
    """The assessment team asks a child in need team to take children whose assessment is well under way and who
    will need help for longer than the assessment team keeps a child; where it holds none, a child in need team
    asks a social work unit to take a family whose clinician it already is."""
    assessing = {id(a.episode) for a in batch.rows[Assessment]}
    from_assessment = _candidates(ctx, held, taken, team_kind=TeamKind.ASSESSMENT, kinds=[EpisodeKind.CHILD_IN_NEED], held_for_days=7)
    moves = [
        ([pair for pair in from_assessment if id(pair[0]) in assessing] or from_assessment, TeamKind.CHILD_IN_NEED, TRANSFER_REASONS),
        (_candidates(ctx, held, taken, team_kind=TeamKind.CHILD_IN_NEED, kinds=[EpisodeKind.CHILD_IN_NEED], held_for_days=30),
         TeamKind.UNIT, TO_UNIT_REASONS),
    ]
    possible = [(pool, [t for t in ctx.org.teams.get(to_kind, []) if t.manager is not None], reasons) for pool, to_kind, reasons in moves]
    pool, receiving, reasons = next(((p, r, why) for p, r, why in possible if p and r), ([], [], ()))
    for episode, allocation in ctx.rng.sample(pool, min(count, len(pool))):
        batch.add(Transfer(
            episode=episode, child=episode.child, from_team=allocation.team, to_team=ctx.rng.choice(receiving),
            reason=ctx.rng.choice(reasons).format(name=episode.child.person.first_name),
            proposed_by=allocation.team.manager or allocation.worker,
            proposed_at=ctx.at(ctx.last_day - timedelta(days=ctx.rng.randint(0, 4))),
        ))
        taken.add(id(episode))


def _propose_closures(ctx: Context, batch: Batch, held, taken: set[int], *, count: int) -> None:
    """Workers whose help has done its job propose closing the episode; their manager has not answered yet."""
    pool = [pair for team_kind in (TeamKind.CHILD_IN_NEED, TeamKind.UNIT, TeamKind.EARLY_HELP)
            for pair in _candidates(ctx, held, taken, team_kind=team_kind, kinds=[EpisodeKind.CHILD_IN_NEED, EpisodeKind.EARLY_HELP],
                                    held_for_days=90)]
    for episode, allocation in ctx.rng.sample(pool, min(count, len(pool))):
        reason = ctx.rng.choice(sorted(CLOSURE_NOTES))
        proposed = ctx.last_day - timedelta(days=ctx.rng.randint(0, 3))
        batch.add(ClosureProposal(
            episode=episode, child=episode.child, ended_on=proposed, reason=reason,
            note=CLOSURE_NOTES[reason].format(name=episode.child.person.first_name), proposed_by=allocation.worker,
            proposed_at=ctx.at(proposed),
        ))
        taken.add(id(episode))

