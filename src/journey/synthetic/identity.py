"""Identifiers and the ways referrers get a child's details wrong.

NHS numbers are drawn from the 999 range the NHS keeps for testing, so no synthetic number is a real patient's.
Each is derived from the individual's id, so numbers are unique without any bookkeeping.
"""
import random
from datetime import date
from functools import lru_cache

from nicknames import NickNamer

from journey.lib.identifiers import nhs_check_digit, upn_check_letter

from .banks import INWARD_LETTERS, OUTWARD_CODES

# A fictional local authority number for UPNs (real ones run 201-938).
LA_NUMBER = "990"


def nhs_number_for(individual: int) -> str:
    """A valid NHS number in the test range, or '' for the one in eleven ids whose check digit cannot exist."""
    prefix = 999 - individual // 1_000_000
    first_nine = f"{prefix:03d}{individual % 1_000_000:06d}"
    check = nhs_check_digit(first_nine)
    return "" if check is None else f"{first_nine}{check}"


def upn_for(school_number: int, year_allocated: int, serial: int) -> str:
    """LA number, school's DfE number, two-digit year and a serial, after the DfE check letter."""
    last_twelve = f"{LA_NUMBER}{school_number % 10000:04d}{year_allocated % 100:02d}{serial % 1000:03d}"
    return upn_check_letter(last_twelve) + last_twelve


def postcode(rng: random.Random) -> str:
    return f"{rng.choice(OUTWARD_CODES)} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"


@lru_cache(maxsize=1)
def _namer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=2048)
def nicknames_for(first_name: str) -> tuple[str, ...]:
    """Nicknames of a name, sorted so a seeded choice is the same on every run."""
    return tuple(sorted(n.title() for n in _namer().nicknames_of(first_name.lower()) if len(n) > 1))


def typo(rng: random.Random, name: str) -> str:
    """One slip of the keyboard: two letters swapped, or one dropped. Short names come back unchanged."""
    if len(name) < 4:
        return name
    at = rng.randrange(1, len(name) - 1)
    if rng.random() < 0.5 and name[at] != name[at + 1]:
        return name[:at] + name[at + 1] + name[at] + name[at + 2:]
    return name[:at] + name[at + 1:]


def swapped_day_month(born: date) -> date | None:
    """The date read the American way round, where that is still a real and different date."""
    if born.day > 12 or born.day == born.month:
        return None
    return born.replace(day=born.month, month=born.day)
