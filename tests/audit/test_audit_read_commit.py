"""A read event commits in a short transaction of its own; on PostgreSQL without waiting for the disk (unless
JOURNEY_AUDIT_READS_DURABLE), while a change and its events always wait."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journey.audit.log import record_read
from journey.audit.models import AuditEvent
from journey.chronology.actions import record_significant_event

pytestmark = pytest.mark.django_db(transaction=True)

RELAXED = "SET LOCAL synchronous_commit TO OFF"


def _statements(work) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        work()
    return [query["sql"] for query in captured.captured_queries]


def test_a_read_commits_on_its_own_and_without_waiting_for_the_disk_on_postgresql(alice, ruby):
    statements = _statements(lambda: record_read(alice, ruby, "journey page"))
    assert (RELAXED in statements) == (connection.vendor == "postgresql")
    assert AuditEvent.objects.filter(what="journey page", user=alice).exists()


def test_reads_can_be_made_to_wait_for_the_disk(alice, ruby, settings):
    settings.JOURNEY_AUDIT_READS_DURABLE = True
    assert RELAXED not in _statements(lambda: record_read(alice, ruby, "journey page"))


def test_a_change_always_waits_for_the_disk(alice, ruby):
    statements = _statements(lambda: record_significant_event(
        ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(days=1), description="Moved school.",
    ))
    assert RELAXED not in statements
