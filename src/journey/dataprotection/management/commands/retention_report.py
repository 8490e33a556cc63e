"""Print the retention review report: records per rule and those due for review by a date. Read-only."""
from datetime import timedelta
from time import perf_counter

from django.core.management.base import BaseCommand, CommandError

from journey.audit.log import record_list_read
from journey.lib.dates import today
from journey.people.models import Child

from ...retention import due_for_review, records_per_rule
from ...retention_rules import RULES_BY_CODE


class Command(BaseCommand):
    help = "Count records under each retention rule and list those due for review within N days (changes nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--within-days", type=int, default=0, help="Include reviews due up to this many days from today.")
        parser.add_argument("--rule", default="", choices=["", *RULES_BY_CODE], help="Only this rule.")
        parser.add_argument("--list", action="store_true", help="List each record due, not only the counts.")

    def handle(self, *args, within_days: int, rule: str, list: bool, **options) -> None:
        if within_days < 0:
            raise CommandError("--within-days must be 0 or more")
        children = Child.objects.all()  # run by the operator on the server: the officer's scope, every record
        cutoff = today() + timedelta(days=within_days)
        started = perf_counter()
        counts = records_per_rule(children)
        self.stdout.write(f"Records per rule ({perf_counter() - started:.2f}s)")
        for count in counts:
            self.stdout.write(f"  {count.rule.record_kind}: {count.records} ({count.active} in use)")
        started = perf_counter()
        due = due_for_review(children, cutoff=cutoff, rule_code=rule)
        self.stdout.write(f"Due for review by {cutoff:%-d %B %Y}: {len(due)} ({perf_counter() - started:.2f}s)")
        per_rule: dict[str, int] = {}
        for record in due:
            per_rule[record.review.rule.record_kind] = per_rule.get(record.review.rule.record_kind, 0) + 1  # type: ignore[union-attr]
        for kind, number in sorted(per_rule.items()):
            self.stdout.write(f"  {kind}: {number}")
        if list:
            # Names on the operator's screen are a read like any list on a page: one event, no user (the command).
            record_list_read(None, "retention report (command line)", dict.fromkeys(record.child_id for record in due))
            for record in due:
                self.stdout.write(f"{record.review.review_on:%Y-%m-%d}  {record.child_id:>8}  {record.name}  ({record.review.explanation})")
