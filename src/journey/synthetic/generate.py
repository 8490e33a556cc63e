"""Generate a whole synthetic authority: its organisation, families and years of history, in chunks.

Deterministic: each chunk draws from its own ``random.Random`` seeded by (seed, chunk number), and history is
dated relative to ``today``, so the same number of children, seed and day give the same authority. Chunks are
written in order, each in its own transaction, so on an empty database the ids are the same too.

Phases, each timed in ``Result.phases``:
- organisation: agencies, teams and staff (a few hundred rows, made with ``bulk_create``);
- history: each chunk's families and their stories, built in memory as light rows (``rows.py``);
- writing: each chunk written by ``writer.write_rows`` (COPY on PostgreSQL). When the caller is not inside a
  transaction, a second thread writes one chunk while the next is built (the database works on the other core),
  so the two overlap and their times add up to more than the total;
- unit meetings: each social work unit's weekly meetings about the children it held (``units.py``), which need every
  chunk written first; so do the case audits (``audits.py``) and the systems case review and recommendations board
  (``reviews.py``);
- then each of ``FINISH_PHASES``, in order, with its own progress bar: work over the whole written authority.

Nothing here writes an audit event: the rows go in by COPY or ``bulk_create``, which send no model signals. It all
runs as the named system actor (``acting_as_system``), in the writing thread too, so anything a later change did
capture would be attributed to "system: synthetic generator" rather than refused as unattributed.
"""
import contextvars
import math
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from functools import partial

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from journey.audit.context import acting_as_system
from journey.casework.models import Assessment, CaseNote, Episode, Plan, Visit
from journey.frontdoor.models import ContactChild, Referral
from journey.people.models import Child
from journey.protection.models import ChildProtectionConference, Section47Enquiry, StrategyDiscussion

from .audits import write_audits
from .batch import Batch
from .context import HISTORY_YEARS, Context
from .history import Story
from .models import PersonTruth
from .organisation import Organisation, build_organisation
from .population import ChildInfo, Families
from .reviews import write_case_reviews
from .supervision import practitioners_to_supervise, supervise_authority
from .units import write_unit_meetings
from .week import this_week

CHUNK_CHILDREN = 2500
INDIVIDUALS_PER_CHUNK = 20_000
CARE_LEAVERS_PER_CHILD = 0.004
LONG_HISTORY_CHILDREN = 5
LONG_HISTORY_RATE = 8.0
MIN_AWAITING_PER_CHUNK = 3
CHUNKS_AHEAD = 2  # chunks built but not yet written, at most: bounds the memory the overlap takes
SYSTEM_ACTOR = "synthetic generator"  # what the audit log names as the author of anything it writes one by one

# A progress bar: ``progress(description, total, unit)`` is a context manager giving ``update(n)``.
Progress = Callable[[str, int, str], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def no_progress(description: str, total: int, unit: str) -> Iterator[Callable[[int], None]]:
    yield lambda n: None


@dataclass(frozen=True)
class FinishPhase:
    """Work over the whole authority once every chunk is written: ``run(update)`` calls ``update(n)`` as it
    gets through ``n`` of ``total()`` units (children, say)."""

    name: str
    unit: str
    total: Callable[[], int]
    run: Callable[[Callable[[int], None]], object]


def _children_on_record() -> int:
    return Child.objects.count()


# Processes sharing the rebuild on PostgreSQL: one per core, up to four (beyond that the database is the queue).
REBUILD_WORKERS = min(4, os.cpu_count() or 1)


def _rebuild_chronology(update: Callable[[int], None]) -> int:
    from journey.chronology.materialise import rebuild_all
    from journey.chronology.models import ChronologyEntry

    written = rebuild_all(progress=update, workers=REBUILD_WORKERS)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'ANALYZE "{ChronologyEntry._meta.db_table}"')
    return written


def _written_tables() -> list[str]:
    return [
        model._meta.db_table for config in apps.get_app_configs() if config.name.startswith("journey.")
        for model in config.get_models() if model._meta.managed and not model._meta.proxy
    ]


def _tables_written() -> int:
    return len(_written_tables()) if connection.vendor == "postgresql" else 0


def _refresh_statistics(update: Callable[[int], None]) -> None:
    """PostgreSQL plans queries from table statistics that autovacuum refreshes in its own time (or never, where it
    is off): straight after a bulk load it still believes the tables empty and chooses sequential scans (one journey
    page query took 12 ms instead of 0.7). Analysing each table now gives the first users the plans later ones get."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in _written_tables():
            cursor.execute(f'ANALYZE "{table}"')
            update(1)


# Whatever is derived from the record and kept up to date by model signals, which bulk writes do not send, is
# rebuilt here from the written rows: the materialised chronology (every child's, so an appended run too). Before
# it, the database's statistics, which bulk writes leave stale (the rebuild's own queries plan from them); the
# chronology's table is analysed once it is written.
FINISH_PHASES: list[FinishPhase] = [
    FinishPhase("statistics", "tables", _tables_written, _refresh_statistics),  # first: the rebuild's queries plan better
    FinishPhase("chronology", "children", _children_on_record, _rebuild_chronology),
]


def supervision_phase(today: date) -> FinishPhase:
    """Supervision spans a practitioner's whole caseload, so it is written from the allocations once every chunk is
    (before the statistics and the chronology, which read it)."""
    return FinishPhase("supervision", "practitioners", practitioners_to_supervise, partial(supervise_authority, today=today))


class GenerationRefused(Exception):
    """The database is not in a state the generator may write to (or flush) without losing someone's data."""


