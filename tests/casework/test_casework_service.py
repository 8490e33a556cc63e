"""The head of service lands on their teams: caseloads per worker, work waiting and its age, transfers waiting."""
from journey.casework.actions import propose_transfer
from tests.casework.managers import referred, tariq  # noqa: F401  (fixtures)


def test_the_head_of_service_sees_each_teams_caseloads_waiting_work_and_transfers(client_for, helen, mo, alice, team_a, team_b, tariq, ruby, referred):
    referred("Nia", team_a, 6)
    propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo)
    response = client_for(helen).get("/casework/service/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Assessment Team A" in page and "Child in Need Team B" in page
    assert "Alice Akers, Social worker" in page and "6 days" in page
    assert "Nia Waiting" not in page  # counts only: the children are on "My children", through the access rules


def test_a_team_manager_sees_their_own_team_only(client_for, mo, team_a, team_b, tariq):
    page = client_for(mo).get("/casework/service/").content.decode()
    assert "Assessment Team A" in page and "Child in Need Team B" not in page


def test_workers_and_partners_are_refused_the_service_page(client_for, alice, charlie, officer):
    for user in (alice, charlie, officer):
        assert client_for(user).get("/casework/service/").status_code == 403


def test_its_queries_do_not_grow_with_the_teams(client_for, helen, council, childrens_service, team_a, team_b, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from journey.accounts.models import Team, TeamKind

    client = client_for(helen)
    client.get("/casework/service/")
    with CaptureQueriesContext(connection) as few:
        client.get("/casework/service/")
    for number in range(5):
        Team.objects.create(name=f"Team {number}", kind=TeamKind.CHILD_IN_NEED, agency=council, parent=childrens_service)
    with CaptureQueriesContext(connection) as many:
        client.get("/casework/service/")
    assert len(many) == len(few)
