"""Which entries of a child's record may have documents attached: registered by the apps that own them.

The documents app sits beside casework and never imports it (nor any app above it): casework says, in its own
``ready``, ``attachable("casework.CaseNote", label="note", page="casework:note", describe=...)``. Each registration
gives its entries an "Attach a document" address, ``documents:attach-<label>``, taking ``<label>_id``, so the access
matrices (which walk every address taking an id) learn of a new kind of attachable entry at once.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Attachable:
    model: str  # "casework.CaseNote"
    label: str  # "note": names the attach address and its id ("note_id")
    page: str  # the entry's own page, reversed with (child id, entry id)
    describe: Callable[[Any], str]  # what the entry is, as a person reads it ("Phone call from school")

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def route(self) -> str:
        return f"documents:attach-{self.label}"

    @property
    def id_name(self) -> str:
        return f"{self.label}_id"


_attachables: dict[str, Attachable] = {}


def attachable(model: str, *, label: str, page: str, describe: Callable[[Any], str] = str) -> None:
    """Let documents be attached to rows of ``model`` ("app_label.Model"), which must have a ``child`` field."""
    if not label.isidentifier() or not label.islower():
        raise ValueError(f"An attachable's label names its address and must be a lower-case word, not {label!r}")
    known = next((a for a in _attachables.values() if a.label == label and a.model != model), None)
    if known is not None:
        raise ValueError(f"The label {label!r} is already taken by {known.model}")
    _attachables[model] = Attachable(model=model, label=label, page=page, describe=describe)


def attachables() -> Iterable[Attachable]:
    return sorted(_attachables.values(), key=lambda a: a.label)


def by_label(label: str) -> Attachable | None:
    return next((a for a in _attachables.values() if a.label == label), None)


def of(entry: models.Model) -> Attachable | None:
    """The registration covering ``entry``'s model, or None if documents may not be attached to it."""
    return _attachables.get(entry._meta.label)


def of_model(label: str) -> Attachable | None:
    return _attachables.get(label)
