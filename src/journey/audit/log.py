"""Writing to the audit log: the functions other apps call.

``record_read`` for every look at a child's record (the access fetch helper calls it); ``record_list_read`` for
every page or API call that lists children (one event naming each child shown); ``record_refusal`` for every
request answered "no access"; ``record`` for anything else worth an event (break-glass, an export, a sign-in).
Writes to models are captured without a call (see changes.py). Each event joins the chain in the caller's
transaction, so it commits or rolls back with the work; a refusal alone commits in a transaction of its own.
"""
import ipaddress
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction

from .chain import append
from .models import Action, AuditEvent


def client_ip(request) -> str | None:
    """The caller's address as the server saw it, normalised; None if there is no request or it is not an IP."""
    raw = request.META.get("REMOTE_ADDR") if request is not None else None
    try:
        return str(ipaddress.ip_address(raw)) if raw else None
    except ValueError:
        return None


def _user_or_none(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def record(
    action: str, *, user, child=None, obj: models.Model | None = None, what: str = "", reason: str = "",
    before: dict[str, Any] | None = None, after: dict[str, Any] | None = None, request=None,
) -> AuditEvent:
    """Append one event. ``user`` may be None (the system, or an unknown sign-in name); ``child`` is the child
    whose record it concerns (a Child or its id); ``obj`` the object read or changed."""
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}; choose from {', '.join(Action.values)}")
    user = _user_or_none(user)
    event = AuditEvent(
        action=action,
        user=user,
        role=getattr(user, "role", "") or "",
        team=(user.team.name if user is not None and getattr(user, "team_id", None) else ""),
        child_id=getattr(child, "pk", child),
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        what=what[:200],
        reason=reason,
        ip_address=client_ip(request),
        before=before,
        after=after,
    )
    if action == Action.READ and not connection.in_atomic_block:
        with _read_transaction():
            return append(event)
    return append(event)


@contextmanager
def _read_transaction() -> Iterator[None]:
    """A read event's own transaction. On PostgreSQL it commits without waiting for the disk to confirm
    (``synchronous_commit = off`` for this transaction only, unless ``JOURNEY_AUDIT_READS_DURABLE``): the page
    then does not wait on a disk flush for every look. What that risks is bounded and ordered: if the database
    server itself crashes, reads committed in the last moment before (at most three times ``wal_writer_delay``,
    0.6 s by default) are lost together with everything after them in the log, so the chain stays whole and
    verifies; nothing is lost when Journey, rather than the database, dies. Changes to the record, and their
    events, always wait for the disk."""
    with transaction.atomic():
        if connection.vendor == "postgresql" and not settings.JOURNEY_AUDIT_READS_DURABLE:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def record_read(user, child, what: str, request=None, reason: str = "") -> AuditEvent:
    """Log that ``user`` looked at ``what`` of ``child``'s record (same arguments as access.fetch.log_read)."""
    return record(Action.READ, user=user, child=child, obj=child, what=what, reason=reason, request=request)


def _ids(records: Iterable) -> list:
    return [getattr(record_, "pk", record_) for record_ in records]


def record_list_read(user, what: str, children: Iterable, request=None, **other_ids: Iterable) -> AuditEvent:
    """Log that ``user`` was shown a list of children: one event per page view or API call, not one per child, so
    that a list of 100 costs one append, yet the log still answers "who has seen this child's name?".

    ``children`` are the children (or their ids) on the page actually shown, in the order shown; they go into the
    event's ``after`` as ``{"children": [ids]}`` (an empty list when nothing was shown, which is still a look).
    ``other_ids`` name other records shown by kind, e.g. ``people=[...]`` for adults in a search, or
    ``contacts=[...]``; each becomes another list in ``after``. ``what`` names the page, e.g. 'my children'."""
    shown = {"children": _ids(children), **{kind: _ids(records) for kind, records in other_ids.items()}}
    return record(Action.READ, user=user, what=what, after=shown, request=request)


def record_refusal(user, request, *, ids: dict[str, Any]) -> AuditEvent:
    """Log a request that was answered "no access": who tried (``user``, or None when nobody is signed in), the
    method and the path asked for, the ids in the address (``ids``, e.g. the resolver's ``{"child_id": 7}``) and
    the client's address. Someone probing ids sees the same page for every one; this is how they leave a trace.

    Committed in a transaction of its own (``durable``: it refuses to run inside another), because the refused
    work usually rolled back, and the refusal must outlive it. Call it once the view has returned."""
    path = request.get_full_path()
    with transaction.atomic(durable=True):
        return record(
            Action.REFUSED, user=user, what=f"{request.method} {path}", request=request,
            after={"method": request.method, "path": path, "ids": ids},
        )
