"""The ground truth of a synthetic authority: who each record and each contact's child really is.

Kept apart from the record so matching can be measured against it, and never shown to practitioners.
"""
from django.db import models


class PersonTruth(models.Model):
    """The real individual behind a person record; two records of one individual are a duplicate on file."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="+", help_text="The record.")
    individual = models.PositiveIntegerField(db_index=True, help_text="The synthetic individual it describes.")


class ContactChildTruth(models.Model):
    """Who the child named in a contact really is, and how the referrer's details differ from the record."""

    contact_child = models.OneToOneField("frontdoor.ContactChild", on_delete=models.CASCADE, related_name="+", help_text="The child as named.")
    individual = models.PositiveIntegerField(db_index=True, help_text="The synthetic individual meant.")
    variant = models.CharField(max_length=60, blank=True, help_text="How the details were varied, e.g. 'nickname', 'typo', 'no NHS number', 'moved'.")
