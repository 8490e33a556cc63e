"""``journey generate --children N --seed S``: write a synthetic authority with years of history."""
from django.core.management.base import BaseCommand, CommandError, CommandParser

from journey.synthetic.flush import flush_generated, row_counts
from journey.synthetic.generate import GenerationRefused, generate_authority, progress_bars


class Command(BaseCommand):
    help = (
        "Generate a synthetic local authority: agencies, teams and staff, families, and about six years of "
        "contacts, referrals, episodes, assessments, plans and visits. The same --children and --seed give the "
        "same data on the same day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=2000, help="Children aged 0-17 in the authority (default 2000).")
        parser.add_argument("--seed", type=int, default=1, help="Seed for the random streams (default 1).")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--append", action="store_true", help="Add to the children already on record.")
        mode.add_argument("--flush", action="store_true", help="Delete the generated authority first (refused if real records exist).")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, children: int, seed: int, append: bool, flush: bool, quiet: bool, **options) -> None:
        if children < 1:
            raise CommandError("--children must be a whole number of at least 1")
        try:
            if flush:
                removed = flush_generated()
                self.stdout.write(f"Flushed the generated authority ({sum(removed.values()):,} rows).")
            result = generate_authority(children, seed, append=append, progress=progress_bars(quiet=quiet))
        except GenerationRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(f"Generated {children:,} children with seed {seed} in {result.seconds:.1f} seconds "
                          f"({', '.join(f'{phase} {seconds:.1f}' for phase, seconds in result.phases.items())}).")
        self.stdout.write("Rows per table now:")
        for table, count in row_counts().items():
            self.stdout.write(f"  {table:<32} {count:>10,}")
        if result.longest_child_id is not None:
            self.stdout.write(
                f"Longest history: child {result.longest_child_id} ({result.longest_entries} entries), "
                f"at /children/{result.longest_child_id}/"
            )
