"""Time every list page for the user who sees the longest list, on a generated authority.

Run against a generated authority (see benchmarks/generate.py), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_find50k .venv/bin/python benchmarks/list_pages.py --runs 50

The pages: My children (the practitioner holding most), the team list (the manager of the team holding most), the
service list (a head of service), the front door queue (a screener), find a child (a practitioner: name and date of
birth, and a family name alone), who has looked at a record (the child with the most audit events, as a manager who
holds the child) and the data protection officer's lists. Each is fetched through Django's test client, signed in as
that user; prints p50/p95/max in milliseconds per render and the SQL queries one render makes. It never asserts a time.
Runs with production settings (benchmarks/_production.py).
"""
import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from _production import use_production_settings

use_production_settings()


@dataclass
class Page:
    label: str
    url: str
    user: object


def _first(queryset, what: str):
    found = queryset.first()
    if found is None:
        sys.exit(f"No {what}: run `journey generate` first.")
    return found


def pages(audit_events: int) -> list[Page]:
    from django.db.models import Count

    from journey.accounts.models import Role, Team, TeamKind, User
    from journey.audit.log import record_read
    from journey.audit.models import AuditEvent
    from journey.casework.models import Allocation
    from journey.people.models import Child

    current = Allocation.objects.current()
    worker = User.objects.get(pk=_first(current.values("worker").annotate(n=Count("id")).order_by("-n"), "allocations")["worker"])
    team = Team.objects.get(pk=current.values("team").annotate(n=Count("id")).order_by("-n").first()["team"])  # type: ignore[index]
    head = _first(User.objects.filter(role=Role.HEAD_OF_SERVICE, team__kind=TeamKind.SERVICE, is_active=True).order_by("pk"), "head of service")
    screener = _first(User.objects.filter(role=Role.SCREENER, is_active=True).order_by("pk"), "screener")
    officer = _first(User.objects.filter(role=Role.DATA_PROTECTION_OFFICER, is_active=True).order_by("pk"), "data protection officer")
    # The child with most events among those held now (topped up to ``audit_events``: the generator writes its
    # rows without change capture), seen by the manager of the team holding the child.
    held = current.values("episode__child_id")
    busiest = AuditEvent.objects.filter(child__in=held).values("child").annotate(n=Count("id")).order_by("-n").first()
    child = Child.objects.select_related("person").get(pk=busiest["child"] if busiest else held.first()["episode__child_id"])  # type: ignore[index]
    manager = User.objects.get(pk=current.filter(episode__child=child).values_list("team__manager", flat=True).first())
    events = AuditEvent.objects.filter(child=child).count()
    if events < audit_events:
        print(f"Adding {audit_events - events} read events to child {child.pk}'s audit trail", flush=True)
        for n in range(audit_events - events):
            record_read(worker, child, f"benchmark read {n}")
    named = child.person
    born = named.date_of_birth
    dob = {"date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year} if born else {}
    return [
        Page("My children (practitioner)", "/casework/", worker),
        Page(f"My children + team list ({team.name})", "/casework/", team.manager),
        Page("My children + service list (head of service)", "/casework/", head),
        Page("Front door queue", "/front-door/", screener),
        Page("Find a child: name and date of birth", f"/children/find/?{urlencode({'name': named.full_name, **dob})}", worker),
        Page("Find a child: family name alone", f"/children/find/?{urlencode({'name': named.last_name})}", worker),
        Page(f"Who has looked (child {child.pk}, {max(events, audit_events)} events)", f"/audit/children/{child.pk}/", manager),
        Page("Data protection: open requests", "/data-protection/", officer),
        Page("Data protection: sharing log", "/data-protection/shares/", officer),
        Page("Data protection: retention report", "/data-protection/retention/", officer),
    ]


def time_page(client, url: str, runs: int, counter: Callable) -> tuple[list[float], int, int]:
    from django.db import connection

    executed: list[str] = []
    with connection.execute_wrapper(counter(executed)):
        first = client.get(url)
    if first.status_code != 200:
        sys.exit(f"{url} answered {first.status_code}")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return sorted(timings), len(executed), len(first.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--only", help="time only the pages whose label contains this text")
    parser.add_argument("--audit-events", type=int, default=2000, help="events the timed child's audit trail holds at least")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from journey.audit.context import acting_as_system
    from journey.people.models import Child

    def counter(executed: list[str]) -> Callable:
        def count(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)
        return count

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; {Child.objects.count()} children")
    print(f"{'page':60} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8} {'KiB':>6}")
    for page in pages(options.audit_events):
        if options.only and options.only.lower() not in page.label.lower():
            continue
        client = Client()
        with acting_as_system("benchmarks/list_pages.py"):  # the sign-in updates last_login, an audited write
            client.force_login(page.user)
        timings, queries, size = time_page(client, page.url, options.runs, counter)
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        print(f"{page.label[:60]:60} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f} {queries:8d} {size // 1024:6d}",
              flush=True)


if __name__ == "__main__":
    main()
