"""Access fixtures: children in each relationship to the personas, built with the same actions the pages use."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Team, TeamKind
from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.lib.dates import today
from journey.people.actions import create_child


@pytest.fixture
def unit(council) -> Team:
    return Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=council)


@pytest.fixture
def make_child(sam):
    """``make_child("Ava")``: a child on record with no history (nobody is involved)."""

    def make(first_name: str, *, is_restricted: bool = False):
        child = create_child(acting_user=sam, first_name=first_name, last_name="Hughes",
                             date_of_birth=today() - timedelta(days=9 * 365))
        if is_restricted:
            child.is_restricted = True
            child.save()
        return child

    return make


@pytest.fixture
def open_contact_about(sam, school):
    """``open_contact_about(child, agency=...)``: a contact naming the child, linked and awaiting screening."""

    def make(child, *, agency=None, raised_by=None):
        contact = record_contact(
            acting_user=raised_by or sam, agency=agency or school, concern="Came to school hungry.",
            children=[NamedChild(child.person.first_name, child.person.last_name, child.date_of_birth)],
            received_at=timezone.now() - timedelta(hours=1), referrer_name="Tess Turner",
        )
        link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
        return contact

    return make


@pytest.fixture
def held_by(sam):
    """``held_by(child, worker, team)``: an open early help episode on the child, allocated to the worker in the team."""

    def make(child, worker, team=None):
        return open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=5), acting_user=sam,
                            worker=worker, team=team or worker.team)

    return make


@pytest.fixture
def date_fields():
    """``date_fields("expires_on", some_date)``: the day, month and year boxes of a GOV.UK date input."""

    def fields(name: str, value) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields
