"""Time finding a child among a million people on PostgreSQL, through the real find-a-child page.

    .venv/bin/python benchmarks/search.py                  # builds journey_find1m once (a few minutes), then times
    .venv/bin/python benchmarks/search.py --runs 100 --database-url postgres://postgres@127.0.0.1:5432/journey_find1m

The first run creates the database if it is missing, migrates it and loads --people synthetic children (names from
the generator's word banks, deterministic from --seed; one in three has moved house, a few have a former family
name or a known-as name) with psycopg COPY in one transaction, so a build either completes or leaves nothing. A
database that already holds the children is used as it is. Each search type is then timed over --runs different
children (the details taken from the children on record, misspelt where the type says so: one slip in the family
name, or in both names; a nickname from the nicknames list where the first name has one), as a front door screener
through Django's test client (after --warmup searches for other children, untimed, so the indexes are in memory as
on a server in use): the view, its queries, the audit event and the template. Prints p50/p95/max in
milliseconds, queries per search, how many children the page showed and how often the child searched for was
among them (with only ~150 family and ~250 first names in the word banks, a name alone matches hundreds of children,
so the child is often beyond the 25 shown). --slowest prints each type's slowest search. A database built before
UPNs were loaded gets them for the children searched for. It never asserts a time. Runs with production settings
(benchmarks/_production.py).
"""
import argparse
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode, urlparse

