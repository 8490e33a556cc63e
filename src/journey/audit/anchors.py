"""Anchors: the chain's head, written outside the database, so that cutting the chain short can be found.

The keyed hashes stop anyone without the key from rewriting events, but not from deleting the newest ones (or all
of them) and rewinding the head to match: what is left still verifies. An anchor records the head's sequence and
hash at a moment, with the time and an HMAC over the three, in a place the database's roles cannot write
(``settings.JOURNEY_AUDIT_ANCHOR_DIR``). ``journey audit_verify`` then checks that every anchored event is still
in the chain with the same hash, and that the chain reaches the newest anchor. What is deleted after the last
anchor is not found, so anchors are taken daily (or more often).

One file per anchor, each created once and never rewritten, so that the folder can live on storage with write-once
retention (an object store's object lock, say), which an append-only JSON Lines file would not suit.
"""
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from .keys import anchor_signature, signatures_match
from .models import GENESIS_HASH, AuditChainHead, AuditEvent

KIND = "journey-audit-anchor"


class AnchorError(Exception):
    """The head cannot be anchored: it does not agree with the last event, or that event does not verify."""


@dataclass(frozen=True)
class Anchor:
    sequence: int
    hash: str
    at: str
    signature: str
    source: str = ""

    @property
    def when(self) -> str:
        return datetime.fromisoformat(self.at).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    def signed_correctly(self, key: bytes | None = None) -> bool:
        return signatures_match(anchor_signature(self.sequence, self.hash, self.at, key), self.signature)

    def as_json(self) -> str:
        return json.dumps(
            {"kind": KIND, "version": 1, "sequence": self.sequence, "hash": self.hash, "at": self.at,
             "signature": self.signature},
            indent=2,
        ) + "\n"


def anchor_dir() -> Path:
    return Path(settings.JOURNEY_AUDIT_ANCHOR_DIR)


def take_anchor(directory: Path | None = None) -> tuple[Anchor, Path]:
    """Sign the chain's head as it is now and write it to a new file in ``directory``.

    The head is read under its lock, so no append slips in between it and the last event, and only after that
    event is checked against the key: anchoring a forged head would vouch for it."""
    directory = directory or anchor_dir()
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None or head.sequence == 0:
            raise AnchorError("The audit chain is empty: there is nothing to anchor yet.")
        last = AuditEvent.objects.filter(sequence=head.sequence).first()
        newest = AuditEvent.objects.aggregate(newest=Max("sequence"))["newest"]
    if last is None or newest != head.sequence or last.hash != head.hash:
        raise AnchorError(
            f"The chain head records event {head.sequence} but the chain ends at {newest or 0}, or with another "
            "hash; run journey audit_verify."
        )
    if last.compute_hash() != last.hash:
        raise AnchorError(f"Event {last.sequence} does not verify under the audit key; run journey audit_verify.")
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    anchor = Anchor(head.sequence, head.hash, at, anchor_signature(head.sequence, head.hash, at))
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.fromisoformat(at).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"{KIND}-{stamp}-{head.sequence}.json"
    _write_once(path, anchor.as_json())
    return anchor, path


def _write_once(path: Path, text: str) -> None:
    """Create the file, refusing to overwrite one, and make sure it is on disk before saying so."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o440)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())


def read_anchors(directory: Path) -> tuple[list[Anchor], list[str]]:
    """Every anchor file in ``directory`` (``*.json``), and a finding for each that is not a well-formed anchor."""
    anchors: list[Anchor] = []
    findings: list[str] = []
    if not directory.is_dir():
        return anchors, findings
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            anchor = Anchor(
                _typed(data, "sequence", int), _typed(data, "hash", str), _typed(data, "at", str),
                _typed(data, "signature", str), path.name,
            )
            anchor.when  # noqa: B018  (reading the property checks the time parses)
            if data.get("kind") != KIND:
                raise ValueError(f"its kind is {data.get('kind')!r}")
        except (OSError, ValueError, TypeError, AttributeError) as error:
            findings.append(f"anchor file {path.name} is not a readable anchor ({error}): it was altered or replaced")
            continue
        anchors.append(anchor)
    return anchors, findings


def _typed(data: dict, name: str, kind: type):
    value = data[name] if name in data else None
    if type(value) is not kind:
        raise ValueError(f"{name} is missing or not {kind.__name__}")
    return value


@dataclass(frozen=True)
class AnchorReport:
    directory: Path
    checked: int
    findings: list[str]
    newest: Anchor | None = None

    @property
    def ok(self) -> bool:
        return not self.findings

    def __str__(self) -> str:
        if self.findings:
            return "\n".join(f"Anchor check failed: {finding}." for finding in self.findings)
        if self.newest is None:
            return (
                f"No anchors yet in {self.directory}: only the chain's own links were checked. Run journey "
                "audit_anchor daily so that events deleted from the end, or the whole chain, are found."
            )
        return (
            f"Anchors intact: {self.checked} checked in {self.directory}; the newest, of {self.newest.when}, "
            f"records event {self.newest.sequence}, which is still in the chain."
        )


def check_anchors(directory: Path | None = None) -> AnchorReport:
    """Check the chain against every anchor: each anchor's signature, each anchored event still in the chain with
    its anchored hash (so the chain reaches the newest anchor), and anchors that never go backwards in time."""
    directory = directory or anchor_dir()
    anchors, findings = read_anchors(directory)
    signed = []
    for anchor in anchors:
        if anchor.signed_correctly():
            signed.append(anchor)
        else:
            findings.append(
                f"the anchor of {anchor.when} ({anchor.source}) has a signature that does not verify: it was forged "
                "or altered, or signed with another key"
            )
    signed.sort(key=lambda anchor: (datetime.fromisoformat(anchor.at), anchor.sequence))
    end = AuditEvent.objects.aggregate(end=Max("sequence"))["end"] or 0
    in_chain = _hashes_at(sorted({anchor.sequence for anchor in signed}))
    for anchor in signed:
        found = GENESIS_HASH if anchor.sequence == 0 else in_chain.get(anchor.sequence)
        if anchor.sequence > end:
            emptied = " (the chain is empty)" if end == 0 else ""
            findings.append(
                f"events deleted from the end: the anchor of {anchor.when} records sequence {anchor.sequence} but "
                f"the chain ends at {end}{emptied}"
            )
        elif found is None:
            findings.append(
                f"events deleted: the anchor of {anchor.when} records event {anchor.sequence}, which is missing"
            )
        elif found != anchor.hash:
            findings.append(
                f"events rewritten: the anchor of {anchor.when} records event {anchor.sequence} with hash "
                f"{anchor.hash[:16]}… but the chain has {found[:16]}…"
            )
    for earlier, later in pairwise(signed):
        if later.sequence < earlier.sequence:
            findings.append(
                f"the chain went backwards between anchors: the anchor of {earlier.when} records sequence "
                f"{earlier.sequence}, the later one of {later.when} only {later.sequence}"
            )
    return AnchorReport(directory, len(anchors), findings, signed[-1] if signed else None)


def _hashes_at(sequences: list[int], chunk: int = 500) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(sequences), chunk):
        rows = AuditEvent.objects.filter(sequence__in=sequences[start:start + chunk]).values_list("sequence", "hash")
        found.update(rows)
    return found
