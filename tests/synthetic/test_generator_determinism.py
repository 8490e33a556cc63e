"""The same number of children and seed make the same authority; another seed makes another."""
import hashlib
from datetime import date

import pytest

from journey.casework.models import Episode, Visit
from journey.frontdoor.models import ContactChild
from journey.synthetic.flush import flush_generated
from journey.synthetic.generate import generate_authority
from journey.synthetic.models import PersonTruth

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 3, 2)


def digest() -> str:
    """Names, dates, contacts and episodes, keyed by individual rather than by database ids."""
    rows = sorted(PersonTruth.objects.values_list(
        "individual", "person__first_name", "person__last_name", "person__date_of_birth", "person__nhs_number"))
    rows += sorted(ContactChild.objects.values_list(
        "contact__received_at", "contact__agency__name", "contact__concern", "given_first_name", "given_last_name",
        "given_date_of_birth", "given_postcode"))
    rows += sorted(Episode.objects.values_list("child__person__first_name", "kind", "started_on", "ended_on", "closure_reason"))
    rows += sorted(Visit.objects.values_list("visited_at", "childs_words", "recorded_by__username"))
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_it_makes_the_same_authority_from_the_same_seed():
    generate_authority(300, 11, today=TODAY)
    first = digest()
    flush_generated()
    generate_authority(300, 11, today=TODAY)
    assert digest() == first


def test_it_makes_a_different_authority_from_another_seed():
    generate_authority(300, 11, today=TODAY)
    first = digest()
    flush_generated()
    generate_authority(300, 12, today=TODAY)
    assert digest() != first
