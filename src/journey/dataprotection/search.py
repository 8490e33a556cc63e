"""Finding the person a subject access request is about: any child or adult on record, by name and date of birth."""
from datetime import date

from django.db.models import Q, QuerySet

from journey.people.matching import first_name_variants, name_key
from journey.people.models import Person

from .rules import children_in_scope

LIMIT = 50


def find_people(*, name: str, date_of_birth: date | None, user) -> QuerySet:
    """People whose name sounds like ``name`` (nicknames, spellings, former names) and who were born on
    ``date_of_birth`` when given, among the people the officer's duties reach (``rules.children_in_scope``)."""
    people = Person.objects.filter(Q(child_record__isnull=True) | Q(child_record__in=children_in_scope(user)))
    parts = name.split()
    if parts:
        last = parts[-1]
        people = people.filter(Q(last_name__iexact=last) | Q(last_name_key=name_key(last)) | Q(former_names__icontains=last))
    if len(parts) > 1:
        first = parts[0]
        variants = first_name_variants(first)
        first_match = Q(first_name_key=name_key(first)) | Q(known_as__iexact=first)
        for variant in variants:
            first_match |= Q(first_name__iexact=variant)
        people = people.filter(first_match)
    if date_of_birth:
        people = people.filter(date_of_birth=date_of_birth)
    return people.select_related("child_record").order_by("last_name", "first_name", "date_of_birth", "pk")[:LIMIT]
