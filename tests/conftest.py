"""Named personas shared by every test. Each comment says who they are and what they should see.

Build on these rather than making anonymous users, so that a test reads like the rule it checks.
"""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import Agency, AgencyKind, Role, Team, TeamKind, User

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def test_set_up_actor():
    """Rows a test makes directly (``objects.create``) are logged as "system: test set-up", since every captured
    write must say who made it. Actions still log their own acting_user, and requests the signed-in user."""
    from journey.audit.context import acting_as_system

    with acting_as_system("test set-up"):
        yield


def restore_migration_data() -> None:
    """Put back what the migrations load, where a flush emptied it: the code lists, and the audit framework a
    service starts with."""
    import importlib

    from django.apps import apps

    from journey.audit.context import acting_as_system
    from journey.codelists.loading import sync
    from journey.codelists.lookup import clear_cache
    from journey.codelists.models import Code, CodeList
    from journey.learning.models import AuditFramework

    if not CodeList.objects.exists():
        sync(CodeList, Code)
        clear_cache()
    if not AuditFramework.objects.exists():
        with acting_as_system("migration data restored after a flush"):
            importlib.import_module("journey.learning.migrations.0001_audits").seed_framework(apps, None)


@pytest.fixture(autouse=True)
def migration_data_after_a_flush(request):
    """A transactional test ends by emptying every table, what the migrations loaded among them; the next one puts
    it back, so that its forms do not depend on what an earlier test happened to leave in a cache."""
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (marker and marker.kwargs.get("transaction"))
    if transactional:
        request.getfixturevalue("transactional_db")
        restore_migration_data()


@pytest.fixture
def council(db) -> Agency:
    """Northfield's own children's services: every local authority user works here."""
    return Agency.objects.create(name="Northfield Children's Services", kind=AgencyKind.CHILDRENS_SOCIAL_CARE, is_local_authority=True)


@pytest.fixture
def police(db) -> Agency:
    return Agency.objects.create(name="Northfield Police", kind=AgencyKind.POLICE)


@pytest.fixture
def school(db) -> Agency:
    return Agency.objects.create(name="Oakfield Primary School", kind=AgencyKind.SCHOOL)


@pytest.fixture
def front_door_team(council) -> Team:
    return Team.objects.create(name="Front Door (MASH)", kind=TeamKind.FRONT_DOOR, agency=council)


@pytest.fixture
def team_a(council) -> Team:
    return Team.objects.create(name="Assessment Team A", kind=TeamKind.ASSESSMENT, agency=council)


@pytest.fixture
def team_b(council) -> Team:
    return Team.objects.create(name="Child in Need Team B", kind=TeamKind.CHILD_IN_NEED, agency=council)


def make_user(username: str, role: str, agency: Agency, team: Team | None = None, first="", last="", title="") -> User:
    return User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.invalid", role=role, agency=agency,
        team=team, first_name=first, last_name=last, job_title=title,
    )


@pytest.fixture
def alice(council, team_a) -> User:
    """Alice Akers: social worker in Team A; the allocated worker for Ruby (see ``ruby``)."""
    return make_user("alice", Role.PRACTITIONER, council, team_a, "Alice", "Akers", "Social worker")


@pytest.fixture
def mo(council, team_a) -> User:
    """Mo Malik: Team A's manager, Alice's supervisor."""
    user = make_user("mo", Role.TEAM_MANAGER, council, team_a, "Mo", "Malik", "Team manager")
    team_a.manager = user
    team_a.save()
    return user


@pytest.fixture
def sam(council, front_door_team) -> User:
    """Sam Shah: front door screener who finds, links and decides contacts."""
    return make_user("sam", Role.SCREENER, council, front_door_team, "Sam", "Shah", "Senior practitioner, front door")


@pytest.fixture
def charlie(council, team_b) -> User:
    """Charlie Cole: social worker in Team B, not involved with Ruby."""
    return make_user("charlie", Role.PRACTITIONER, council, team_b, "Charlie", "Cole", "Social worker")


