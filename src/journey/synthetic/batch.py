"""Rows waiting to be written, kept per model and written parents first with bulk_create.

Rows refer to their parents as unsaved objects; bulk_create fills each foreign key in once the parent has its
primary key (Django does this for bulk_create on PostgreSQL and SQLite), so no row needs a query of its own.
"""
from collections import Counter

from django.db import models

from journey.casework.models import Allocation, Assessment, ByWhen, CaseNote, Episode, Plan, Visit
from journey.frontdoor.models import Contact, ContactChild, Referral, ScreeningDecision
from journey.people.models import Address, Child, Household, HouseholdMembership, Person, Relationship

from .models import ContactChildTruth, PersonTruth

BATCH_SIZE = 2000

# Parents before children: the order rows must be written in.
WRITE_ORDER: tuple[type[models.Model], ...] = (
    Household, Person, Child, Address, Relationship, HouseholdMembership, PersonTruth,
    Contact, ContactChild, ContactChildTruth, ScreeningDecision, Referral,
    Episode, Allocation, Assessment, ByWhen, Plan, Visit, CaseNote,
)


class Batch:
    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[models.Model]] = {model: [] for model in WRITE_ORDER}

    def add(self, row: models.Model) -> models.Model:
        self.rows[type(row)].append(row)
        return row

    def write(self) -> Counter:
        """Write every row, parents first; return how many rows went into each table."""
        written: Counter = Counter()
        for model in WRITE_ORDER:
            rows = self.rows[model]
            if rows:
                model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
                written[model._meta.label] += len(rows)
        return written
