"""Time to render the child's journey page for the child with the longest history, against the sign-in page (a
page that reads nothing) in the same process and the same run.

Run against a generated authority (see benchmarks/generate.py), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/journey_page.py --runs 300

The two pages are requested alternately through Django's test client, so machine noise falls on both alike. Prints
p50/p95/max in milliseconds for each, the ratio of the p95s, the same for the chronology alone (the fragment htmx asks
for when a practitioner filters or turns a page: access check, audited read, one page of entries), the SQL queries one render makes, and where a render's
time goes: SQL (time inside the database driver), template rendering, and the rest (view, ORM, middleware). It
never asserts a time. Runs with production settings (benchmarks/_production.py).
"""
import argparse
import statistics
import sys
import time

from _production import use_production_settings

use_production_settings()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--child", type=int, help="child id (default: the child with the most chronology rows)")
    parser.add_argument("--path-suffix", default="", help="e.g. '?order=oldest' to time a filtered page")
    options = parser.parse_args()

    import django

    django.setup()
    from _pages import longest_history_child, viewer_for
    from django.db import connection
    from django.test import Client

    from journey.audit.context import acting_as_system
    from journey.chronology.build import chronology_for

    child = longest_history_child(options.child)
    viewer = viewer_for(child)
    client = Client()
    with acting_as_system("benchmarks/journey_page.py"):  # the sign-in updates last_login, an audited write
        client.force_login(viewer)
    url = f"/children/{child.pk}/{options.path_suffix}"
    entries = len(chronology_for(child))


    from django.template.backends.django import Template

    spent = {"sql": 0.0, "template": 0.0}
    queries: list[str] = []

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent["sql"] += time.perf_counter() - started
            queries.append(sql)

    original_render = Template.render

    def timed_render(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original_render(self, *args, **kwargs)
        finally:
            spent["template"] += time.perf_counter() - started

    Template.render = timed_render  # type: ignore[method-assign]
    anonymous = Client()
    first = client.get(url)
    if first.status_code != 200:
        sys.exit(f"{url} answered {first.status_code}")
    for _ in range(20):  # warm both pages' code paths and caches
        client.get(url)
        anonymous.get("/accounts/sign-in/")
    fragment_headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "chronology"}
    journey, sign_in, sql, template, fragment = [], [], [], [], []
    with connection.execute_wrapper(timed_sql):
        for _ in range(options.runs):
            started = time.perf_counter()
            assert client.get(url, **fragment_headers).status_code == 200
            fragment.append((time.perf_counter() - started) * 1000)
            spent.update(sql=0.0, template=0.0)
            queries.clear()
            started = time.perf_counter()
            response = client.get(url)
            journey.append((time.perf_counter() - started) * 1000)
            sql.append(spent["sql"] * 1000)
            template.append(spent["template"] * 1000)
            assert response.status_code == 200
            started = time.perf_counter()
            assert anonymous.get("/accounts/sign-in/").status_code == 200
            sign_in.append((time.perf_counter() - started) * 1000)
    Template.render = original_render  # type: ignore[method-assign]

    def p95(values):
        ordered = sorted(values)
        return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]

    rest = [total - s - t for total, s, t in zip(journey, sql, template, strict=True)]
    print(f"database: {connection.vendor}; child {child.pk} with {entries} chronology entries; page {len(first.content)//1024} KiB")
    print(f"queries per render: {len(queries)}")
    print(f"journey page over {options.runs} renders: p50 {statistics.median(journey):.1f} ms, p95 {p95(journey):.1f} ms, max {max(journey):.1f} ms")
    print(f"sign-in page (reads nothing):  p50 {statistics.median(sign_in):.1f} ms, p95 {p95(sign_in):.1f} ms")
    print(f"ratio of p95s (journey / sign-in): {p95(journey) / p95(sign_in):.2f}")
    print(
        f"chronology fragment alone: p50 {statistics.median(fragment):.1f} ms, p95 {p95(fragment):.1f} ms; "
        f"ratio of p95s {p95(fragment) / p95(sign_in):.2f}"
    )
    print(
        f"where a journey render goes (p50): SQL {statistics.median(sql):.1f} ms, template {statistics.median(template):.1f} ms, "
        f"view, ORM and middleware {statistics.median(rest):.1f} ms"
    )


if __name__ == "__main__":
    main()
