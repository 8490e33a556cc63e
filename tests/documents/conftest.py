"""Documents fixtures: a storage of each test's own (so a test can see exactly what was written), sample files of each
allowed kind built here (no real documents), and a note on Ruby's record to attach them to."""
import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from journey.casework.actions import write_case_note
from journey.documents.models import Document


@pytest.fixture(autouse=True)
def stored(tmp_path, monkeypatch) -> Path:
    """The folder documents are written to in this test (the documents storage, pointed at tmp_path)."""
    folder = tmp_path / "documents"
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", FileSystemStorage(location=folder, base_url=None))
    return folder


def files_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 32 + b"\xff\xd9"
TEXT = "School report, summer term: Ruby is settled and reading well — “a joy”.\n".encode()
DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"})
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode."


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    """An upload named exactly ``name``, as a caller other than the page's form parser (which keeps only the base
    name) could hand the action."""
    file = SimpleUploadedFile("upload", content)
    file._name = name  # type: ignore[attr-defined]
    return file


@pytest.fixture
def note(ruby, alice):
    """A phone call Alice recorded on Ruby's record yesterday."""
    return write_case_note(ruby, acting_user=alice, kind="phone_call", direction="incoming", with_whom="Jo Bell, school nurse",
                           occurred_at=timezone.now() - timedelta(days=1), text="Jo rang about Ruby's check-up.")
