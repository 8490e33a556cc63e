"""Every DfE list the files name is in a freshly migrated database, with its source, version and codes."""
from datetime import date

import pytest

from journey.codelists.loading import codes_in, manifest
from journey.codelists.models import Code, CodeList

pytestmark = pytest.mark.django_db


def test_the_migration_loads_every_list_with_its_source_and_version():
    for entry in manifest():
        code_list = CodeList.objects.get(key=entry["key"])
        assert (code_list.source_title, code_list.source_version, code_list.publisher) == (
            entry["source_title"], entry["source_version"], entry["publisher"]
        )
        assert code_list.source_title and code_list.source_version
        in_file = [(row["code"], row["label"], row["valid_from"], row["valid_to"]) for row in codes_in(entry["file"])]
        loaded = list(code_list.codes.order_by("position").values_list("code", "label", "valid_from", "valid_to"))
        assert loaded == in_file, entry["key"]


def test_the_lists_the_census_needs_are_all_there():
    keys = set(CodeList.objects.values_list("key", flat=True))
    assert {"cin.referral_source", "cin.primary_need", "cin.assessment_factor", "cin.category_of_abuse", "cin.reason_for_closure",
            "cin.upn_unknown", "cin.ethnicity", "cin.disability", "cin.sex"} <= keys


@pytest.mark.parametrize(("key", "codes"), [
    ("cin.primary_need", ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]),
    ("cin.category_of_abuse", ["EMO", "MUL", "NEG", "PHY", "SAB"]),
    ("cin.reason_for_closure", [f"RC{n}" for n in range(1, 10)]),
    ("cin.upn_unknown", [f"UN{n}" for n in range(1, 11)]),
    ("cin.sex", ["0", "1", "2", "9"]),
])
def test_each_small_list_holds_exactly_the_dfe_codes(key, codes):
    assert sorted(Code.objects.filter(code_list__key=key).values_list("code", flat=True)) == sorted(codes)


def test_the_assessment_factors_run_from_1a_to_24a_without_the_retired_letters():
    factors = list(Code.objects.filter(code_list__key="cin.assessment_factor").order_by("position").values_list("code", flat=True))
    assert factors[0] == "1A" and factors[-1] == "24A" and len(factors) == 42
    assert "8A" not in factors and "18A" not in factors and "19A" not in factors


def test_every_code_is_valid_from_a_date_and_none_ends_before_it_begins():
    assert not Code.objects.filter(valid_from__gt=date(2024, 4, 1)).exists()
    for code in Code.objects.exclude(valid_to=None):
        assert code.valid_to >= code.valid_from
