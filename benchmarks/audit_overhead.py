"""What the audit log costs the child's journey page: the same page timed with auditing on and off.

Run against a generated authority (see benchmarks/generate.py), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/audit_overhead.py --runs 200

"Off" replaces the read logging (access.fetch.log_read and audit.log.record_read) and every append to the chain
with no-ops and disconnects the change capture, in this process only. Renders alternate on and off, so that drift
(caches warming, other load) falls on both alike. Prints p50/p95/max in milliseconds and the SQL queries per render
for each. It never asserts a time. It appends real audit events (one read per "on" render) to the database used.
"""
import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
os.environ.setdefault("JOURNEY_DEBUG", "true")


@contextmanager
def audit_off():
    """Turn the audit log into no-ops: reads, appends and change capture."""
    from journey.access import fetch
    from journey.audit import chain, changes, log

    saved = [(fetch, "log_read", fetch.log_read), (log, "record_read", log.record_read),
             (log, "append", log.append), (chain, "append", chain.append)]
    fetch.log_read = lambda *args, **kwargs: None
    log.record_read = lambda *args, **kwargs: None
    log.append = chain.append = lambda event: event
    changes.disconnect()
    try:
        yield
    finally:
        changes.connect()
        for module, name, original in saved:
            setattr(module, name, original)


def summary(label: str, timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    return f"audit {label}: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100, help="renders in each mode")
    parser.add_argument("--child", type=int, help="child id (default: the child with the most chronology rows)")
    options = parser.parse_args()

    import django

    django.setup()
    from _pages import longest_history_child, viewer_for
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from journey.audit.context import acting_as_system

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    child = longest_history_child(options.child)
    viewer = viewer_for(child)
    client = Client()
    with acting_as_system("benchmarks/audit_overhead.py"):  # the sign-in updates last_login, an audited write
        client.force_login(viewer)
    url = f"/children/{child.pk}/"

    def render() -> tuple[float, int]:
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code} for {viewer}")
        return elapsed, queries

    render()  # warm caches and the connection
    with audit_off():
        render()
    on, off, on_queries, off_queries = [], [], 0, 0
    for _ in range(options.runs):
        elapsed, on_queries = render()
        on.append(elapsed)
        with audit_off():
            elapsed, off_queries = render()
        off.append(elapsed)
    print(f"database: {connection.vendor}; child {child.pk}; viewer {viewer.username}; {options.runs} renders each")
    print(f"queries per render: audit on {on_queries}, audit off {off_queries}")
    print(summary("on ", on))
    print(summary("off", off))
    print(f"difference of medians: {statistics.median(on) - statistics.median(off):+.1f} ms")


if __name__ == "__main__":
    main()
