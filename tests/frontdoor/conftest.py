"""Front door fixtures: a contact waiting at the front door, built with the same action the pages use."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.frontdoor.actions import NamedChild, record_contact


@pytest.fixture
def raise_contact(school, sam):
    """``raise_contact(NamedChild(...), ...)``: a contact from Oakfield Primary awaiting screening, recorded by Sam."""

    def make(*children: NamedChild, concern: str = "Came to school hungry and with a bruise on her arm.", hours_ago: int = 1, **kwargs):
        return record_contact(
            acting_user=kwargs.pop("acting_user", sam), agency=kwargs.pop("agency", school), concern=concern,
            children=list(children), received_at=timezone.now() - timedelta(hours=hours_ago), **kwargs,
        )

    return make


@pytest.fixture
def ruby_again(ruby, raise_contact):
    """A new contact about Ruby from her school, typed as 'Rubie Smyth' (a typing slip), not yet linked."""
    return raise_contact(
        NamedChild("Rubie", "Smyth", ruby.date_of_birth, postcode="nf1 2ab"),
        concern="Ruby said there was shouting at home again.\n\n  She did not want to go home.",
        referrer_name="Tess Turner", referrer_role="Designated safeguarding lead",
    )
