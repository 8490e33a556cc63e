"""What an uploaded file is, read from its bytes, and whether it may be attached: the rules and their messages.

A file's name is never trusted: its type is sniffed from its content (PDF, JPEG and PNG by their magic numbers with
puremagic; Word and OpenDocument text by the members of the zip they are; plain text by decoding it as UTF-8), and
the name's extension must agree, so a renamed program or a PDF called photo.png is refused. The messages follow the
GOV.UK Design System's file upload pattern.
"""
import codecs
import hashlib
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError

FIELD = "file"
HEAD = 8192  # bytes read to sniff a type by its magic number
NAME_MAX_LENGTH = 255


@dataclass(frozen=True)
class Kind:
    code: str
    extensions: tuple[str, ...]
    media_type: str
    short: str  # "PDF", as the hint lists it
    called: str  # "a PDF", as a message says it


KINDS = {
    kind.code: kind for kind in (
        Kind("pdf", (".pdf",), "application/pdf", "PDF", "a PDF"),
        Kind("jpeg", (".jpg", ".jpeg"), "image/jpeg", "JPG image", "a JPG image"),
        Kind("png", (".png",), "image/png", "PNG image", "a PNG image"),
        Kind("text", (".txt",), "text/plain", "Text", "a plain text file"),
        Kind("docx", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document",
             "a Word document (DOCX)"),
        Kind("odt", (".odt",), "application/vnd.oasis.opendocument.text", "OpenDocument text", "an OpenDocument text document (ODT)"),
    )
}
BY_EXTENSION = {extension: kind for kind in KINDS.values() for extension in kind.extensions}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def max_bytes() -> int:
    return settings.JOURNEY_DOCUMENT_MAX_MB * 1024 * 1024


def allowed_types_message() -> str:
    return "The selected file must be a PDF, JPG, PNG, TXT, DOCX or ODT"


@dataclass(frozen=True)
class Checked:
    """An upload that may be attached, with what was learnt of it."""

    name: str
    kind: Kind
    size: int
    sha256: str


def name_problem(name: str) -> str | None:
    """Why a file's name cannot be kept as given, or None. A name with folders, '..', or control or direction
    characters (which can disguise 'exe' at its end) is refused, not cleaned. Django's form parser already cuts a
    browser's name to its base name and drops what cannot be printed; this holds every other caller to the same."""
    if not name or not name.strip():
        return "The selected file must have a name"
    if "/" in name or "\\" in name or name.startswith(".."):
        return "The selected file's name must not contain /, \\ or .."
    if any(unicodedata.category(character) in {"Cc", "Cf", "Zl", "Zp"} for character in name):
        return "The selected file's name must not contain control characters"
    if len(name) > NAME_MAX_LENGTH:
        return f"The selected file's name must be {NAME_MAX_LENGTH} characters or fewer"
    return None


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _zip_kind(file: IO[bytes]) -> str | None:
    """docx or odt by the members the zip holds (a zip of anything else is neither)."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return "docx"
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= 100:
                return "odt" if archive.read("mimetype").strip() == ODT_MIMETYPE else None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        return None
    return None


def _magic_kind(head: bytes) -> str | None:
    try:
        found = {match.mime_type for match in puremagic.magic_string(head)}
    except (puremagic.PureError, ValueError):
        return None
    for code in ("pdf", "png", "jpeg"):
        if KINDS[code].media_type in found:
            return code
    return None


def _is_text(chunks) -> bool:
    """UTF-8 throughout, with no NUL byte (which no text file holds and every program does)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _chunks(file: IO[bytes], size: int = 64 * 1024):
    file.seek(0)
    while chunk := file.read(size):
        yield chunk


def sniff(file: IO[bytes]) -> str | None:
    """The code of the allowed kind ``file``'s bytes show it to be, or None."""
    file.seek(0)
    head = file.read(HEAD)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    return _magic_kind(head) or ("text" if _is_text(_chunks(file)) else None)


def sha256_of(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in _chunks(file):
        digest.update(chunk)
    return digest.hexdigest()


def check_upload(upload) -> Checked:
    """The upload, checked: its name, size, extension and content. ``ValidationError({"file": message})`` naming
    the first rule it breaks; nothing is written either way."""
    if upload is None:
        raise ValidationError({FIELD: "Select a file"})
    name = str(upload.name or "")
    if problem := name_problem(name):
        raise ValidationError({FIELD: problem})
    if not upload.size:
        raise ValidationError({FIELD: "The selected file is empty"})
    if upload.size > max_bytes():
        raise ValidationError({FIELD: f"The selected file must be smaller than {settings.JOURNEY_DOCUMENT_MAX_MB}MB"})
    expected = BY_EXTENSION.get(_extension(name))
    if expected is None:
        raise ValidationError({FIELD: allowed_types_message()})
    file = upload.file if hasattr(upload, "file") else upload
    if sniff(file) != expected.code:
        raise ValidationError({FIELD: f"The file's content is not {expected.called}"})
    checked = Checked(name=name, kind=expected, size=upload.size, sha256=sha256_of(file))
    file.seek(0)
    return checked
