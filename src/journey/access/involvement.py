"""How a user can be involved with a child, registered by the apps that hold the facts.

Access decides who may open a child's record, but the facts behind each reason live elsewhere: casework knows
allocations and the teams responsible for episodes, the front door knows open contacts and which agency raised
them, and access itself knows grants and break-glass. Each app registers its reasons here (as each registers its
chronology entries), so ``access.rules`` answers "who may see this child" without importing any of their models,
and a new way of being involved (a unit, a conference chair) joins by registering, not by editing the rules.

A reason is a function ``(user) -> QuerySet | None``: the rows that involve ``user`` with a child, with
``child_field`` naming the child on each row, or ``None`` when the reason cannot apply to this user (no team, say).
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

STAFF = "staff"
PARTNER = "partner"


@dataclass(frozen=True)
class Reason:
    name: str
    strength: int
    audience: str
    child_field: str
    rows: Callable[[object], QuerySet | None]
    manager_line: bool = False


_reasons: list[Reason] = []


def register(
    name: str, *, strength: int, child_field: str, audience: str = STAFF, manager_line: bool = False
) -> Callable:
    """Decorator: ``rows`` gives the rows through which ``user`` is involved with a child for reason ``name``.
    ``strength`` orders reasons (lowest first: the page says the strongest reason); ``manager_line`` marks the
    reasons that make a user one of the child's managers (who allocate, grant access and see who has looked)."""
    if audience not in (STAFF, PARTNER):
        raise ValueError(f"audience must be {STAFF!r} or {PARTNER!r}")

    def wrap(rows: Callable[[object], QuerySet | None]) -> Callable[[object], QuerySet | None]:
        key = (name, rows.__module__, rows.__qualname__)
        if not any((r.name, r.rows.__module__, r.rows.__qualname__) == key for r in _reasons):
            _reasons.append(Reason(name, strength, audience, child_field, rows, manager_line))
            _reasons.sort(key=lambda r: r.strength)
        return rows

    return wrap


def reasons_for(audience: str) -> list[Reason]:
    """The registered reasons that can involve a user of ``audience``, strongest first."""
    return [reason for reason in _reasons if reason.audience == audience]


def registered() -> list[Reason]:
    return list(_reasons)
