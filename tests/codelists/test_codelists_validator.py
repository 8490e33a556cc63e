"""The model field's rule: a stored code must be in its list, in some year; the error names the field."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from journey.codelists.models import Code, CodeList
from journey.codelists.validators import InCodeList
from journey.people.models import Child, Person

pytestmark = pytest.mark.django_db


def _errors(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    return refused.value.message_dict


def test_a_person_with_an_ethnicity_outside_the_list_is_refused_naming_the_field():
    errors = _errors(Person(first_name="Ruby", last_name="Smith", ethnicity="WXYZ"))
    assert errors == {"ethnicity": ["Ethnicity must be one of the codes in its DfE list, not 'WXYZ'"]}


def test_a_person_with_a_listed_ethnicity_is_accepted():
    Person(first_name="Ruby", last_name="Smith", ethnicity="MWBC").full_clean()


def test_each_of_a_childs_disabilities_must_be_in_the_list():
    person = Person.objects.create(first_name="Ruby", last_name="Smith")
    errors = _errors(Child(person=person, disabilities=["MOB", "WINGS"]))
    assert errors == {"disabilities": ["Disability must be one of the codes in its DfE list, not 'WINGS'"]}
    Child(person=person, disabilities=["MOB", "AUT"]).full_clean(exclude=["person"])


def test_a_code_the_dfe_has_since_retired_is_still_a_code_a_record_may_keep():
    ethnicities = CodeList.objects.get(key="cin.ethnicity")
    Code.objects.create(code_list=ethnicities, code="OLDE", label="Retired", valid_from=date(2010, 4, 1), valid_to=date(2020, 3, 31))
    Person(first_name="Ruby", last_name="Smith", ethnicity="OLDE").full_clean()


def test_the_validator_is_kept_in_migrations_by_its_list_and_label():
    validator = InCodeList("cin.ethnicity", "Ethnicity")
    assert validator.deconstruct() == ("journey.codelists.validators.InCodeList", ("cin.ethnicity", "Ethnicity"), {})
    assert validator == InCodeList("cin.ethnicity", "Ethnicity") != InCodeList("cin.disability", "Ethnicity")
