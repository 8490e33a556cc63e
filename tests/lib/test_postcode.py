"""UK postcodes: stored upper case with one space before the inward code, checked against the shapes Royal Mail uses."""
import pytest
from django.core.exceptions import ValidationError

from journey.lib.identifiers import normalise_postcode, validate_postcode


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("sw1a1aa", "SW1A 1AA"), ("SW1A 1AA", "SW1A 1AA"), (" sw1a   1aa ", "SW1A 1AA"), ("m11ae", "M1 1AE"), ("", "")],
)
def test_it_normalises_a_postcode_to_upper_case_with_one_space(typed, stored):
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize(
    ("shape", "postcode"),
    [
        ("A9 9AA", "M1 1AE"),
        ("A99 9AA", "B33 8TH"),
        ("AA9 9AA", "CR2 6XH"),
        ("AA99 9AA", "DN55 1PT"),
        ("A9A 9AA", "W1A 0AX"),
        ("AA9A 9AA", "EC1A 1BB"),
    ],
)
def test_it_accepts_every_uk_postcode_shape(shape, postcode):
    validate_postcode(postcode)
    validate_postcode(postcode.replace(" ", "").lower())


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "SW1A",  # outward code only
        "SW1A 1A",  # inward code too short
        "SW1A 1AAA",
        "12345",
        "SWA1 1AA",  # letters where the district number goes
        "Q1 1AA",  # Q never starts a postcode
        "M1 1CI",  # C and I are never used in the inward code
        "M1 AAA",
        "SW1A-1AA",
        "SW1A 1AA\nX",
    ],
)
def test_it_rejects_a_postcode_that_is_not_a_uk_shape(typed):
    with pytest.raises(ValidationError) as caught:
        validate_postcode(typed)
    assert caught.value.messages == ["Enter a real UK postcode, like SW1A 1AA"]