from _production import use_production_settings

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/journey_find1m"
BENCH_USER = "bench.search.screener"
SHOWN = re.compile(r"(\d+) child(?:ren)? found")


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            print(f"Creating database {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def people_rows(count: int, seed: int, today: date):
    """(person, addresses) rows for ``count`` children, ids 1..count, the same for the same seed."""
    from journey.people.matching import name_key
    from journey.synthetic.banks import ETHNICITY_WEIGHTS, FIRST_NAMES, HERITAGE_BY_ETHNICITY, LAST_NAMES, STREETS, TOWNS
    from journey.synthetic.identity import nhs_number_for, nicknames_for, postcode

    rng = random.Random(f"{seed}:search-benchmark")
    codes, weights = list(ETHNICITY_WEIGHTS), list(ETHNICITY_WEIGHTS.values())
    keys: dict[str, str] = {}
    created = datetime(today.year, 1, 1, 9, tzinfo=UTC)
    for pk in range(1, count + 1):
        ethnicity = rng.choices(codes, weights)[0]
        heritage = HERITAGE_BY_ETHNICITY[ethnicity]
        sex = rng.choice("FM")
        first = rng.choice(FIRST_NAMES[heritage][sex])
        last = rng.choice(LAST_NAMES[heritage])
        born = today - timedelta(days=rng.randrange(18 * 365))
        known_as = ""
        if rng.random() < 0.05 and (nicknames := nicknames_for(first)):
            known_as = rng.choice(nicknames)
        former = rng.choice(LAST_NAMES[heritage]) if rng.random() < 0.03 else ""
        for name in (first, last):
            if name not in keys:
                keys[name] = name_key(name)
        person = (pk, first, "", last, known_as, former, born, sex, "", ethnicity, "", False, nhs_number_for(pk),
                  keys[first], keys[last], created)
        homes = []
        moved_in = born
        for _ in range(1 + (rng.random() < 0.33)):
            homes.append((pk, f"{rng.randint(1, 120)} {rng.choice(STREETS)} Road", "", rng.choice(TOWNS), postcode(rng),
                          moved_in, None))
            moved_in = born + timedelta(days=rng.randrange(max(1, (today - born).days)))
        if len(homes) == 2:
            homes[0] = (*homes[0][:6], homes[1][5])
        yield person, homes


def build(count: int, seed: int) -> None:
    """Load ``count`` children with COPY, unless the database already holds them."""
    from django.db import connection, transaction

    from journey.lib.dates import today
    from journey.people.models import Child

    have = Child.objects.count()
    if have >= count:
        return
    if have:
        sys.exit(f"The database holds {have} children, not {count}: drop it, or point --database-url at another.")
    print(f"Loading {count} children with COPY (once)...", flush=True)
    started = time.monotonic()
    person_columns = ("id, first_name, middle_names, last_name, known_as, former_names, date_of_birth, sex, gender, "
                      "ethnicity, first_language, needs_interpreter, nhs_number, first_name_key, last_name_key, created_at")
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        addresses: list[tuple] = []
        with raw.copy(f"COPY people_person ({person_columns}) FROM STDIN") as copy:
            for person, homes in people_rows(count, seed, today()):
                copy.write_row(person)
                addresses.extend(homes)
        with raw.copy("COPY people_child (person_id, expected_date_of_birth, upn, disabilities, is_restricted) FROM STDIN") as copy:
            for pk in range(1, count + 1):
                copy.write_row((pk, None, upn_of(pk), "[]", False))
        with raw.copy("COPY people_address (person_id, line_1, line_2, town, postcode, moved_in_on, moved_out_on) FROM STDIN") as copy:
            for address in addresses:
                copy.write_row(address)
        cursor.execute("SELECT setval(pg_get_serial_sequence('people_person', 'id'), %s)", [count])
    with connection.cursor() as cursor:
        for table in ("people_person", "people_child", "people_address"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"Loaded {count} children and {len(addresses)} addresses in {time.monotonic() - started:.0f} s", flush=True)


def upn_of(pk: int) -> str:
    """A valid UPN for child ``pk``, unique below ten million children."""
    from journey.synthetic.identity import upn_for

    return upn_for(pk // 1000, pk // 10_000_000, pk % 1000)


def ensure_upns(children: list) -> None:
    """Give the children searched for their UPNs where a database built before UPNs were loaded lacks them (the
    others keep none: a UPN search reads one index entry either way)."""
    from django.db import connection

    missing = [child for child in children if not child.upn]
    with connection.cursor() as cursor:
        for child in missing:
            child.upn = upn_of(child.pk)
            cursor.execute("UPDATE people_child SET upn = %s WHERE person_id = %s", [child.upn, child.pk])


def screener():
    """A front door screener to search as (made once, as a named system actor)."""
    from journey.accounts.models import Agency, AgencyKind, Role, Team, TeamKind, User

    council, _ = Agency.objects.get_or_create(
        name="Benchmark Children's Services", defaults={"kind": AgencyKind.CHILDRENS_SOCIAL_CARE, "is_local_authority": True}
    )
    team, _ = Team.objects.get_or_create(name="Benchmark Front Door", defaults={"kind": TeamKind.FRONT_DOOR, "agency": council})
    user = User.objects.filter(username=BENCH_USER).first()
    return user or User.objects.create_user(
        username=BENCH_USER, email="screener@example.invalid", role=Role.SCREENER, agency=council, team=team,
        first_name="Bench", last_name="Screener",
    )


def searches(children: list, seed: int) -> dict[str, list[dict]]:
    """For each search type, the form data a screener would type for each of ``children``."""
    from journey.synthetic.identity import nicknames_for, typo

    rng = random.Random(f"{seed}:searches")

    def dob(born: date) -> dict:
        return {"date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year}

    types: dict[str, list[dict]] = {name: [] for name in (
        "name only", "surname only", "first name only", "date of birth", "postcode", "NHS number", "UPN", "name and date of birth",
        "misspelt name and date of birth", "misspelt name", "misspelt surname only", "double misspelling", "nickname and surname",
    )}
    for child in children:
        person = child.person
        full = {"first_name": person.first_name, "last_name": person.last_name}
        misspelt = {"first_name": person.first_name, "last_name": typo(rng, person.last_name)}
        nicknames = nicknames_for(person.first_name)
        current = next((a.postcode for a in person.addresses.all() if a.moved_out_on is None), "")
        types["name only"].append(full)
        types["surname only"].append({"last_name": person.last_name})
        types["first name only"].append({"first_name": person.first_name})
        types["date of birth"].append(dob(person.date_of_birth))
        types["postcode"].append({"postcode": current})
        types["NHS number"].append({"nhs_number": person.nhs_number})
        types["UPN"].append({"upn": child.upn})
        types["name and date of birth"].append({**full, **dob(person.date_of_birth)})
        types["misspelt name and date of birth"].append({**misspelt, **dob(person.date_of_birth)})
        types["misspelt name"].append(misspelt)
        types["misspelt surname only"].append({"last_name": misspelt["last_name"]})
        types["double misspelling"].append({"first_name": typo(rng, person.first_name), "last_name": typo(rng, person.last_name)})
        # The first name as a nickname where the nicknames list has one (most British names), else as written.
        types["nickname and surname"].append({"first_name": rng.choice(nicknames) if nicknames else person.first_name,
                                              "last_name": person.last_name})
    return types


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=50, help="children searched for, per search type (0: build only)")
    parser.add_argument("--warmup", type=int, default=10, help="other children searched for first, per type, untimed")
    parser.add_argument("--slowest", action="store_true", help="print each type's slowest search too")
    options = parser.parse_args()
    if not options.database_url.startswith("postgres"):
        sys.exit("This benchmark needs PostgreSQL (a postgres:// --database-url).")

    os.environ["DATABASE_URL"] = options.database_url
    use_production_settings()
    ensure_database(options.database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from journey.audit.context import acting_as_system
    from journey.people.models import Child

    with acting_as_system("benchmarks/search.py"):
        call_command("migrate", verbosity=0)
        build(options.people, options.seed)
        user = screener()
        client = Client()
        client.force_login(user)  # the sign-in updates last_login, an audited write

    if not options.runs:
        return
    rng = random.Random(options.seed)
    total = Child.objects.count()
    ids = rng.sample(range(1, options.people + 1), (options.runs + options.warmup) * 2)
    with_nhs = Child.objects.filter(pk__in=ids).exclude(person__nhs_number="")  # one id in eleven has no NHS number
    sampled = {child.pk: child for child in with_nhs.select_related("person").prefetch_related("person__addresses")}
    sampled_in_order = [sampled[pk] for pk in ids if pk in sampled]
    warming, chosen = sampled_in_order[: options.warmup], sampled_in_order[options.warmup: options.warmup + options.runs]
    with acting_as_system("benchmarks/search.py"):
        ensure_upns(warming + chosen)
    for forms in searches(warming, options.seed + 1).values():  # other children: the indexes warm, not the answers
        for data in forms:
            client.get(f"/children/find/?{urlencode(data)}")
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; {total} children; {len(chosen)} searched for per type"
          f" after {len(warming)} others per type to warm up")
    print(f"{'search':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8} {'shown':>6} {'target found':>13}")
    for kind, forms in searches(chosen, options.seed).items():
        timings, queries, shown, hits, slowest = [], [], [], 0, (0.0, "")
        for child, data in zip(chosen, forms, strict=True):
            url = f"/children/find/?{urlencode(data)}"
            executed: list[str] = []

            def count(execute, sql, params, many, context, executed=executed):
                executed.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            slowest = max(slowest, (timings[-1], url))
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            page = response.content.decode()
            found = SHOWN.search(page)
            queries.append(len(executed))
            shown.append(int(found.group(1)) if found else 0)
            hits += f"/children/{child.pk}/" in page
        timings.sort()
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        print(f"{kind:34} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f} {statistics.median(queries):8.0f} "
              f"{statistics.mean(shown):6.1f} {hits:>6}/{len(chosen)}")
        if options.slowest:
            print(f"{'':34} slowest: {slowest[0]:.1f} ms {slowest[1]}")


if __name__ == "__main__":
    main()
