"""``journey audit_anchor``: write the audit chain's head, signed, outside the database (run it daily)."""
from django.core.management.base import BaseCommand, CommandError

from journey.audit.anchors import AnchorError, take_anchor


class Command(BaseCommand):
    help = (
        "Write the audit chain's head (sequence, hash, time, signature) as a new file in JOURNEY_AUDIT_ANCHOR_DIR, "
        "so that journey audit_verify can find events deleted from the end. Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options) -> None:
        try:
            anchor, path = take_anchor()
        except AnchorError as error:
            raise CommandError(str(error), returncode=1) from None
        except OSError as error:
            raise CommandError(f"The anchor could not be written: {error}", returncode=1) from None
        self.stdout.write(self.style.SUCCESS(
            f"Anchored the audit chain at event {anchor.sequence} (hash {anchor.hash[:16]}…) in {path}."
        ))
