"""``journey demo``: migrate the embedded database, make a small synthetic authority once, set demo sign-ins, serve."""
from django.core.management import BaseCommand, call_command

from journey.people.models import Child


class Command(BaseCommand):
    help = "Start Journey with a small synthetic local authority on http://127.0.0.1:8000"

    def add_arguments(self, parser):
        parser.add_argument("--children", type=int, default=1500, help="How many children the demo authority has (first run only).")
        parser.add_argument("--seed", type=int, default=2026, help="Seed for the synthetic authority.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Prepare the demo but do not start the server.")

    def handle(self, *args, children: int, seed: int, host: str, port: int, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database is up to date.")
        if Child.objects.exists():
            self.stdout.write("Demo authority already generated; keeping it.")
        else:
            self.stdout.write(f"Generating a synthetic authority with {children} children (seed {seed})...")
            call_command("generate", children=children, seed=seed)
        call_command("demo_users")
        if not no_serve:
            from journey.server import serve

            serve(host, port)
