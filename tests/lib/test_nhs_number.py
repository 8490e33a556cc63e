"""NHS numbers: ten digits, the last a modulus 11 check on the first nine (NHS Data Dictionary)."""
import random

import pytest
from django.core.exceptions import ValidationError

from journey.lib.identifiers import NHS_NUMBER_MISTYPED, nhs_check_digit, normalise_nhs_number, validate_nhs_number


def check_digit_by_the_book(first_nine: str) -> int | None:
    """The NHS Data Dictionary rule, written out separately from the code under test: weights 10 down to 2,
    11 minus the remainder on division by 11; 11 becomes 0 and 10 means no valid number ends these digits."""
    total = sum(int(d) * w for d, w in zip(first_nine, [10, 9, 8, 7, 6, 5, 4, 3, 2], strict=False))
    check = 11 - total % 11
    return {11: 0, 10: None}.get(check, check)


def messages_for(value: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        validate_nhs_number(value)
    return caught.value.messages


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", " 943 476 5919 "])
def test_it_accepts_a_valid_nhs_number_however_it_is_spaced(typed):
    validate_nhs_number(typed)
    assert normalise_nhs_number(typed) == "9434765919"


def test_it_rejects_nhs_number_with_bad_check_digit():
    messages = messages_for("9434765918")
    assert len(messages) == 1
    assert messages[0] == NHS_NUMBER_MISTYPED
    assert messages[0].startswith("NHS number")


@pytest.mark.parametrize("typed", ["943476591", "94347659190", "", "943476591A", "NHS4765919", "9434.76591"])
def test_it_rejects_nhs_number_of_the_wrong_length_or_with_letters(typed):
    assert messages_for(typed) == ["NHS number must be 10 digits, like 943 476 5919"]


@pytest.mark.parametrize(
    "typed",
    [
        "943476591\u00b2",  # superscript two: str.isdigit() says yes, int() says no
        "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669",  # 9434765919 in Arabic-Indic digits
        "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19",  # 9434765919 in full-width digits
    ],
)
def test_it_rejects_nhs_number_written_with_digits_other_than_0_to_9(typed):
    assert messages_for(typed) == ["NHS number must be 10 digits, like 943 476 5919"]


def test_it_rejects_nhs_number_whose_check_digit_would_be_10():
    # 1x10 + 1x2 = 12; 12 mod 11 = 1; 11 - 1 = 10, so no tenth digit makes 100000001 valid.
    assert check_digit_by_the_book("100000001") is None
    assert nhs_check_digit("100000001") is None
    for last in "0123456789":
        assert messages_for("100000001" + last) == [NHS_NUMBER_MISTYPED]


def test_check_digit_agrees_with_the_rule_and_round_trips_over_many_numbers():
    rng = random.Random(11)
    for _ in range(2000):
        first_nine = f"{rng.randrange(10**9):09d}"
        check = nhs_check_digit(first_nine)
        assert check == check_digit_by_the_book(first_nine), first_nine
        if check is None:
            continue
        validate_nhs_number(first_nine + str(check))
        wrong = rng.choice([d for d in "0123456789" if d != str(check)])
        with pytest.raises(ValidationError):
            validate_nhs_number(first_nine + wrong)


def test_check_digit_of_11_becomes_0():
    first_nine = next(f"{n:09d}" for n in range(10**8, 10**9) if check_digit_by_the_book(f"{n:09d}") == 0)
    assert nhs_check_digit(first_nine) == 0
    validate_nhs_number(first_nine + "0")
