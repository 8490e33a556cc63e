"""Every write to the record, captured from model signals with the values before and after.

Connected (in AuditConfig.ready) to every model of the apps in ``CAPTURED_APPS``. An update stores only the
fields that changed; a create stores every field; a delete stores the row as it was. Fields whose names carry a
secret (passwords, tokens, TOTP secrets) are stored as "[redacted]" so a change to them shows without the value.

Every captured write names who made it (see context.py): the acting user of the action it happens in, the
signed-in user of the request, or a system that names itself ("system: synthetic generator" in the event's
``what``). A write with none of these raises ``UnattributedWrite`` rather than log a change by nobody.

Not captured: projections marked ``audit_captured = False`` (derived rows, rewritten from captured ones);
``bulk_create``, ``QuerySet.update()`` and raw SQL, which send no signals. The synthetic generator
seeds its authority with bulk_create: that is synthetic seeding, not casework, and is not audited. Actions that
change real records save model by model (a test holds every actions module to it), so every change is captured.
"""
import datetime
import decimal
import uuid
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from . import context
from .log import record
from .models import Action

CAPTURED_APPS = (
    "accounts", "people", "frontdoor", "casework", "chronology", "documents", "access", "dataprotection", "api", "news", "protection", "practice",
    "feedback", "learning",
)
SECRET_MARKERS = ("password", "token", "secret")
REDACTED = "[redacted]"


def json_safe(value: Any) -> Any:
    """A value JSON can hold and that reads back the same on SQLite and PostgreSQL (times in UTC)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(bytes(value))} bytes>"
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    return str(value)


def is_secret(field_name: str) -> bool:
    name = field_name.lower()
    return any(marker in name for marker in SECRET_MARKERS)


def _shown(name: str, value: Any) -> Any:
    return REDACTED if is_secret(name) and value not in (None, "") else value


@cache
def _fields(model: type[models.Model]) -> tuple[tuple[str, models.Field], ...]:
    return tuple((field.attname, field) for field in model._meta.concrete_fields)


def values_of(instance: models.Model, names: set[str] | None = None) -> dict[str, Any]:
    return {
        attname: json_safe(field.value_from_object(instance))
        for attname, field in _fields(type(instance))
        if names is None or attname in names
    }


def redacted(values: dict[str, Any]) -> dict[str, Any]:
    return {name: _shown(name, value) for name, value in values.items()}


# Which child a row concerns ---------------------------------------------------------------------------------

@cache
def _child_paths(model: type[models.Model]) -> tuple[tuple[str, str, type[models.Model] | None], ...]:
    """How to find the child from a row of ``model``: its own child field, a person who may be a child, or a
    parent row (an episode, an assessment) that has a child field. Tried in field order; the first child wins."""
    from journey.people.models import Child, Person

    paths: list[tuple[str, str, type[models.Model] | None]] = []
    if model is Child:
        return (("pk", "self", None),)
    if model is Person:
        return (("pk", "person", None),)
    for field in model._meta.concrete_fields:
        target = field.related_model if field.is_relation else None
        if target is Child:
            paths.append((field.attname, "self", None))
        elif target is Person:
            paths.append((field.attname, "person", None))
        elif target is not None and any(f.name == "child" and f.related_model is Child for f in target._meta.concrete_fields):  # type: ignore[union-attr]
            paths.append((field.attname, "parent", target))  # type: ignore[arg-type]
    return tuple(paths)


def child_id_of(instance: models.Model) -> int | None:
    from journey.people.models import Child

    for attname, kind, parent in _child_paths(type(instance)):
        value = getattr(instance, attname, None)
        if value is None:
            continue
        if kind == "self":
            return value
        if kind == "person" and Child.objects.filter(pk=value).exists():
            return value
        if kind == "parent":
            child_id = parent._base_manager.filter(pk=value).values_list("child_id", flat=True).first()  # type: ignore[union-attr]
            if child_id is not None:
                return child_id
    return None


# Receivers ----------------------------------------------------------------------------------------------

def _actor(instance: models.Model) -> tuple[Any, Any, str]:
    """(user, request, what) for the event: a person, or no user and the system's name. Refuses a write by nobody."""
    actor = context.current_actor()
    if actor is not None and actor.system:
        return None, actor.request, actor.what
    user = actor.resolved_user() if actor is not None else None
    if user is None:
        raise context.UnattributedWrite(
            f"A change to {instance._meta.label_lower} has no one to attribute it to: make it inside an action "
            "(@audited_action, with acting_user), or name the system doing it with acting_as_system('...')"
        )
    return user, actor.request, ""  # type: ignore[union-attr]


