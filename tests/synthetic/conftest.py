"""A generated authority shared by a module's tests: generating is the slow part, so do it once per module.

The rows are committed outside the per-test transactions and flushed when the module ends.
"""
import pytest

from journey.synthetic.flush import flush_generated
from journey.synthetic.generate import generate_authority


def generated(children: int, seed: int):
    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            result = generate_authority(children, seed)
            yield result
            flush_generated()

    return fixture


authority_2000 = generated(2000, 7)
