from datetime import timedelta

import pytest

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.practice.actions import Decision, Discussion, record_supervision


@pytest.fixture
def leo(alice, sam):
    """Leo Jones, 3: an early help episode allocated to Alice a week ago."""
    child = create_child(acting_user=sam, first_name="Leo", last_name="Jones", date_of_birth=today() - timedelta(days=3 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=alice)
    return child


@pytest.fixture
def tom(charlie, sam):
    """Tom Baker, 12: an early help episode allocated to Charlie in Team B; nothing to do with Alice."""
    child = create_child(acting_user=sam, first_name="Tom", last_name="Baker", date_of_birth=today() - timedelta(days=12 * 366))
    open_episode(child, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=7), acting_user=sam, worker=charlie)
    return child


@pytest.fixture
def supervised(mo, alice, ruby, leo, helen):
    """Mo's supervision of Alice yesterday, discussing Ruby (a decision, an alternative hypothesis and a private
    reflection) and Leo (no alternative given, no decision)."""
    return record_supervision(
        practitioner=alice, held_on=today() - timedelta(days=1), acting_user=mo,
        discussions=[
            Discussion(ruby, happening="Mum is struggling since the baby came.", alternative="Ruby may be caring for the baby.",
                       feelings="I dread these visits; Dad shouts at me.", child_says="Tea with Mum is the best bit.",
                       decisions=[Decision("Visit weekly until the review", "Ruby's attendance has fallen.", alice, today() + timedelta(days=14))]),
            Discussion(leo, gut_feeling="Something is not right at home."),
        ],
    )


# Social work units: Oak, under the service Helen heads, and Elm, another unit beside it.
def _member(username: str, role: str, unit, unit_role: str, first: str, last: str, title: str):
    from journey.accounts.models import User
    from tests.conftest import make_user

    user = make_user(username, role, unit.agency, unit, first, last, title)
    User.objects.filter(pk=user.pk).update(unit_role=unit_role)
    user.refresh_from_db()
    return user


@pytest.fixture
def oak(council, childrens_service):
    """Social Work Unit: Oak, in the Children's Social Work Service (so Helen is in its manager line)."""
    from journey.accounts.models import Team, TeamKind

    return Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=council, parent=childrens_service)


@pytest.fixture
def olu(oak):
    """Olu Okafor: Oak's consultant social worker, the unit's manager."""
    from journey.accounts.models import Role, UnitRole

    user = _member("olu", Role.TEAM_MANAGER, oak, UnitRole.CONSULTANT_SOCIAL_WORKER, "Olu", "Okafor", "Consultant social worker")
    oak.manager = user
    oak.save()
    return user


@pytest.fixture
def sana(oak):
    """Sana Sheikh: social worker in Oak, Maya's lead worker."""
    from journey.accounts.models import Role, UnitRole

    return _member("sana", Role.PRACTITIONER, oak, UnitRole.SOCIAL_WORKER, "Sana", "Sheikh", "Social worker")


@pytest.fixture
def pip(oak):
    """Pip Price: Oak's children's practitioner."""
    from journey.accounts.models import Role, UnitRole

    return _member("pip", Role.PRACTITIONER, oak, UnitRole.CHILDRENS_PRACTITIONER, "Pip", "Price", "Children's practitioner")


@pytest.fixture
def kit(oak):
    """Kit Kowalski: Oak's unit coordinator."""
    from journey.accounts.models import Role, UnitRole

    return _member("kit", Role.PRACTITIONER, oak, UnitRole.UNIT_COORDINATOR, "Kit", "Kowalski", "Unit coordinator")


@pytest.fixture
def lin(oak):
    """Dr Lin Lee: Oak's clinician (a family therapist)."""
    from journey.accounts.models import Role, UnitRole

    return _member("lin", Role.PRACTITIONER, oak, UnitRole.CLINICIAN, "Lin", "Lee", "Clinical practitioner")


@pytest.fixture
def elm(council, childrens_service):
    from journey.accounts.models import Team, TeamKind

    return Team.objects.create(name="Social Work Unit: Elm", kind=TeamKind.UNIT, agency=council, parent=childrens_service)


@pytest.fixture
def ezra(elm):
    """Ezra Evans: social worker in Elm, another unit: none of Oak's children are his."""
    from journey.accounts.models import Role, UnitRole

    return _member("ezra", Role.PRACTITIONER, elm, UnitRole.SOCIAL_WORKER, "Ezra", "Evans", "Social worker")


@pytest.fixture
def unit_oak(olu, sana, pip, kit, lin):
    """Oak's five members, one of each role."""
    return {"olu": olu, "sana": sana, "pip": pip, "kit": kit, "lin": lin}


def _held(first: str, last: str, years: int, worker, sam):
    child = create_child(acting_user=sam, first_name=first, last_name=last, date_of_birth=today() - timedelta(days=years * 366))
    open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today() - timedelta(days=20), acting_user=sam, worker=worker)
    return child


@pytest.fixture
def maya(sana, sam):
    """Maya Moss, 6: a child in need episode in Oak, Sana her lead worker."""
    return _held("Maya", "Moss", 6, sana, sam)


@pytest.fixture
def noah(olu, sam):
    """Noah North, 11: a child in need episode in Oak, held by Olu, the consultant."""
    return _held("Noah", "North", 11, olu, sam)


@pytest.fixture
def ivy(ezra, sam):
    """Ivy Irwin, 4: a child in need episode in Elm, Ezra her lead worker: not Oak's."""
    return _held("Ivy", "Irwin", 4, ezra, sam)
