"""Attaching a document to an entry of a child's record.

Nothing is stored half: the upload is checked in full before anything is written, then the file is written under a
random name and the row saved in one transaction; if that transaction does not commit, the written file is removed.
"""
from django.core.exceptions import ValidationError
from django.db import transaction

from journey.audit.chain import deferred_appends
from journey.audit.context import audited_action

from . import registry, rules
from .models import Document
from .sniff import FIELD, check_upload
from .storage import new_name


@audited_action(atomic=False)
def attach_document(entry, upload, *, description: str = "", acting_user) -> Document:
    """Attach ``upload`` (a Django ``UploadedFile``) to ``entry``, a row of a registered attachable model.

    Its own transaction (``atomic=False``), so the file it writes can be removed when that transaction fails, even
    as it commits. Called inside a caller's transaction, a rollback of the caller's, after this returns, would leave
    the file behind with no row naming it: the pages call it outside any."""
    attachable = registry.of(entry)
    if attachable is None:
        raise ValueError(f"Documents cannot be attached to {entry._meta.label}: register it with documents.registry.attachable")
    child = entry.child
    if not rules.can_attach(acting_user, child):
        raise ValidationError({FIELD: "Only someone working with this child can attach a document to their record"})
    checked = check_upload(upload)
    document = Document(
        child=child, entry=entry, original_name=checked.name, media_type=checked.kind.media_type, size=checked.size,
        sha256=checked.sha256, description=description.strip(), uploaded_by=acting_user,
    )
    document.full_clean(exclude=["file"])
    storage = Document._meta.get_field("file").storage
    stored = storage.save(new_name(), upload)
    try:
        with transaction.atomic(), deferred_appends():
            document.file.name = stored
            document.save()
    except BaseException:
        storage.delete(stored)
        raise
    return document
