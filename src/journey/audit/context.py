"""Who is acting right now, for writes captured from model signals (which know nothing of the request).

The middleware sets it for each request; commands and background work use ``acting_as``. A context variable
keeps concurrent requests (threads) apart.
"""
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    """The request being served, or a user named explicitly (which wins)."""

    user: Any = None
    request: Any = None

    def resolved_user(self):
        """The acting user, read late: a sign-in changes ``request.user`` part-way through a request."""
        user = self.user if self.user is not None else getattr(self.request, "user", None)
        return user if user is not None and user.is_authenticated else None


_actor: ContextVar[Actor | None] = ContextVar("journey_audit_actor", default=None)
_capture_suspended: ContextVar[bool] = ContextVar("journey_audit_capture_suspended", default=False)


def current_actor() -> Actor | None:
    return _actor.get()


@contextmanager
def acting_as(user, request=None) -> Iterator[None]:
    """Attribute the writes inside this block to ``user`` (commands, imports, scheduled jobs)."""
    token = _actor.set(Actor(user=user, request=request))
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def serving(request) -> Iterator[None]:
    """Attribute the writes inside this block to whoever ``request`` is signed in as (used by the middleware)."""
    token = _actor.set(Actor(request=request))
    try:
        yield
    finally:
        _actor.reset(token)


def capture_suspended() -> bool:
    return _capture_suspended.get()


@contextmanager
def without_change_capture() -> Iterator[None]:
    """Do not record the writes inside this block. Only for removing a synthetic authority from the command line
    (its rows were bulk-created, never audited either), never for work on real records.

    Besides marking this context, it disconnects the capture receivers for the whole process while it runs, so that
    Django deletes with its fast path again (any delete listener makes it load and signal every row); that is why it
    belongs in a command, not in a server with other requests in flight."""
    from . import changes

    token = _capture_suspended.set(True)
    changes.disconnect()
    try:
        yield
    finally:
        changes.connect()
        _capture_suspended.reset(token)
