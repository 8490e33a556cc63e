"""Who is acting right now, for writes captured from model signals (which know nothing of the request).

Every captured write must say who made it. An action says so itself: ``@audited_action`` makes its keyword-only
``acting_user`` the actor for the whole of its transaction, so a change is attributed to that user whether it runs in
a request, a command, an API call or a test. The middleware names the signed-in user for anything else written during
a request. Work that no person does (the synthetic generator, a command run by an operator) names itself with
``acting_as_system("...")``, and the log says which system it was. A captured write with none of these is refused
(``UnattributedWrite``), so no event is ever written with nobody behind it by accident.

A context variable keeps concurrent requests (threads) apart.
"""
import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import transaction

from .chain import deferred_appends

SYSTEM_PREFIX = "system: "


class UnattributedWrite(RuntimeError):
    """A change to the record was about to be logged with no user and no named system behind it."""


@dataclass(frozen=True)
class Actor:
    """The request being served, a user named explicitly (which wins), or a system that names itself."""

    user: Any = None
    request: Any = None
    system: str = ""

    def resolved_user(self):
        """The acting user, read late: a sign-in changes ``request.user`` part-way through a request."""
        user = self.user if self.user is not None else getattr(self.request, "user", None)
        return user if user is not None and user.is_authenticated else None

    @property
    def what(self) -> str:
        """How the log names a system actor ("system: synthetic generator"); empty for a person."""
        return f"{SYSTEM_PREFIX}{self.system}" if self.system else ""


_actor: ContextVar[Actor | None] = ContextVar("journey_audit_actor", default=None)
_capture_suspended: ContextVar[bool] = ContextVar("journey_audit_capture_suspended", default=False)


def current_actor() -> Actor | None:
    return _actor.get()


def check_acting_user(user, what: str = "this action") -> None:
    """Refuse anything but an active, signed-in user as the one who acts: TypeError for something that is not a user
    at all (None included, the usual slip), ValueError for an anonymous or deactivated one."""
    if user is None or not hasattr(user, "is_authenticated") or not hasattr(user, "is_active"):
        raise TypeError(f"{what} needs acting_user, the user who is acting; got {user!r}")
    if not user.is_authenticated:
        raise ValueError(f"{what} needs a signed-in acting_user, not an anonymous one")
    if not user.is_active:
        raise ValueError(f"{what} cannot be done by {user.username}: the account is deactivated")


@contextmanager
def acting_as(user, request=None) -> Iterator[None]:
    """Attribute the writes inside this block to ``user``, an active user (an action does this for itself)."""
    check_acting_user(user, "acting_as")
    token = _actor.set(Actor(user=user, request=request))
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def acting_as_system(name: str) -> Iterator[None]:
    """Attribute the writes inside this block to a named system, not a person: the synthetic generator, a command
    run by an operator, test set-up. The name is written on each event, so the log says which system acted."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("A system actor must say what it is, e.g. acting_as_system('synthetic generator')")
    token = _actor.set(Actor(system=name.strip()))
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


F = TypeVar("F", bound=Callable[..., Any])


def audited_action(func: F | None = None, *, atomic: bool = True):
    """Make a function an action: ``@audited_action`` in place of ``@transaction.atomic``.

    Its events join the audit chain together at its end (``chain.deferred_appends``), so the chain's head is
    locked only for the last moment of the transaction, not for the whole of the action.

    The action must take ``acting_user`` as a keyword-only argument (checked when the module loads). Each call checks
    that it is an active, signed-in user, opens a transaction and makes that user the actor of every write inside it,
    so each change the action makes is logged as theirs, in a request or out of one. The request being served, if
    any, is kept so the event still carries its address.

    ``atomic=False`` is for the rare action that must commit some bookkeeping even when it fails (a wrong
    two-step code is counted before it is refused); such an action opens its own transactions.
    """

    def decorate(function: F) -> F:
        parameter = inspect.signature(function).parameters.get("acting_user")
        if parameter is None or parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            raise TypeError(f"{function.__qualname__} must take acting_user as a keyword-only argument to be an action")
        name = f"{function.__module__.removeprefix('journey.')}.{function.__qualname__}"

        @functools.wraps(function)
        def run(*args, **kwargs):
            if "acting_user" not in kwargs:
                raise TypeError(f"{name}() needs the keyword argument acting_user")
            user = kwargs["acting_user"]
            check_acting_user(user, f"{name}()")
            outer = _actor.get()
            token = _actor.set(Actor(user=user, request=outer.request if outer is not None else None))
            try:
                with transaction.atomic() if atomic else nullcontext(), deferred_appends() if atomic else nullcontext():
                    return function(*args, **kwargs)
            finally:
                _actor.reset(token)

        run.is_audited_action = True  # type: ignore[attr-defined]
        return run  # type: ignore[return-value]

    return decorate(func) if func is not None else decorate


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
