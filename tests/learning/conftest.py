import pytest

from journey.accounts.models import Role
from tests.conftest import make_user
from tests.practice.conftest import leo, tom  # noqa: F401  (fixtures: Leo, 3, in Team A with Alice; Tom, 12, in Team B with Charlie)


@pytest.fixture
def audra(council):
    """Audra Adams: a case auditor, in no team: she sees no child but the sample of a round that names her, while it lasts."""
    return make_user("audra", Role.AUDITOR, council, None, "Audra", "Adams", "Case auditor")
