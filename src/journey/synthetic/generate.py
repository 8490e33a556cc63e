"""Generate a whole synthetic authority: its organisation, families and years of history, in chunks.

Deterministic: each chunk draws from its own ``random.Random`` seeded by (seed, chunk number), and history is
dated relative to ``today``, so the same number of children, seed and day give the same authority.
"""
import math
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from journey.audit.context import acting_as_system
from journey.casework.models import Assessment, CaseNote, Episode, Plan, Visit
from journey.frontdoor.models import ContactChild, Referral
from journey.people.models import Child

from .batch import Batch
from .context import Context
from .history import Story
from .models import PersonTruth
from .organisation import Organisation, build_organisation
from .population import ChildInfo, Families

CHUNK_CHILDREN = 2500
INDIVIDUALS_PER_CHUNK = 20_000
CARE_LEAVERS_PER_CHILD = 0.004
LONG_HISTORY_CHILDREN = 5
LONG_HISTORY_RATE = 8.0
MIN_AWAITING_PER_CHUNK = 3
SYSTEM_ACTOR = "synthetic generator"  # what the audit log names as the author of anything it writes one by one


class GenerationRefused(Exception):
    """The database is not in a state the generator may write to (or flush) without losing someone's data."""


@dataclass
class Result:
    children: int
    seed: int
    seconds: float = 0.0
    written: Counter = field(default_factory=Counter)
    longest_child_id: int | None = None
    longest_entries: int = 0


def generate_authority(
    children: int, seed: int, *, today: date | None = None, append: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Write an authority of ``children`` children (aged 0-17 today) and their history; refuse on a used database."""
    with acting_as_system(SYSTEM_ACTOR):
        if children < 1:
            raise ValueError("The number of children must be at least 1")
        if not append and Child.objects.exists():
            raise GenerationRefused(
                "The database already has children on record. Use --append to add to them, or --flush to remove the "
                "generated authority first."
            )
        started = time.monotonic()
        today = today or timezone.localdate()
        result = Result(children=children, seed=seed)
        with transaction.atomic():
            org = build_organisation(children, seed)
        first = _first_individual()
        for chunk in range(math.ceil(children / CHUNK_CHILDREN)):
            size = min(CHUNK_CHILDREN, children - chunk * CHUNK_CHILDREN)
            written, longest = _chunk(org, seed, chunk, size, today, first + chunk * INDIVIDUALS_PER_CHUNK)
            result.written += written
            if longest[1] > result.longest_entries:
                result.longest_child_id, result.longest_entries = longest
            if progress:
                progress(size)
        result.seconds = time.monotonic() - started
        return result


def _first_individual() -> int:
    """Appended authorities number their individuals after any already on file, a whole chunk's span later."""
    highest = PersonTruth.objects.aggregate(top=Max("individual"))["top"]
    return 1 if highest is None else (highest // INDIVIDUALS_PER_CHUNK + 1) * INDIVIDUALS_PER_CHUNK


def _chunk(org: Organisation, seed: int, chunk: int, size: int, today: date, first_individual: int) -> tuple[Counter, tuple[int | None, int]]:
    rng = random.Random(f"{seed}:chunk:{chunk}")
    batch = Batch()
    ctx = Context(rng=rng, batch=batch, org=org, today=today)
    families = Families(rng, batch, today, first_individual, org)
    infos: list[ChildInfo] = []
    while len(infos) < size:
        infos += families.household(max_children=size - len(infos))
    leavers = int(size * CARE_LEAVERS_PER_CHILD + rng.random())
    for _ in range(leavers):
        infos += families.household(ages=[rng.uniform(18.1, 20.9)], care_leaver=True)
    if chunk < LONG_HISTORY_CHILDREN:
        _give_long_history(rng, infos, today)
    for info in infos:
        Story(ctx, info).run()
    _top_up_front_door(ctx, infos)
    with transaction.atomic():
        written = batch.write()
    return written, _longest(batch)


def _give_long_history(rng: random.Random, infos: list[ChildInfo], today: date) -> None:
    """One child per early chunk is raised about again and again, for the journey page's worst case."""
    candidates = [i for i in infos if not i.care_leaver and 7 <= i.age_on(today) <= 11]
    if candidates:
        chosen = rng.choice(candidates)
        chosen.rate, chosen.long_history = LONG_HISTORY_RATE, True


def _top_up_front_door(ctx: Context, infos: list[ChildInfo]) -> None:
    """Make sure the demo front door has contacts waiting to be screened."""
    awaiting = sum(1 for c in ctx.batch.rows[ContactChild] if c.child is None)
    young = [i for i in infos if not i.care_leaver]
    for _ in range(max(0, MIN_AWAITING_PER_CHUNK - awaiting)):
        Story(ctx, ctx.rng.choice(young)).contact(ctx.last_day - timedelta(days=ctx.rng.randint(0, 1)), awaiting=True)


def _longest(batch: Batch) -> tuple[int | None, int]:
    """The child in this chunk with the most entries on their chronology."""
    entries: Counter = Counter()
    for model in (ContactChild, Referral, Episode, Assessment, Plan, Visit, CaseNote):
        entries.update(row.child_id for row in batch.rows[model] if row.child_id)
    if not entries:
        return None, 0
    child_id, count = max(entries.items(), key=lambda item: (item[1], -item[0]))
    return child_id, count
