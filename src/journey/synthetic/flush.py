"""Removing a generated authority, and counting what one holds.

A flush refuses when any person on file was not made by the generator (no ground truth row): that database
holds real records, and nothing is deleted. Otherwise it removes the record leaves first, then the generated
staff, then teams and agencies left with nobody in them. Accounts made by hand (an administrator) stay.
"""
from collections import Counter

from django.db import models, transaction
from django.db.models import ProtectedError

from journey.accounts.models import Agency, Team, User
from journey.audit.context import without_change_capture
from journey.casework.models import Allocation, Assessment, ByWhen, CaseNote, Episode, Plan, Visit
from journey.chronology.models import SignificanceFlag, SignificantEvent
from journey.frontdoor.models import Contact, ContactChild, Referral, ScreeningDecision
from journey.people.models import Address, Child, Household, HouseholdMembership, Person, Relationship

from .batch import WRITE_ORDER
from .models import ContactChildTruth, PersonTruth
from .organisation import EMAIL_DOMAIN

# Leaves first, so that every delete is of rows nothing else points to any more.
DELETE_ORDER: tuple[type[models.Model], ...] = (
    SignificanceFlag, SignificantEvent, ByWhen, Assessment, Plan, Visit, CaseNote, Allocation, Episode,
    Referral, ScreeningDecision, ContactChildTruth, ContactChild, Contact, HouseholdMembership, Household, Relationship,
    Address, PersonTruth, Child, Person,
)


def flush_generated() -> Counter:
    """Delete the generated authority; raise ``GenerationRefused`` rather than touch real records."""
    from .generate import GenerationRefused

    real = Person.objects.exclude(pk__in=PersonTruth.objects.values("person_id"))
    if real.exists():
        raise GenerationRefused(
            f"Not flushing: {real.count()} people on record were not made by the generator, so this database holds "
            "real records. Nothing was deleted."
        )
    deleted: Counter = Counter()
    try:
        with transaction.atomic(), without_change_capture():  # its rows were bulk-created, never audited either
            for model in DELETE_ORDER:
                deleted[model._meta.label] += model.objects.all().delete()[1].get(model._meta.label, 0)
            generated = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
            deleted[User._meta.label] += generated.delete()[1].get(User._meta.label, 0)
            empty_teams = Team.objects.filter(members__isnull=True)
            deleted[Team._meta.label] += empty_teams.delete()[1].get(Team._meta.label, 0)
            unused = Agency.objects.filter(staff__isnull=True, teams__isnull=True, contacts__isnull=True)
            deleted[Agency._meta.label] += unused.delete()[1].get(Agency._meta.label, 0)
    except ProtectedError as error:
        tables = sorted({obj._meta.verbose_name_plural for obj in error.protected_objects})
        raise GenerationRefused(
            f"Not flushing: records in {', '.join(tables)} still point at the generated data. Remove them first; "
            "nothing was deleted."
        ) from error
    return deleted


def row_counts() -> dict[str, int]:
    """Rows per table the generator writes, plus the authority's agencies, teams and users."""
    counted = (Agency, Team, User, *WRITE_ORDER)
    return {model._meta.label: model.objects.count() for model in counted}