@pytest.fixture
def officer(police) -> User:
    """PC Priya Patel: police partner user who may raise contacts and see only children her force raised."""
    return make_user("priya", Role.PARTNER, police, None, "Priya", "Patel", "Police constable")


@pytest.fixture
def teacher(school) -> User:
    """Tess Turner: designated safeguarding lead at Oakfield Primary, a partner user."""
    return make_user("tess", Role.PARTNER, school, None, "Tess", "Turner", "Designated safeguarding lead")


@pytest.fixture
def bea(council, team_a) -> User:
    """Bea Brown: social worker in Team A, not allocated to Ruby; sees Ruby because her team holds Ruby."""
    return make_user("bea", Role.PRACTITIONER, council, team_a, "Bea", "Brown", "Social worker")


@pytest.fixture
def childrens_service(council, team_a, team_b) -> Team:
    """Children's Social Work Service: the service area above Teams A and B."""
    service = Team.objects.create(name="Children's Social Work Service", kind=TeamKind.SERVICE, agency=council)
    Team.objects.filter(pk__in=[team_a.pk, team_b.pk]).update(parent=service)
    team_a.refresh_from_db()
    team_b.refresh_from_db()
    return service


@pytest.fixture
def helen(council, childrens_service) -> User:
    """Helen Hughes: head of service, manager of the service area above Teams A and B; sees their children."""
    user = make_user("helen", Role.HEAD_OF_SERVICE, council, childrens_service, "Helen", "Hughes", "Head of service")
    childrens_service.manager = user
    childrens_service.save()
    return user


@pytest.fixture
def carol(council) -> User:
    """Carol Clarke: the Caldicott guardian, who receives the daily break-glass report and sees no record by role."""
    return make_user("carol", Role.CALDICOTT_GUARDIAN, council, None, "Carol", "Clarke", "Caldicott guardian")


@pytest.fixture
def admin_user(council) -> User:
    """Ada Admin: system administrator."""
    return make_user("ada", Role.ADMINISTRATOR, council, None, "Ada", "Admin", "Systems administrator")


VALID_NHS = "9434765919"
VALID_UPN = "A123456789012"  # check letter computed by journey.lib.identifiers (asserted in tests/lib)


@pytest.fixture
def ruby(alice, sam, mo):
    """Ruby Smith, 8: has history (a police contact last year, screened to referral, a child in need episode
    allocated to Alice in Team A by Mo, its manager, a visit)."""
    from journey.casework.actions import allocate, record_visit
    from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
    from journey.people.actions import create_child

    child = create_child(
        acting_user=sam, first_name="Ruby", last_name="Smith", date_of_birth=date.today().replace(year=date.today().year - 8) - timedelta(days=40),
        sex="F", nhs_number=VALID_NHS, address_line_1="12 Elm Road", town="Northfield", postcode="NF1 2AB",
    )
    police = Agency.objects.get_or_create(name="Northfield Police", defaults={"kind": AgencyKind.POLICE})[0]
    contact = record_contact(
        acting_user=sam, agency=police, concern="Police called to a domestic incident; Ruby was in the house.",
        children=[NamedChild("Ruby", "Smith", child.date_of_birth)], received_at=timezone.now() - timedelta(days=300),
        referrer_name="DC Green", referrer_role="Public protection unit",
    )
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="referral", rationale="Repeat incidents; needs assessment.", team=alice.team,
                   decided_at=timezone.now() - timedelta(days=299))
    episode = child.episodes.get()
    allocate(episode, worker=alice, team=alice.team, started_on=episode.started_on, acting_user=mo)
    record_visit(child, acting_user=alice, visited_at=timezone.now() - timedelta(days=290), child_seen=True,
                 child_seen_alone=True, childs_words="I like my teacher.", observations="Warm home.", next_steps="Visit again.")
    return child


@pytest.fixture
def client_for(client):
    """Sign a persona in: ``client_for(alice)`` returns the test client, signed in as Alice."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def chris(council) -> User:
    """Chris Chen: child protection chair, independent of the case's line management; sees a child only while
    chairing the child's conferences."""
    return make_user("chris", Role.CP_CHAIR, council, None, "Chris", "Chen", "Child protection chair")
