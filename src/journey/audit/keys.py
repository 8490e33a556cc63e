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


@lru_cache(maxsize=8)
def _keyed(key: bytes) -> "hmac.HMAC":
    """HMAC state with the key already absorbed; copying it is cheaper than keying afresh on every append."""
    return hmac.new(key, digestmod=hashlib.sha256)


def _key(key: bytes | None) -> bytes:
    return settings.JOURNEY_AUDIT_KEY if key is None else key


def event_hash(canonical: str, key: bytes | None = None) -> str:
    """The hash an event carries: HMAC-SHA256 of its canonical text under the audit key (or ``key``)."""
    mac = _keyed(_key(key)).copy()
    mac.update(canonical.encode("utf-8"))
    return mac.hexdigest()


def plain_hash(canonical: str) -> str:
    """Unkeyed SHA-256: how events were hashed before the key (kept for the migration that moved them)."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def anchor_signature(sequence: int, head_hash: str, at: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 over an anchor's sequence, hash and time, so that an anchor cannot be forged or altered."""
    mac = _keyed(_key(key)).copy()
    mac.update(f"{ANCHOR_LABEL}\n{sequence}\n{head_hash}\n{at}".encode("utf-8"))
    return mac.hexdigest()


def signatures_match(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("ascii", "replace"), given.encode("ascii", "replace"))
