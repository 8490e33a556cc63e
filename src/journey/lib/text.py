"""How long the free text a person or partner system types may be, and a text field that holds to it.

Two bounds, chosen for what is written in each kind of box:

- ``SHORT_TEXT_MAX_LENGTH`` (2,000 characters, about 300 words): a reason or a note, such as why access is needed,
  why a "by when" date moved, why an entry is significant.
- ``LONG_TEXT_MAX_LENGTH`` (30,000 characters, about 5,000 words): a narrative, such as a concern in the referrer's
  words, an assessment section, what was seen on a visit. Longer than any section practice guidance asks for, yet
  small enough that a whole assessment form stays well under the upload limit (``DATA_UPLOAD_MAX_MEMORY_SIZE``).

Forms and the API read the bound from the model field (``max_length``), so the three always agree.
"""
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.text import capfirst

SHORT_TEXT_MAX_LENGTH = 2_000
LONG_TEXT_MAX_LENGTH = 30_000


def too_long_message(label: str, max_length: int) -> str:
    return f"{capfirst(label)} must be {max_length:,} characters or fewer"


class BoundedTextField(models.TextField):
    """A ``TextField`` whose ``max_length`` the model enforces, as Django's ``TextField`` does not.

    ``full_clean()`` runs a length validator (and refuses NUL characters, which PostgreSQL cannot store), so the error
    is keyed by the field and names it, like every other field rule. The model also declares
    ``max_length_check(field, max_length)`` in its ``Meta.constraints``: a database CHECK, so that a write that skips
    ``full_clean()`` (``create()``, ``update()``, ``bulk_create()``, an importer) still cannot store more.
    ``tests/lib/test_text_bounds.py`` proves every such field has its check, with the same bound.
    """

    def __init__(self, *args, max_length: int, **kwargs) -> None:
        super().__init__(*args, max_length=max_length, **kwargs)  # type: ignore[misc]

    def contribute_to_class(self, cls, name, *args, **kwargs) -> None:
        super().contribute_to_class(cls, name, *args, **kwargs)
        message = too_long_message(str(self.verbose_name), self.max_length)  # type: ignore[arg-type]
        self.validators.extend([MaxLengthValidator(self.max_length, message=message), ProhibitNullCharactersValidator()])


def max_length_check(field: str, max_length: int) -> models.CheckConstraint:
    """The database's own guarantee that ``field`` holds at most ``max_length`` characters.

    When ``full_clean()`` has already found the field too long it skips this check, so the one message is the
    field's; otherwise ``validate_constraints()`` reports it with a message naming the field."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), max_length),
        name=f"%(app_label)s_%(class)s_{field}_max_length",
        violation_error_message=too_long_message(field.replace("_", " "), max_length),
    )
