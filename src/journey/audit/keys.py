"""The audit key: HMAC-SHA256 over each event, and a signature over each anchor of the chain's head.

A plain hash chain proves only that the rows agree with each other: whoever can write the table can edit an event
and recompute every hash after it. Keying the hashes with a secret that the database does not hold
(``settings.JOURNEY_AUDIT_KEY``, from the environment or a mounted file) means such a rewrite no longer verifies.
Events and anchors use different message formats (an event's canonical JSON begins with ``{``, an anchor's text
with its own label), so that an anchor's signature can never pass for an event's hash or the other way round.
"""
import hashlib
import hmac
from functools import lru_cache

from django.conf import settings

ANCHOR_LABEL = "journey-audit-anchor-v1"


BLOCK_SIZE = 64  # SHA-256's


@lru_cache(maxsize=8)
def _pads(key: bytes) -> tuple:
    """SHA-256 states with the key's inner and outer pads already absorbed (HMAC as RFC 2104 defines it).

    Copying these two states costs about half what ``hmac``'s own ``copy()`` does, on a path that every read of
    every page takes; test_audit_key proves the result is the standard library's HMAC-SHA256."""
    if len(key) > BLOCK_SIZE:
        key = hashlib.sha256(key).digest()
    key = key.ljust(BLOCK_SIZE, b"\0")
    return hashlib.sha256(bytes(b ^ 0x36 for b in key)), hashlib.sha256(bytes(b ^ 0x5C for b in key))


def hmac_sha256(message: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 of ``message`` under the audit key (or ``key``), as hex."""
    inner, outer = _pads(settings.JOURNEY_AUDIT_KEY if key is None else key)
    inner = inner.copy()
    inner.update(message.encode("utf-8"))
    outer = outer.copy()
    outer.update(inner.digest())
    return outer.hexdigest()


def event_hash(canonical: str, key: bytes | None = None) -> str:
    """The hash an event carries: HMAC-SHA256 of its canonical text under the audit key (or ``key``)."""
    return hmac_sha256(canonical, key)


def plain_hash(canonical: str) -> str:
    """Unkeyed SHA-256: how events were hashed before the key (kept for the migration that moved them)."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def anchor_signature(sequence: int, head_hash: str, at: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 over an anchor's sequence, hash and time, so that an anchor cannot be forged or altered."""
    return hmac_sha256(f"{ANCHOR_LABEL}\n{sequence}\n{head_hash}\n{at}", key)


def signatures_match(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("ascii", "replace"), given.encode("ascii", "replace"))
