"""``journey audit_verify``: walk the audit chain, check it against the anchors, and say whether it is intact;
exit 1 if it is not."""
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from journey.audit.anchors import check_anchors
from journey.audit.chain import verify_chain
from journey.audit.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Check that no audit event has been edited, deleted or reordered, and that the chain still holds every "
        "anchor in JOURNEY_AUDIT_ANCHOR_DIR. Exits with status 1 if not."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=5000, help="Events read from the database at a time.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, batch_size: int, no_progress: bool, **options) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        quiet = no_progress or not sys.stderr.isatty()
        total = 0 if quiet else AuditEvent.objects.count()
        with tqdm(total=total, unit=" events", file=sys.stderr, disable=quiet) as bar:
            result = verify_chain(batch_size=batch_size, progress=bar.update)
        anchors = check_anchors()
        if not (result.ok and anchors.ok):
            raise CommandError(f"{result}\n{anchors}", returncode=1)
        self.stdout.write(self.style.SUCCESS(str(result)))
        self.stdout.write(str(anchors))
