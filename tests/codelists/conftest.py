import pytest

from journey.codelists.lookup import clear_cache


@pytest.fixture(autouse=True)
def fresh_code_lists():
    """The lists are kept per process: a test that adds a code must not leave it behind after its rollback."""
    clear_cache()
    yield
    clear_cache()
