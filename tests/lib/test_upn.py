"""Unique pupil numbers: a check letter, then 12 characters (DfE 'Unique Pupil Numbers' guidance, annex on the
check letter). The last may be a letter in a temporary UPN."""
import importlib.util
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from journey.lib.identifiers import UPN_MISTYPED, normalise_upn, upn_check_letter, validate_upn

# The DfE check letter table: remainders 0 to 22, with I, O and S left out so they are not read as 1, 0 and 5.
DFE_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter_by_the_book(last_twelve: str) -> str:
    """Characters 2 to 13 weighted 2 to 13, summed, modulus 23, looked up in the table. A letter in place 13
    counts as its place in that same table (A=0, B=1 ... Z=22)."""
    values = [int(c) if c.isdigit() else DFE_LETTERS.index(c) for c in last_twelve]
    return DFE_LETTERS[sum(v * w for v, w in zip(values, range(2, 14), strict=False)) % 23]


def shared_conftest():
    """tests/conftest.py, loaded by path so this works whether or not tests/ is a package."""
    spec = importlib.util.spec_from_file_location("_shared_conftest", Path(__file__).parents[1] / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages_for(value: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        validate_upn(value)
    return caught.value.messages


def test_conftest_valid_upn_really_is_valid():
    # 1x2 + 2x3 + 3x4 + 4x5 + 5x6 + 6x7 + 7x8 + 8x9 + 9x10 + 0x11 + 1x12 + 2x13 = 368 = 16 x 23, remainder 0: A.
    assert check_letter_by_the_book("123456789012") == "A"
    upn = shared_conftest().VALID_UPN
    assert upn[0] == check_letter_by_the_book(upn[1:])
    validate_upn(upn)


@pytest.mark.parametrize("last_twelve", ["123456789012", "000000000000", "999999999999", "801234567890", "201612345678"])
def test_it_accepts_upns_whose_check_letter_follows_the_dfe_rule(last_twelve):
    upn = check_letter_by_the_book(last_twelve) + last_twelve
    validate_upn(upn)
    assert upn_check_letter(last_twelve) == upn[0]


def test_it_accepts_a_upn_typed_in_lower_case_with_spaces():
    validate_upn("a 1234 5678 9012")
    assert normalise_upn("a 1234 5678 9012") == "A123456789012"


def test_it_rejects_a_upn_with_the_wrong_check_letter():
    messages = messages_for("B123456789012")
    assert messages == [UPN_MISTYPED]


@pytest.mark.parametrize("typed", ["A12345678901", "A1234567890123", "", "A"])
def test_it_rejects_a_upn_of_the_wrong_length(typed):
    assert "13 characters" in messages_for(typed)[0]


@pytest.mark.parametrize("typed", ["AB23456789012", "A1X3456789012", "A1234567890B2"])
def test_it_rejects_a_upn_with_letters_in_places_2_to_12(typed):
    assert "13 characters" in messages_for(typed)[0]


@pytest.mark.parametrize("first", ["I", "O", "S", "1"])
def test_it_rejects_a_upn_starting_with_a_character_outside_the_check_alphabet(first):
    assert "13 characters" in messages_for(first + "123456789012")[0]


def test_it_rejects_a_upn_with_digits_other_than_0_to_9():
    # Superscript two passes str.isdigit() but is not a digit a UPN can hold.
    assert "13 characters" in messages_for("A12345678901\u00b2")[0]
    assert "13 characters" in messages_for("A\u00b223456789012")[0]


@pytest.mark.parametrize("place_13", ["A", "K", "Z"])
def test_it_accepts_a_temporary_upn_with_a_letter_in_place_13_when_the_check_matches(place_13):
    last_twelve = "12345678901" + place_13
    upn = check_letter_by_the_book(last_twelve) + last_twelve
    validate_upn(upn)


def test_it_rejects_a_temporary_upn_whose_check_letter_does_not_match():
    last_twelve = "12345678901K"
    right = check_letter_by_the_book(last_twelve)
    wrong = next(letter for letter in DFE_LETTERS if letter != right)
    assert messages_for(wrong + last_twelve) == [UPN_MISTYPED]


@pytest.mark.parametrize("place_13", ["I", "O", "S"])
def test_it_rejects_a_temporary_upn_with_a_letter_outside_the_check_alphabet_in_place_13(place_13):
    assert "13 characters" in messages_for("A12345678901" + place_13)[0]
