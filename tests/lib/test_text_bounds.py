"""Free text is bounded by the model, not only by the forms: every BoundedTextField refuses longer text in
``full_clean()`` (naming the field) and in the database itself (a CHECK), so no write path can store more."""
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from journey.frontdoor.actions import NamedChild, record_contact
from journey.frontdoor.models import Contact
from journey.lib.text import BoundedTextField, max_length_check


def bounded_fields():
    return [
        (model, field) for model in apps.get_models() for field in model._meta.get_fields()
        if isinstance(field, BoundedTextField)
    ]


def test_every_text_field_a_person_fills_is_bounded():
    """Only the audit log (append-only, written by Journey itself), projections Journey derives from bounded rows
    (``audit_captured = False``: the materialised chronology) and third-party apps keep unbounded text."""
    unbounded = [
        f"{model._meta.label}.{field.name}" for model in apps.get_models() for field in model._meta.get_fields()
        if type(field) is models.TextField and model._meta.app_label not in {"audit", "axes", "admin", "sessions"}
        and model.__module__.startswith("journey.") and getattr(model, "audit_captured", True)
    ]
    assert unbounded == []


@pytest.mark.parametrize("model, field", bounded_fields(), ids=lambda x: getattr(x, "name", getattr(x, "__name__", "")))
def test_every_bounded_text_field_has_its_database_check_with_the_same_bound(model, field):
    expected = max_length_check(field.name, field.max_length)
    checks = [c for c in model._meta.constraints if c.name == expected.name % {
        "app_label": model._meta.app_label, "class": model.__name__.lower()}]
    assert len(checks) == 1
    assert checks[0].condition == expected.condition


@pytest.fixture
def contact(sam, police):
    return record_contact(acting_user=sam, agency=police, concern="Seen alone at night.", children=[NamedChild("Amy", "Adams")])


@pytest.mark.django_db
def test_full_clean_names_the_field_that_is_too_long(contact):
    limit = Contact._meta.get_field("concern").max_length
    contact.concern = "x" * (limit + 1)

    with pytest.raises(ValidationError) as caught:
        contact.full_clean()

    assert caught.value.message_dict == {"concern": [f"Concern must be {limit:,} characters or fewer"]}


@pytest.mark.django_db
def test_full_clean_refuses_a_null_character_no_database_should_store(contact):
    contact.concern = "Seen\x00 alone"

    with pytest.raises(ValidationError) as caught:
        contact.full_clean()

    assert list(caught.value.message_dict) == ["concern"]


@pytest.mark.django_db
def test_the_database_refuses_text_longer_than_the_bound_whatever_the_write_path(contact):
    limit = Contact._meta.get_field("concern").max_length

    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.filter(pk=contact.pk).update(concern="x" * (limit + 1))
    Contact.objects.filter(pk=contact.pk).update(concern="x" * limit)

    assert len(Contact.objects.get(pk=contact.pk).concern) == limit
