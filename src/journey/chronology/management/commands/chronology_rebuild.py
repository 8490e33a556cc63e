"""``journey chronology_rebuild [--child N] [--check]``: rewrite the materialised chronology from the providers,
or check that it equals what they derive (exit 1, listing the differences, if not)."""
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from journey.chronology.materialise import differences, rebuild
from journey.people.models import Child


class Command(BaseCommand):
    help = (
        "Rewrite every child's chronology entries (or one child's) from the record. Needed after writes that send "
        "no signals: the synthetic generator's bulk inserts, a fixture load, a data fix in SQL. With --check, "
        "write nothing and report where the stored chronology differs from the record."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--child", type=int, action="append", help="Only this child (repeat for several).")
        parser.add_argument("--check", action="store_true", help="Compare only; exit 1 if anything differs.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Children per transaction.")
        parser.add_argument(
            "--workers", type=int, default=1,
            help="Processes sharing a rebuild on PostgreSQL (one per core suits a quiet database); SQLite uses one.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, child: list[int] | None, check: bool, batch_size: int, workers: int,
               no_progress: bool, **options) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        if workers < 1:
            raise CommandError("--workers must be 1 or more")
        ids = list(Child.objects.order_by("pk").values_list("pk", flat=True))
        if child:
            unknown = sorted(set(child) - set(ids))
            if unknown:
                raise CommandError(f"No child with id {', '.join(map(str, unknown))}")
            ids = sorted(set(child))
        quiet = no_progress or not sys.stderr.isatty()
        with tqdm(total=len(ids), unit=" children", file=sys.stderr, disable=quiet) as bar:
            if check:
                found: list[str] = []
                for start in range(0, len(ids), batch_size):
                    found += differences(ids[start:start + batch_size])
                    bar.update(len(ids[start:start + batch_size]))
            else:
                written = rebuild(ids, batch_size=batch_size, progress=bar.update, workers=workers)
        if check:
            if found:
                shown = "\n".join(found[:50]) + (f"\n... and {len(found) - 50} more" if len(found) > 50 else "")
                raise CommandError(f"The chronology differs from the record in {len(found)} entries:\n{shown}", returncode=1)
            self.stdout.write(self.style.SUCCESS(f"The chronology equals the record for {len(ids)} children."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Rebuilt the chronology of {len(ids)} children: {written} entries."))
