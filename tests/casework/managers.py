"""Personas for the manager's pages, beside those in tests/conftest.py. Import the fixtures a module uses."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Agency, AgencyKind, Role, Team, TeamKind
from journey.chronology.materialise import differences
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.people.actions import create_child
from tests.conftest import make_user


@pytest.fixture
def tariq(council, team_b, childrens_service):
    """Tariq Tan: Team B's manager; must see nothing of Team A's queue (he answers for Team B only)."""
    user = make_user("tariq", Role.TEAM_MANAGER, council, team_b, "Tariq", "Tan", "Team manager")
    team_b.manager = user
    team_b.save()
    return user


@pytest.fixture
def unit_a(council, team_a) -> Team:
    """Social Work Unit: Oak, a unit inside Team A: Mo allocates its practitioners too."""
    return Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=council, parent=team_a)


@pytest.fixture
def referred(sam):
    """``referred(first_name, team, days_ago)``: a child referred to ``team`` that long ago, not yet allocated."""

    def make(first_name: str, team, days_ago: int):
        child = create_child(acting_user=sam, first_name=first_name, last_name="Waiting",
                             date_of_birth=timezone.localdate() - timedelta(days=2000))
        at = timezone.now() - timedelta(days=days_ago)
        police = Agency.objects.get_or_create(name="Northfield Police", defaults={"kind": AgencyKind.POLICE})[0]
        contact = record_contact(acting_user=sam, agency=police, concern="A worry about home.", children=[NamedChild(first_name, "Waiting")],
                                 received_at=at - timedelta(hours=2), referrer_name="PC Lane", referrer_role="Officer")
        link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs assessment.", team=team, decided_at=at)
        return child

    return make


def chronology_agrees(*children) -> None:
    assert differences([child.pk for child in children]) == []
