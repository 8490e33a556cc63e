"""Writing generated rows: parents first, each row given its id before any row that points to it is written.

PostgreSQL: each table's ids are taken from its own sequence (``nextval``, so a concurrent writer can never be
handed the same id), then its rows go in with one ``COPY ... FROM STDIN`` (psycopg 3's ``cursor.copy``).
Elsewhere (SQLite, for the demo and the tests): Django's ``bulk_create``, which reads the new ids back.

Neither sends model signals, so nothing here is captured by the audit log; see ``generate.py``.
"""
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from operator import attrgetter
from typing import Any

from django.db import connection, models

from .rows import Row

BATCH_SIZE = 2000  # rows per INSERT for bulk_create (SQLite allows 32,766 parameters a statement)


class Table:
    """How one model's rows become the values of its columns, in the model's own column order."""

    def __init__(self, model: type[models.Model]) -> None:
        fields = model._meta.concrete_fields
        self.model = model
        self.columns = tuple(field.column for field in fields)
        self.own_ids = not model._meta.pk.is_relation
        self.pk_index = next(i for i, field in enumerate(fields) if field.primary_key)
        # A child's id is its person's: the primary key is itself a foreign key, read like any other.
        self._get = attrgetter(*("pk" if field.primary_key and not field.is_relation else field.name for field in fields))
        self._keys = tuple(i for i, field in enumerate(fields) if field.is_relation)
        self._json = tuple(i for i, field in enumerate(fields) if isinstance(field, models.JSONField))

    def values(self, row: Row, *, json_as_text: bool = False) -> list[Any]:
        values = list(self._get(row))
        for i in self._keys:
            target = values[i]
            if target is not None:
                values[i] = target.pk
                if values[i] is None:
                    raise ValueError(f"{self.model._meta.label} row points to an unwritten {type(target).__name__}")
        if json_as_text:
            for i in self._json:
                values[i] = json.dumps(values[i])
        return values


@cache
def table(model: type[models.Model]) -> Table:
    return Table(model)


def write_rows(rows: Mapping[type[models.Model], Sequence[Row]]) -> Counter:
    """Write ``rows`` (models in parent-first order), giving each row its ``pk``; return rows written per table."""
    written: Counter = Counter()
    write = _copy if connection.vendor == "postgresql" else _bulk_create
    for model, model_rows in rows.items():
        if model_rows:
            write(table(model), model_rows)
            written[model._meta.label] += len(model_rows)
    return written


def _copy(table: Table, rows: Sequence[Row]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if table.own_ids:
            for row, pk in zip(rows, _next_ids(cursor, table.model, len(rows)), strict=True):
                row.pk = pk
        sql = f"COPY {quote(table.model._meta.db_table)} ({', '.join(map(quote, table.columns))}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                values = table.values(row, json_as_text=True)
                if not table.own_ids:
                    row.pk = values[table.pk_index]
                copy.write_row(values)


def _next_ids(cursor, model: type[models.Model], count: int) -> Sequence[int]:
    """``count`` new ids from the table's own sequence, in order: a range, unless another writer took some of the
    values between (then the list of those this one was given)."""
    cursor.execute(
        "WITH taken AS (SELECT nextval(%s) AS id FROM generate_series(1, %s)) "
        "SELECT min(id), max(id) - min(id) + 1 = count(*), "
        "CASE WHEN max(id) - min(id) + 1 = count(*) THEN NULL ELSE array_agg(id ORDER BY id) END FROM taken",
        [_sequence(model), count],
    )
    first, contiguous, scattered = cursor.fetchone()
    return range(first, first + count) if contiguous else scattered


@cache
def _sequence(model: type[models.Model]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column])
        return cursor.fetchone()[0]


def _bulk_create(table: Table, rows: Sequence[Row]) -> None:
    model = table.model
    instances = [model(*table.values(row)) for row in rows]
    model._base_manager.bulk_create(instances, batch_size=BATCH_SIZE)
    for row, instance in zip(rows, instances, strict=True):
        row.pk = instance.pk
