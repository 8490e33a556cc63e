"""Where attached documents are kept: Django's ``STORAGES["documents"]`` (settings.py), never a served folder."""
import uuid

from django.core.files.storage import Storage, storages


def documents_storage() -> Storage:
    """The documents storage, named as a callable so that migrations record the reference, not a path."""
    return storages["documents"]


def new_name() -> str:
    """A random name for a stored file: never the name the person gave (which may say who the child is), no
    extension (nothing will ever run or render it by its name), fanned out over 256 folders."""
    random = uuid.uuid4().hex
    return f"{random[:2]}/{random}"
