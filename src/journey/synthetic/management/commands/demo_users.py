"""``journey demo_users [--password P]``: sign-ins for one user of each role in a generated authority."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from journey.synthetic.demo import NoDemoUsers, demo_sign_ins


class Command(BaseCommand):
    help = "Set a password on one demo user of each role and print who to sign in as and what to try."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", help="The password to set (default: a random one, printed).")

    def handle(self, *args, password: str | None, **options) -> None:
        try:
            password, rows = demo_sign_ins(password)
        except NoDemoUsers as missing:
            raise CommandError(str(missing)) from missing
        except ValidationError as weak:
            raise CommandError("Password not accepted: " + " ".join(weak.messages)) from weak
        width = max(len(r.username) for r in rows)
        role_width = max(len(r.role) for r in rows)
        self.stdout.write(f"{'Username':<{width}}  {'Role':<{role_width}}  What to try")
        for row in rows:
            self.stdout.write(f"{row.username:<{width}}  {row.role:<{role_width}}  {row.try_this}")
        self.stdout.write(f"\nPassword for all of them: {password}")
