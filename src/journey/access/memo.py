"""Answers to access questions kept for the rest of one request, so a page that asks the same rule from its view,
its template tags and its context processors pays for it once.

Only inside ``request_scope`` (the access middleware opens one per request); elsewhere (actions run from a command,
tests calling rules directly) every question is asked afresh. Any saved or deleted row ends the scope's answers,
because a write (an allocation, a grant) can change them mid-request: ``connect`` listens to Journey's own models
only, so third-party tables (sessions, sign-in attempts) keep Django's fast delete."""
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.apps import apps
from django.db.models.signals import post_delete, post_save

_answers: ContextVar[dict | None] = ContextVar("journey_access_answers", default=None)

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def request_scope() -> Iterator[None]:
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def forget(*args: Any, **kwargs: Any) -> None:
    answers = _answers.get()
    if answers:
        answers.clear()


def _key_part(value: Any) -> Any:
    """Users and records by model and primary key (the same row always gives the same answer within a request)."""
    meta = getattr(value, "_meta", None)
    return (meta.label_lower, value.pk) if meta is not None else value


def per_request(rule: Callable[P, R]) -> Callable[P, R]:
    """Keep ``rule``'s answer for the rest of the request, keyed by its arguments."""

    @wraps(rule)
    def asked(*args: P.args, **kwargs: P.kwargs) -> R:
        answers = _answers.get()
        if answers is None:
            return rule(*args, **kwargs)
        key = (rule.__qualname__, *map(_key_part, args), *sorted((name, _key_part(v)) for name, v in kwargs.items()))
        if key not in answers:
            answers[key] = rule(*args, **kwargs)
        return answers[key]

    return asked


def connect() -> None:
    """Forget the answers whenever one of Journey's own rows is saved or deleted (called once all apps are loaded)."""
    for model in apps.get_models():
        if model.__module__.startswith("journey."):
            uid = f"journey.access.memo:{model._meta.label_lower}"
            post_save.connect(forget, sender=model, dispatch_uid=f"{uid}:post_save")
            post_delete.connect(forget, sender=model, dispatch_uid=f"{uid}:post_delete")
