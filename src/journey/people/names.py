"""How alike two names are, one rule for every search: the find-a-child page, the front door's suggestions and
subject access requests judge a name the same way, on SQLite and on PostgreSQL.

A name given is compared with a name on record in four steps, best first: the same letters (ignoring case and
accents, so 'Malgorzata' is 'Małgorzata'), a known variant (a nickname either way: Izzy and Isabel, Kasia and
Katarzyna), the same sound (a phonetic key: Smith and Smyth), or a spelling slip (one letter swapped, dropped, added
or changed, or sharing enough letter triples as PostgreSQL's pg_trgm counts them: Libbie and Libby, Palmar and Palmer).
"""
import csv
import enum
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jellyfish
from nicknames import NickNamer
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

NICKNAMES_FILE = Path(__file__).parent / "data" / "nicknames.csv"
# pg_trgm's own default (``pg_trgm.similarity_threshold``), so that the trigram index's ``%`` and this agree.
TRIGRAM_THRESHOLD = 0.3
ACROSS_INITIALS = 0.5
SHORTEST_SLIP = 4  # a one-letter slip in a name shorter than this makes another name (Amy, Ami, Ama)
_LETTERS_OUTSIDE_UNICODE_DECOMPOSITION = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


class Likeness(enum.Enum):
    """How a name on record matches the name given; the value is the share of the field's points it earns."""

    SAME = 1.0
    VARIANT = 0.8
    SOUNDS = 0.7
    SIMILAR = 0.6

    def reason(self, label: str) -> str:
        return {
            Likeness.SAME: f"{label} matches",
            Likeness.VARIANT: f"{label} is a known variant",
            Likeness.SOUNDS: f"{label} sounds the same",
            Likeness.SIMILAR: f"{label} is spelled similarly",
        }[self]


def fold(name: str) -> str:
    """Lower case without accents or surrounding space: 'Łukasz ' -> 'lukasz', 'Ștefan' -> 'stefan'."""
    lowered = (name or "").strip().casefold().translate(_LETTERS_OUTSIDE_UNICODE_DECOMPOSITION)
    return "".join(ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """A phonetic key for a name, so 'Smith' finds 'Smyth' and 'Mohammed' finds 'Muhammad'."""
    cleaned = "".join(ch for ch in (name or "").lower() if ch.isalpha())
    return jellyfish.metaphone(cleaned)[:20] if cleaned else ""


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    """The ``nicknames`` package's table with Journey's own rows (``data/nicknames.csv``) added, read once."""
    lookup: dict[str, set[str]] = {}
    for canonical, nicknames in NickNamer.default_lookup().items():
        lookup.setdefault(fold(canonical), set()).update(fold(n) for n in nicknames)
    with NICKNAMES_FILE.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(line for line in rows if not line.startswith("#")):
            lookup.setdefault(fold(row["name"]), set()).update(fold(n) for n in row["diminutives"].split())
    return NickNamer(nickname_lookup=lookup)


@lru_cache(maxsize=4096)
def first_name_variants(first_name: str) -> frozenset[str]:
    """The name itself, its nicknames and the names it is a nickname of ('Bill' -> William, Will, Billy...;
    'Kasia' -> Katarzyna; 'Isabel' -> Izzy), folded (see ``fold``)."""
    name = fold(first_name)
    if not name:
        return frozenset()
    namer = _nicknamer()
    variants = {name} | namer.nicknames_of(name) | namer.canonicals_of(name)
    for canonical in namer.canonicals_of(name):
        variants |= namer.nicknames_of(canonical)
    return frozenset(variants)


def _trigrams(text: str) -> set[str]:
    """The letter triples pg_trgm takes from a text: each word lower-cased, with two spaces before and one after."""
    found: set[str] = set()
    for word in re.findall(r"[^\W_]+", text.lower()):
        padded = f"  {word} "
        found.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return found


def trigram_similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity(a, b)``: the share of letter triples the two have in common."""
    first, second = _trigrams(a), _trigrams(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def is_slip(given: str, recorded: str) -> bool:
    """Whether ``recorded`` could be ``given`` typed or heard with a slip (both folded).

    Starting with the same letter: enough letter triples in common (``TRIGRAM_THRESHOLD``), one letter swapped,
    dropped, added or changed (in names of ``SHORTEST_SLIP`` letters or more), or most letters in the same order.
    Starting differently, the triples in common must be most of them (``ACROSS_INITIALS``): Liam is not a slip for
    William, though they share a third."""
    if not given or not recorded:
        return False
    similarity = trigram_similarity(given, recorded)
    if given[0] != recorded[0]:
        return similarity >= ACROSS_INITIALS
    if similarity >= TRIGRAM_THRESHOLD:
        return True
    if min(len(given), len(recorded)) >= SHORTEST_SLIP and OSA.distance(given, recorded) <= 1:
        return True
    return fuzz.ratio(given, recorded) >= 80


def likeness(given: str, recorded: str, *, variants: frozenset[str] = frozenset()) -> Likeness | None:
    """How ``recorded`` matches ``given``, best first (see the module's docstring); ``variants`` are the given first
    name's (``first_name_variants``), empty for a family name."""
    given_folded, recorded_folded = fold(given), fold(recorded)
    if not given_folded or not recorded_folded:
        return None
    if given_folded == recorded_folded:
        return Likeness.SAME
    if recorded_folded in variants:
        return Likeness.VARIANT
    key = name_key(given_folded)
    if key and key == name_key(recorded_folded):
        return Likeness.SOUNDS
    if is_slip(given_folded, recorded_folded):
        return Likeness.SIMILAR
    return None


def best_likeness(given: str, recorded: list[str], *, variants: frozenset[str] = frozenset()) -> Likeness | None:
    """The best way any of ``recorded`` matches ``given``."""
    found = [match for name in recorded if (match := likeness(given, name, variants=variants))]
    return max(found, key=lambda match: match.value, default=None)