@dataclass
class Result:
    children: int
    seed: int
    seconds: float = 0.0
    written: Counter = field(default_factory=Counter)
    phases: dict[str, float] = field(default_factory=dict)
    longest_child_id: int | None = None
    longest_entries: int = 0

    def add_chunk(self, written: Counter, longest: tuple[int | None, int]) -> None:
        self.written += written
        if longest[1] > self.longest_entries:
            self.longest_child_id, self.longest_entries = longest


def generate_authority(
    children: int, seed: int, *, today: date | None = None, append: bool = False, progress: Progress = no_progress,
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
        with _timed(result, "organisation"), transaction.atomic():
            history_began = today - timedelta(days=int(HISTORY_YEARS * 365.25))
            org = build_organisation(children, seed, joined=datetime.combine(history_began, clock(9), tzinfo=timezone.get_current_timezone()))
        first = _first_individual()
        chunks = [min(CHUNK_CHILDREN, children - chunk * CHUNK_CHILDREN) for chunk in range(math.ceil(children / CHUNK_CHILDREN))]
        # Overlap on PostgreSQL, whose server does the writing work in a process of its own; SQLite writes in this one.
        overlap = connection.vendor == "postgresql" and not connection.in_atomic_block
        with progress("Children", children, "children") as update, _Writer(result, overlap=overlap) as writer:
            for chunk, size in enumerate(chunks):
                with _timed(result, "history"):
                    batch = _chunk(org, seed, chunk, size, today, first + chunk * INDIVIDUALS_PER_CHUNK)
                writer.submit(batch, lambda size=size: update(size))
        with _timed(result, "unit meetings"), transaction.atomic():
            result.written += write_unit_meetings(seed, today)
        with _timed(result, "audits"), transaction.atomic():
            write_audits(seed, today)
        with _timed(result, "case reviews"), transaction.atomic():
            result.written += write_case_reviews(today)
        for phase in (supervision_phase(today), *FINISH_PHASES):
            with _timed(result, phase.name), progress(phase.name.capitalize(), phase.total(), phase.unit) as update:
                phase.run(update)
        result.seconds = time.monotonic() - started
        return result


@contextmanager
def _timed(result: Result, phase: str) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        result.phases[phase] = result.phases.get(phase, 0.0) + time.monotonic() - started


class _Writer:
    """Writes chunks in the order given, each in its own transaction: in a second thread (with its own database
    connection) when ``overlap``, else at once. A caller inside a transaction (a test) gets no overlap, since another
    connection could neither see its uncommitted rows nor be rolled back with it."""

    def __init__(self, result: Result, *, overlap: bool) -> None:
        self.result = result
        self.pending: list[tuple[Future, Callable[[], None]]] = []
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="generate-writer") if overlap else None

    def submit(self, batch: Batch, done: Callable[[], None]) -> None:
        if self.pool is None:
            self._finish(self._write(batch), done)
            return
        # The writing thread acts as the same system actor: copy this thread's context into it.
        self.pending.append((self.pool.submit(contextvars.copy_context().run, self._write, batch), done))
        while len(self.pending) >= CHUNKS_AHEAD:
            self._collect()

    def _write(self, batch: Batch) -> tuple[Counter, tuple[int | None, int], float]:
        started = time.monotonic()
        with transaction.atomic():
            written = batch.write()
        return written, _longest(batch), time.monotonic() - started

    def _collect(self) -> None:
        future, done = self.pending.pop(0)
        self._finish(future.result(), done)

    def _finish(self, outcome: tuple[Counter, tuple[int | None, int], float], done: Callable[[], None]) -> None:
        written, longest, seconds = outcome
        self.result.add_chunk(written, longest)
        self.result.phases["writing"] = self.result.phases.get("writing", 0.0) + seconds
        done()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if self.pool is None:
            return
        try:
            if error is None:
                while self.pending:
                    self._collect()
        finally:
            for future, _ in self.pending:
                future.cancel()
            self.pool.submit(lambda: connection.close()).result()  # the writing thread's own connection
            self.pool.shutdown()


def _first_individual() -> int:
    """Appended authorities number their individuals after any already on file, a whole chunk's span later."""
    highest = PersonTruth.objects.aggregate(top=Max("individual"))["top"]
    return 1 if highest is None else (highest // INDIVIDUALS_PER_CHUNK + 1) * INDIVIDUALS_PER_CHUNK


def _chunk(org: Organisation, seed: int, chunk: int, size: int, today: date, first_individual: int) -> Batch:
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
    this_week(ctx, batch, size)
    return batch


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
    """The child in this chunk with the most entries on their chronology (written, so with an id)."""
    entries: Counter = Counter()
    for model in (ContactChild, Referral, Episode, Assessment, Plan, Visit, CaseNote, StrategyDiscussion, Section47Enquiry,
                  ChildProtectionConference):
        entries.update(row.child.pk for row in batch.rows[model] if row.child is not None)
    if not entries:
        return None, 0
    child_id, count = max(entries.items(), key=lambda item: (item[1], -item[0]))
    return child_id, count


def progress_bars(*, quiet: bool = False) -> Progress:
    """Progress as tqdm bars on standard error, one a phase; none when ``quiet`` or when that is not a terminal."""
    import sys

    from tqdm import tqdm

    @contextmanager
    def bar(description: str, total: int, unit: str) -> Iterator[Callable[[int], None]]:
        with tqdm(total=total, desc=description, unit=f" {unit}", file=sys.stderr, disable=quiet or not sys.stderr.isatty()) as shown:
            yield shown.update

    return bar
