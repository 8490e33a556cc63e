"""Appends from concurrent requests make one straight chain: the chain head is locked for each append."""
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection, connections, transaction

from journey.audit.chain import verify_chain
from journey.audit.log import record_read
from journey.audit.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)

THREADS, EACH = 6, 10


def test_concurrent_appends_keep_one_linear_chain(alice, ruby):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database cannot be written from two threads; SQLite serialises "
                    "writers itself (every transaction begins IMMEDIATE)")
    start = Barrier(THREADS)
    before = AuditEvent.objects.count()

    def append_reads(worker: int) -> None:
        try:
            start.wait()
            for n in range(EACH):
                with transaction.atomic():
                    record_read(alice, ruby, f"worker {worker} read {n}")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(append_reads, range(THREADS)))

    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert len(sequences) == before + THREADS * EACH
    assert sequences == list(range(1, len(sequences) + 1))
    result = verify_chain()
    assert result.ok, str(result)
