"""Time to render the child's journey page for the child with the longest history.

Run against a generated authority (see benchmarks/generate.py), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/journey_page.py --runs 200

Prints p50/p95/max in milliseconds for the full request (view, queries, template) through Django's test client,
and the number of SQL queries one render makes. It never asserts a time.
"""
import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
os.environ.setdefault("JOURNEY_DEBUG", "true")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--child", type=int, help="child id (default: the child with the most chronology rows)")
    parser.add_argument("--path-suffix", default="", help="e.g. '?order=oldest' to time a filtered page")
    options = parser.parse_args()

    import django

    django.setup()
    from _pages import longest_history_child, viewer_for
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from journey.audit.context import acting_as_system
    from journey.chronology.build import chronology_for

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    child = longest_history_child(options.child)
    viewer = viewer_for(child)
    client = Client()
    with acting_as_system("benchmarks/journey_page.py"):  # the sign-in updates last_login, an audited write
        client.force_login(viewer)
    url = f"/children/{child.pk}/{options.path_suffix}"
    entries = len(chronology_for(child))

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        first = client.get(url)
    if first.status_code != 200:
        sys.exit(f"{url} answered {first.status_code}")
    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(f"database: {connection.vendor}; child {child.pk} with {entries} chronology entries; page {len(first.content)//1024} KiB")
    print(f"queries per render: {len(queries)}")
    print(f"journey page over {options.runs} renders: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
