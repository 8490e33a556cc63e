"""The spellings of names on record, from which a search picks those near the name it was given.

A spelling slip is judged against each distinct spelling (a few hundred thousand in a large authority), not
against each person (a million): on PostgreSQL from ``people_name_spelling``, which the database keeps equal to
the people table (migration 0006) and which answers by its trigram and pattern indexes; elsewhere (SQLite: the demo
and the tests) from the people table itself, which is small there. Either way the spellings are upper-cased by the
database, as the searches compare them, and ``people.names`` decides which are near.
"""
import re

from django.db import connection
from django.db.models.functions import Upper

from .models import Person

FORMER_NAME_WORDS = re.compile(r"[\s,]+")  # as migration 0006 splits them


def candidate_spellings(folded: str, variants: frozenset[str]) -> set[str]:
    """Spellings on record that may be near ``folded`` (a name folded by ``people.names.fold``): every one that,
    without its accents, shares its first letter, is a variant of it, or shares letter triples with it (pg_trgm's
    ``%``). More than the near ones; ``people.names.likeness`` chooses among them."""
    if not folded:
        return set()
    if connection.vendor != "postgresql":
        return spellings_on_record()
    initial = folded[0].upper()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT spelling FROM people_name_spelling WHERE plain %% %s OR plain LIKE %s OR plain = ANY(%s)",
            [folded, f"{initial}%" if initial not in "%_\\" else "", sorted(v.upper() for v in variants | {folded})],
        )
        return {spelling for (spelling,) in cursor.fetchall()}


def spellings_on_record() -> set[str]:
    """Every spelling the people table holds (see migration 0006 for which), read from the table itself."""
    people = Person.objects.order_by()
    found: set[str] = set()
    for column in ("first_name", "last_name", "known_as"):
        found.update(people.annotate(spelling=Upper(column)).values_list("spelling", flat=True).distinct())
    for former in people.exclude(former_names="").annotate(spelling=Upper("former_names")).values_list("spelling", flat=True).distinct():
        found.update(FORMER_NAME_WORDS.split(former))
    return found - {""}


def differences() -> set[str]:
    """Spellings that ``people_name_spelling`` lacks or holds beyond the people table's; empty when they agree
    (PostgreSQL only: elsewhere the table is the people table)."""
    if connection.vendor != "postgresql":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT spelling FROM people_name_spelling")
        kept = {spelling for (spelling,) in cursor.fetchall()}
    return kept ^ spellings_on_record()
