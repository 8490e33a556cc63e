"""The DfE's code lists as data: each list with the document it comes from, and each code with the years it is valid.

A code is never edited to mean something else: when the DfE retires a code, a later migration gives its row a
``valid_to``; when it adds one, a new row begins on its ``valid_from``. A record stores the DfE's code itself, so a
census return reads it without translation and a label can still be found for a code long retired.
"""
from datetime import date

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check


class CodeList(models.Model):
    key = models.CharField(
        max_length=60, unique=True, validators=[RegexValidator(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$", "Key must be lower-case words joined by dots")],
        help_text="How code refers to the list, e.g. 'cin.referral_source': the return it belongs to, then the item.",
    )
    name = models.CharField(max_length=120, help_text="The list's name in plain English, e.g. 'Referral source'.")
    source_title = models.CharField(
        max_length=200, help_text="The title of the document the codes are taken from, e.g. 'Children in need census 2025 to 2026: guide'."
    )
    source_version = models.CharField(max_length=60, help_text="The document's version or year, as its publisher names it.")
    publisher = models.CharField(max_length=120, default="Department for Education", help_text="Who publishes the document.")
    url = models.URLField("URL", blank=True, help_text="Where the document is published, if it has a stable address.")
    notes = BoundedTextField(
        max_length=SHORT_TEXT_MAX_LENGTH, blank=True,
        help_text="What a reader should know: how Journey's own values map onto the list, codes not confirmed, and so on.",
    )

    class Meta:
        ordering = ["key"]
        constraints = [max_length_check("notes", SHORT_TEXT_MAX_LENGTH)]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class Code(models.Model):
    code_list = models.ForeignKey(CodeList, on_delete=models.PROTECT, related_name="codes", help_text="The list the code belongs to.")
    code = models.CharField(max_length=10, help_text="The code exactly as the DfE writes it and a census return carries it, e.g. 'N1'.")
    label = models.CharField(max_length=200, help_text="What the code means, in plain English, as a page shows it.")
    description = BoundedTextField(
        max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="Anything the source says about when to use the code."
    )
    valid_from = models.DateField(help_text="The first day a record may use the code.")
    valid_to = models.DateField(
        null=True, blank=True, help_text="The last day a record may use the code; empty while the DfE still lists it."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Where the code comes in the list, as the source orders it.")

    class Meta:
        ordering = ["code_list", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code_list", "code", "valid_from"], name="codelists_code_once_from_a_date"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="codelists_code_valid_to_after_from"
            ),
            max_length_check("description", SHORT_TEXT_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.label}"

    def is_valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)
