"""Checks for the identifiers a child's record carries.

Each check raises ``django.core.exceptions.ValidationError`` with a message that names the rule broken, so
forms, the importer and (later) the API give the same answer. Normalisers return the canonical stored form.
"""
import re

from django.core.exceptions import ValidationError

NHS_NUMBER_LENGTH = 10
UPN_LENGTH = 13
# DfE "Unique Pupil Numbers" guidance: the check letter alphabet omits I, O and S.
UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"

_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_nhs_number(value: str) -> str:
    """Digits only: people write NHS numbers as '943 476 5919' or '943-476-5919'."""
    return re.sub(r"[\s-]", "", value or "")


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit for nine digits, or None where no valid NHS number can end them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=False))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


# Said in the user's words: the check digit (modulus 11) and the check letter catch a slip in typing, and that is
# what the person must look for.
NHS_NUMBER_MISTYPED = "NHS number is not valid: check each digit has been typed correctly"
UPN_MISTYPED = "UPN is not valid: check each character has been typed correctly"


def validate_nhs_number(value: str) -> None:
    digits = normalise_nhs_number(value)
    # [0-9], not str.isdigit(): that also passes '²' and other scripts' digits, which int() and searches trip on.
    if not re.fullmatch(rf"[0-9]{{{NHS_NUMBER_LENGTH}}}", digits):
        raise ValidationError("NHS number must be 10 digits, like 943 476 5919", code="nhs_format")
    if nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            NHS_NUMBER_MISTYPED,
            code="nhs_check_digit",
        )


def normalise_upn(value: str) -> str:
    return re.sub(r"\s", "", value or "").upper()


def upn_check_letter(last_twelve: str) -> str:
    """The check letter for characters 2 to 13 of a UPN (DfE algorithm: weights 2 to 13, modulus 23).

    The 13th character may be a letter in a temporary UPN; it then counts as its place in the check alphabet.
    """
    total = 0
    for position, char in enumerate(last_twelve, start=2):
        value = int(char) if char.isdigit() else UPN_CHECK_LETTERS.index(char)
        total += value * position
    return UPN_CHECK_LETTERS[total % 23]


def validate_upn(value: str) -> None:
    upn = normalise_upn(value)
    shape_ok = (
        len(upn) == UPN_LENGTH
        and upn[0] in UPN_CHECK_LETTERS
        and re.fullmatch(r"[0-9]{11}", upn[1:12])
        and (upn[12] in "0123456789" or upn[12] in UPN_CHECK_LETTERS)
    )
    if not shape_ok:
        raise ValidationError(
            "UPN must be 13 characters: a letter followed by 12 digits (the last may be a letter), like A123456789012",
            code="upn_format",
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise ValidationError(
            UPN_MISTYPED,
            code="upn_check_letter",
        )


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code ('sw1a1aa' -> 'SW1A 1AA')."""
    compact = re.sub(r"\s", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def validate_postcode(value: str) -> None:
    if not _POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a real UK postcode, like SW1A 1AA", code="postcode_format")
