"""The load curve: requests a second, p95 and errors with 1, 10, 50 and 100 concurrent practitioners, over real
HTTP against `journey serve` on PostgreSQL, driven by locust (benchmarks/load/locustfile.py: journey pages and
their older entries, My children, find a child, and visits and significant events recorded, all audited).

Against a generated authority, e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/load_curve.py \
        --users 1,10,50,100 --seconds 60

Needs the bench extra (`pip install -e .[bench]`, for locust). Gives a password to --sign-ins practitioners who hold
children (their passwords change: use a generated authority only), starts `journey serve` with production settings
over plain HTTP, runs locust headless once per step, and prints one row per step. Afterwards it checks that the
audit chain verifies and that the chronology equals its rebuild for every child the run wrote to. It never asserts a
time. Locust and the server share this machine's CPU.
"""
import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _production import BENCHMARK_AUDIT_KEY, production_environment

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-" + secrets.token_urlsafe(12)


def server_environment(threads: int) -> dict[str, str]:
    return {**os.environ, **production_environment(), "JOURNEY_SERVER_THREADS": str(threads)}


def give_sign_ins(how_many: int) -> list[str]:
    """Usernames of practitioners who hold children now, each given the run's password."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
    os.environ.setdefault("JOURNEY_DEBUG", "true")
    os.environ.setdefault("JOURNEY_AUDIT_KEY", BENCHMARK_AUDIT_KEY)
    import django

    django.setup()
    from journey.accounts.models import Role, User
    from journey.audit.context import acting_as_system
    from journey.casework.models import Allocation

    holders = Allocation.objects.current().values("worker")
    users = list(User.objects.filter(pk__in=holders, role=Role.PRACTITIONER, is_active=True).order_by("pk")[:how_many])
    if not users:
        sys.exit("Nobody holds a child: run `journey generate` first.")
    with acting_as_system("benchmarks/load_curve.py"):
        for user in users:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
    return [user.username for user in users]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds:.0f} s")


def run_step(users: int, seconds: int, host: str, environment: dict[str, str], out: Path) -> dict[str, str]:
    prefix = out / f"step-{users}"
    subprocess.run(
        [str(ROOT / ".venv/bin/locust"), "-f", str(ROOT / "benchmarks/load/locustfile.py"), "--headless", "--only-summary",
         "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--host", host, "--csv", str(prefix),
         "--loglevel", "WARNING"],
        env=environment, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="1,10,50,100", help="Concurrent users at each step, comma-separated.")
    parser.add_argument("--seconds", type=int, default=60, help="How long each step runs.")
    parser.add_argument("--sign-ins", type=int, default=100, help="Practitioners to sign in as (users share them beyond this).")
    parser.add_argument("--threads", type=int, default=8, help="`journey serve` threads.")
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument("--source", help="Serve Journey from this checkout's src/ instead (e.g. a git worktree of an "
                        "earlier commit, for a before-and-after curve on the same database).")
    options = parser.parse_args()
    steps = [int(step) for step in options.users.split(",")]

    usernames = give_sign_ins(options.sign_ins)
    out = Path(tempfile.mkdtemp(prefix="journey-load-"))
    (out / "users.json").write_text(json.dumps(usernames))
    environment = server_environment(options.threads)
    environment.update(JOURNEY_LOAD_USERS=str(out / "users.json"), JOURNEY_LOAD_PASSWORD=PASSWORD)
    host = f"http://127.0.0.1:{options.port}"
    server_environment_ = dict(environment)
    if options.source:
        server_environment_["PYTHONPATH"] = str(Path(options.source).resolve() / "src")
    server = subprocess.Popen(
        [sys.executable, "-m", "journey.cli", "serve", "--host", "127.0.0.1", "--port", str(options.port)],
        env=server_environment_, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{host}/accounts/sign-in/")
        from django.db import connection

        print(f"database: {connection.vendor}; {len(usernames)} practitioners; {options.threads} server threads; {options.seconds} s a step; "
              f"serving {options.source or ROOT}")
        print(f"{'users':>5}  {'req/s':>7}  {'p50 ms':>7}  {'p95 ms':>7}  {'journey p95':>11}  {'write p95':>9}  {'requests':>8}  {'errors':>6}")
        for users in steps:
            rows = run_step(users, options.seconds, host, environment, out)
            total = rows["Aggregated"]
            journey = rows.get("journey page", {}).get("95%", "-")
            write = rows.get("record a visit", {}).get("95%", "-")
            print(
                f"{users:>5}  {float(total['Requests/s']):>7.1f}  {total['50%']:>7}  {total['95%']:>7}  {journey:>11}  "
                f"{write:>9}  {total['Request Count']:>8}  {total['Failure Count']:>6}", flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    checks = [
        subprocess.run([str(ROOT / ".venv/bin/journey"), *command], env={**environment, "JOURNEY_DEBUG": "true"},
                       capture_output=True, text=True, check=False)
        for command in (["audit_verify", "--no-progress"], ["chronology_rebuild", "--check", "--no-progress"])
    ]
    for check in checks:
        print((check.stdout or check.stderr).strip().splitlines()[0] if (check.stdout or check.stderr) else check.returncode)


if __name__ == "__main__":
    main()
