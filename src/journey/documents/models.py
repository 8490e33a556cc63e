"""A document attached to one entry of a child's record. The file itself lives in the documents storage under a
random name; the row holds what is known of it, so listing documents never opens a file."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from journey.lib.text import SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .sniff import KINDS
from .storage import documents_storage


class DocumentQuerySet(models.QuerySet):
    def attached_to(self, entry: models.Model) -> "DocumentQuerySet":
        return self.filter(entry_type=ContentType.objects.get_for_model(entry), entry_id=entry.pk)


class Document(models.Model):
    """A letter, report or photo attached to an entry (a note, a visit...). Its type was sniffed from its bytes
    and agreed with its name when it was attached; it is read only through the child's record, each read audited."""

    objects = DocumentQuerySet.as_manager()

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="documents", help_text="The child whose record it is on.")
    entry_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+",
        help_text="The kind of entry it is attached to (a case note, a visit...), as registered by the entry's own app.",
    )
    entry_id = models.PositiveBigIntegerField(help_text="The id of the entry it is attached to.")
    entry = GenericForeignKey("entry_type", "entry_id")
    file = models.FileField(
        storage=documents_storage, max_length=100,
        help_text="Where the file is kept in the documents storage: a random name, never the name it was given.",
    )
    original_name = models.CharField(max_length=255, help_text="The file's name as the person attaching it gave it (no folders).")
    media_type = models.CharField(
        max_length=100, choices=[(kind.media_type, kind.short) for kind in KINDS.values()],
        help_text="What the file is, as read from its content (not from its name), e.g. application/pdf.",
    )
    size = models.PositiveBigIntegerField(help_text="The file's size in bytes.")
    sha256 = models.CharField(max_length=64, help_text="The SHA-256 of the file's bytes, in hex: shows the file is the one attached.")
    description = BoundedTextField(
        max_length=SHORT_TEXT_MAX_LENGTH, blank=True, help_text="What the document is, in a few words (optional).",
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who attached it.")
    uploaded_at = models.DateTimeField(default=timezone.now, help_text="When it was attached.")

    class Meta:
        constraints = [max_length_check("description", SHORT_TEXT_MAX_LENGTH)]
        indexes = [models.Index(fields=["entry_type", "entry_id"], name="document_entry")]
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def kind_called(self) -> str:
        """What sort of file it is, as a person says it ("PDF", "PNG image")."""
        return next((kind.short for kind in KINDS.values() if kind.media_type == self.media_type), self.media_type)
