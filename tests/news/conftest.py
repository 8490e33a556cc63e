"""News fixtures: partner information added by the police, and a way to read a user's news as plain tuples."""
from datetime import timedelta

import pytest

from journey.frontdoor.actions import add_partner_information
from journey.lib.dates import today
from journey.news import feed


@pytest.fixture
def police_say(officer):
    """``police_say(child)``: PC Patel adds information about a child the police raised a concern about."""

    def add(child, what: str = "Ruby came in with a cut lip and said her mum's boyfriend pushed her."):
        return add_partner_information(child, acting_user=officer, what_happened=what, happened_on=today() - timedelta(days=1),
                                       how_known="child", family_knows=False)

    return add


def news_of(user) -> list[tuple[str, str, str]]:
    """A user's news as (kind, child's name, title), newest first."""
    return [(item.kind, item.child.name, item.title) for item in feed.page(user, size=100).items]


def kinds_of(user) -> list[str]:
    return [kind for kind, _child, _title in news_of(user)]
