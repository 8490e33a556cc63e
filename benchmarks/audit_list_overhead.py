"""What the list-read and refusal events cost a page: each page timed with those events on and off.

Run against a generated authority (see benchmarks/generate.py), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/audit_list_overhead.py --runs 200

Pages: "My children" for the team manager whose team holds most children (caseload and team list in one event),
GET /api/children?limit=100 (100 names and dates of birth a call, one event), and a refused child's page and API
call (one refusal each, committed in its own transaction). "Off" replaces record_list_read and record_refusal with
no-ops where the pages call them, in this process only; nothing else changes, so the difference of medians is the
cost of the event. Renders alternate on and off, so that drift falls on both alike. First it times each of the
two calls alone (each commits, as it does on a page). Prints p50/p95/max in milliseconds and SQL queries per
render; it never asserts a time. It appends real audit events to the database
used, and issues the manager one API token (named "benchmark").
"""
import argparse
import logging
import os
import statistics
import sys
import time
from contextlib import contextmanager

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
os.environ.setdefault("JOURNEY_DEBUG", "true")


@contextmanager
def events_off():
    """The list-read and refusal events become no-ops where they are called; every other audit write stays."""
    from journey.access import middleware
    from journey.api.endpoints import children
    from journey.casework import views

    noop = lambda *args, **kwargs: None  # noqa: E731
    saved = [(views, "record_list_read"), (children, "record_list_read"), (middleware, "record_refusal")]
    originals = [getattr(module, name) for module, name in saved]
    for module, name in saved:
        setattr(module, name, noop)
    try:
        yield
    finally:
        for (module, name), original in zip(saved, originals, strict=False):
            setattr(module, name, original)


def summary(label: str, timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    return f"p50 {statistics.median(timings):6.2f} ms, p95 {p95:6.2f} ms, max {timings[-1]:6.2f} ms  ({label})"


def busiest_manager():
    """The team manager whose team holds the most open episodes: the longest "My children" page."""
    from django.db.models import Count, Q

    from journey.accounts.models import Role, User

    manager = (
        User.objects.filter(role=Role.TEAM_MANAGER, is_active=True, team__isnull=False)
        .annotate(held=Count("team__allocations", filter=Q(team__allocations__ended_on__isnull=True)))
        .order_by("-held").first()
    )
    if manager is None:
        sys.exit("No team manager: run `journey generate` first.")
    return manager


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100, help="renders of each page in each mode")
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client, RequestFactory

    from journey.accounts.models import Role, User
    from journey.api.actions import create_user_token
    from journey.audit.context import acting_as_system
    from journey.audit.log import record_list_read, record_refusal
    from journey.people.models import Child

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    logging.getLogger("django.request").setLevel(logging.ERROR)  # not a "Forbidden" line for each refused render
    manager = busiest_manager()
    issuer = User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).first() or manager
    hidden = Child.objects.exclude(pk__in=Child.objects.visible_to(manager).values("pk")).order_by("pk").first()
    if hidden is None:
        sys.exit(f"{manager} may see every child: generate a larger authority.")
    client = Client()
    with acting_as_system("benchmarks/audit_list_overhead.py"):  # the sign-in and the token are written audited
        _, secret = create_user_token(manager, name="benchmark", acting_user=issuer)
        client.force_login(manager)
    bearer = {"Authorization": f"Bearer {secret}"}
    pages = [
        ("my children (caseload + team list)", "/casework/", {}, 200),
        ("GET /api/children?limit=100", "/api/children?limit=100", bearer, 200),
        ("refused page /children/<id>/", f"/children/{hidden.pk}/", {}, 403),
        ("refused GET /api/children/<id>", f"/api/children/{hidden.pk}", bearer, 403),
    ]

    def render(url: str, headers: dict, status: int) -> tuple[float, int]:
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != status:
            sys.exit(f"{url} answered {response.status_code} for {manager}, not {status}")
        return elapsed, queries

    print(f"database: {connection.vendor}; viewer {manager.username} ({manager.team}); {options.runs} renders each way")
    hundred = list(Child.objects.visible_to(manager).order_by("pk").values_list("pk", flat=True)[:100])
    request = RequestFactory().get(f"/api/children/{hidden.pk}", REMOTE_ADDR="192.0.2.1")
    calls = [
        ("record_list_read, 100 children", lambda: record_list_read(manager, "benchmark", hundred, request=request)),
        ("record_refusal", lambda: record_refusal(manager, request, ids={"child_id": hidden.pk})),
    ]
    for label, call in calls:
        call()
        timings, cpu = [], []
        for _ in range(options.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            call()
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        print(f"{label} alone, with its commit: " + summary("wall clock", timings))
        print(f"{' ' * len(label)}   this process's CPU: " + summary("the rest is the database and its disk", cpu))
    for label, url, headers, status in pages:
        render(url, headers, status)  # warm caches and the connection
        with events_off():
            render(url, headers, status)
        on, off, on_queries, off_queries = [], [], 0, 0
        for _ in range(options.runs):
            elapsed, on_queries = render(url, headers, status)
            on.append(elapsed)
            with events_off():
                elapsed, off_queries = render(url, headers, status)
            off.append(elapsed)
        print(f"\n{label}: queries per render {on_queries} with the event, {off_queries} without")
        print("  event on : " + summary("on", on))
        print("  event off: " + summary("off", off))
        print(f"  cost of the event (difference of medians): {statistics.median(on) - statistics.median(off):+.2f} ms")


if __name__ == "__main__":
    main()
