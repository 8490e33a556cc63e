"""Child protection fixtures: a health agency and its nurse, a discussion about Ruby with the police officer taking
part, and a way to type GOV.UK dates."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Agency, AgencyKind, Role
from journey.protection.actions import Participant, record_strategy_discussion
from tests.conftest import make_user


@pytest.fixture
def date_fields():
    def fields(name: str, value: date) -> dict[str, str]:
        return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}

    return fields


@pytest.fixture
def police(db) -> Agency:
    """The force that raised Ruby's contact (the ``ruby`` fixture makes it too, whichever comes first)."""
    return Agency.objects.get_or_create(name="Northfield Police", defaults={"kind": AgencyKind.POLICE})[0]


@pytest.fixture
def health(db) -> Agency:
    return Agency.objects.create(name="Northfield Community Health", kind=AgencyKind.HEALTH)


@pytest.fixture
def nurse(health):
    """Nia Nash: school nurse, a health partner user who never raised a contact about Ruby."""
    return make_user("nia", Role.PARTNER, health, None, "Nia", "Nash", "School nurse")


@pytest.fixture
def discussion(ruby, alice, officer, health, council):
    """Ruby's strategy discussion yesterday: Alice, PC Patel for the police (a Journey user) and a health visitor
    (not on Journey); it decided a section 47 enquiry."""
    return record_strategy_discussion(
        ruby.episodes.get(), held_at=timezone.now() - timedelta(days=1), what_was_shared="Police: two call-outs. Health: missed checks.",
        decision="section_47", reasons="Bruising and repeat incidents: possible significant harm.", acting_user=alice,
        participants=[
            Participant("Alice Akers", council, "Social worker"),
            Participant("Priya Patel", officer.agency, "Police constable", email="PRIYA@example.invalid"),
            Participant("Hana Hill", health, "Health visitor"),
        ],
    )


@pytest.fixture
def enquiry(discussion, alice):
    """Ruby's section 47 enquiry, completed yesterday: the concerns substantiated, an initial conference needed."""
    from journey.protection.actions import complete_section_47, start_section_47

    yesterday = date.today() - timedelta(days=1)
    started = start_section_47(discussion, started_on=yesterday, due_on=date.today() + timedelta(days=10), due_reason="Before half term.",
                               acting_user=alice)
    return complete_section_47(
        started, findings="Bruising; neglect at home.", concerns_substantiated=True, continuing_risk=True, conference_needed=True,
        outcome_reasons="Continuing risk of significant harm.", completed_on=yesterday, child_seen=True, child_seen_alone=True,
        acting_user=alice,
    )
