"""Keyset pagination for lists ordered by time, which grow while someone reads them.

An offset page ("page 2" is rows 51 to 100) shifts when rows are added above it: the audit trail gains an event
each time it is looked at, the front door's queue a contact each time one arrives, so the reader would see a row
twice or never. A keyset page instead starts after (or ends before) the row whose key the link carries, and asks
the database for only the rows it shows, through the list's index, however deep the reader goes.
"""
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class KeysetPage:
    """The rows shown, and the keys for the links to the pages either side (None where there is none)."""

    rows: list
    earlier: str | None
    later: str | None

    @property
    def has_other_pages(self) -> bool:
        return self.earlier is not None or self.later is not None


def beyond(order: Sequence[str], values: dict, forwards: bool) -> Q:
    """Rows strictly after the row with ``values`` in ``order`` (or strictly before it, going backwards)."""
    condition = Q(pk__in=[])
    for i, field in enumerate(order):
        name = field.lstrip("-")
        ascending = not field.startswith("-")
        lookup = "gt" if ascending == forwards else "lt"
        same_before = {prior.lstrip("-"): values[prior.lstrip("-")] for prior in order[:i]}
        condition |= Q(**same_before, **{f"{name}__{lookup}": values[name]})
    return condition


def reversed_order(order: Sequence[str]) -> list[str]:
    return [field[1:] if field.startswith("-") else f"-{field}" for field in order]


def keyset_page(
    queryset: QuerySet, order: Sequence[str], *, size: int, after: str | None = None, before: str | None = None
) -> KeysetPage:
    """A page of ``queryset`` in ``order``: field names, each maybe prefixed '-' for descending, none of them
    null, the last unique (e.g. ``("received_at", "pk")`` or ``("-sequence",)``). Its value is a row's key.

    With ``after``, the ``size`` rows that follow the row with that key; with ``before``, those that precede it;
    otherwise the first ``size``. A key that is not a row's (mistyped, or the row has gone) gives the first page."""
    key_field = order[-1].lstrip("-")
    names = [field.lstrip("-") for field in order]
    cursor, forwards = (after, True) if after else (before, False) if before else (None, True)
    boundary = _boundary(queryset, key_field, names, cursor) if cursor else None
    if boundary is None:
        forwards = True
    rows_in_order = queryset.order_by(*order)
    if boundary is None:
        found = list(rows_in_order[: size + 1])
    elif forwards:
        found = list(rows_in_order.filter(beyond(order, boundary, forwards=True))[: size + 1])
    else:
        found = list(queryset.order_by(*reversed_order(order)).filter(beyond(order, boundary, forwards=False))[: size + 1])
    more = len(found) > size
    rows = found[:size] if forwards else found[:size][::-1]
    if boundary is not None and not rows:
        return keyset_page(queryset, order, size=size)

    def key(row) -> str:
        return str(getattr(row, key_field))

    def values(row) -> dict:
        return {name: getattr(row, name) for name in names}

    if forwards:
        later = key(rows[-1]) if more else None
        earlier = key(rows[0]) if boundary is not None and queryset.filter(beyond(order, values(rows[0]), forwards=False)).exists() else None
    else:
        earlier = key(rows[0]) if more else None
        later = key(rows[-1]) if queryset.filter(beyond(order, values(rows[-1]), forwards=True)).exists() else None
    return KeysetPage(rows=rows, earlier=earlier, later=later)


def _boundary(queryset: QuerySet, key_field: str, names: list[str], cursor: str) -> dict | None:
    """The ordering values of the row whose key is ``cursor``, wherever it now is; None if there is no such row."""
    field = queryset.model._meta.pk if key_field == "pk" else queryset.model._meta.get_field(key_field)
    try:
        key = field.to_python(cursor)
    except (ValidationError, ValueError, TypeError):
        return None
    if key is None:
        return None
    if names == [key_field]:
        return {key_field: key}
    return queryset.model._base_manager.filter(**{key_field: key}).values(*names).first()