def before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Remember the stored values of the fields about to be written, so that post_save can tell what changed.
    A write with no one to attribute it to is refused here, before the row is written."""
    if context.capture_suspended():
        return
    _actor(instance)
    if instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    names = [attname for attname, field in _fields(sender) if update_fields is None or field.name in update_fields or attname in update_fields]
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._audit_before = {name: json_safe(value) for name, value in stored.items()} if stored is not None else None


def after_save(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if context.capture_suspended():
        return
    previous = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if created or previous is None:
        user, request, what = _actor(instance)
        record(Action.CREATE, user=user, child=child_id_of(instance), obj=instance, what=what,
               after=redacted(values_of(instance)), request=request)
        return
    current = values_of(instance, set(previous))
    changed = {name for name in previous if previous[name] != current.get(name)}
    if not changed:
        return
    user, request, what = _actor(instance)
    record(
        Action.UPDATE, user=user, child=child_id_of(instance), obj=instance, request=request, what=what,
        before=redacted({name: previous[name] for name in sorted(changed)}),
        after=redacted({name: current[name] for name in sorted(changed)}),
    )


def after_delete(sender, instance, origin=None, **kwargs) -> None:
    """A removal, with the row as it was. When a child or person is itself being removed the event cannot point
    at the child (that row is going), so it keeps the ids in ``before`` instead."""
    from journey.people.models import Child, Person

    if context.capture_suspended():
        return
    origin_model = origin.model if isinstance(origin, models.QuerySet) else type(origin)
    removing_child = origin_model in (Child, Person) or sender in (Child, Person)
    user, request, what = _actor(instance)
    record(Action.DELETE, user=user, child=None if removing_child else child_id_of(instance), obj=instance,
           what=what, before=redacted(values_of(instance)), request=request)


def links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Many-to-many links (a user's groups, say), stored as the sorted ids before and after."""
    if context.capture_suspended() or reverse:
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    if action in ("pre_add", "pre_remove", "pre_clear"):
        instance._audit_links = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        before = getattr(instance, "_audit_links", None)
        after = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        if before == after:
            return
        user, request, what = _actor(instance)
        record(Action.UPDATE, user=user, child=child_id_of(instance), obj=instance, request=request, what=what,
               before={field.name: before}, after={field.name: after})


def captured_models() -> list[type[models.Model]]:
    """Every model of the captured apps, except a projection that says ``audit_captured = False`` (the
    materialised chronology): its rows are derived from captured rows, whose changes are the record."""
    installed = {config.label for config in apps.get_app_configs()}
    return [
        model
        for label in CAPTURED_APPS if label in installed
        for model in apps.get_app_config(label).get_models()
        if getattr(model, "audit_captured", True)
    ]


def _receivers():
    for model in captured_models():
        uid = f"journey.audit:{model._meta.label_lower}"
        yield pre_save, before_save, model, f"{uid}:pre_save"
        yield post_save, after_save, model, f"{uid}:post_save"
        yield post_delete, after_delete, model, f"{uid}:post_delete"
        for field in model._meta.local_many_to_many:
            yield m2m_changed, links_changed, field.remote_field.through, f"{uid}:{field.name}:m2m"


def connect() -> None:
    """Listen to every captured model (by sender, so other models keep Django's fast paths). Idempotent."""
    for signal, receiver, sender, uid in _receivers():
        signal.connect(receiver, sender=sender, dispatch_uid=uid)


def disconnect() -> None:
    for signal, receiver, sender, uid in _receivers():
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
