"""The team's queue: work received and not yet allocated, oldest first with how long it has waited, on the
manager's landing page; read-only for the team's members; nothing of it for other teams or partners."""
from datetime import timedelta

from journey.accounts.views import start_page
from journey.audit.models import Action, AuditEvent
from journey.casework.actions import allocate, propose_transfer
from journey.lib.dates import today
from tests.casework.managers import referred, tariq  # noqa: F401  (fixtures)


def test_the_manager_lands_on_the_team_queue_and_the_head_of_service_on_the_service(mo, helen, alice):
    assert (start_page(mo), start_page(helen), start_page(alice)) == ("casework:team", "casework:service", "casework:my-children")


def test_work_referred_to_the_team_waits_in_its_queue_oldest_first_with_days_waited(client_for, mo, team_a, referred):
    newer, older = referred("Nia", team_a, 2), referred("Omar", team_a, 9)
    page = client_for(mo).get("/casework/team/").content.decode()
    assert page.index("Omar Waiting") < page.index("Nia Waiting")
    assert "9 days" in page and "2 days" in page
    assert f"/casework/children/{older.pk}/episodes/{older.episodes.get().pk}/allocate/" in page
    assert newer.pk


def test_allocated_work_leaves_the_queue(client_for, mo, alice, team_a, referred):
    child = referred("Nia", team_a, 2)
    allocate(child.episodes.get(), worker=alice, team=team_a, started_on=today(), acting_user=mo)
    assert "Nia Waiting" not in client_for(mo).get("/casework/team/").content.decode()


def test_the_head_of_service_sees_the_queue_of_every_team_in_the_service(client_for, helen, team_a, team_b, referred):
    referred("Nia", team_a, 2)
    referred("Ben", team_b, 3)
    page = client_for(helen).get("/casework/team/").content.decode()
    assert "Nia Waiting" in page and "Ben Waiting" in page


def test_another_teams_manager_sees_nothing_of_team_as_queue(client_for, tariq, team_a, referred):
    referred("Nia", team_a, 2)
    assert "Nia Waiting" not in client_for(tariq).get("/casework/team/").content.decode()


def test_a_team_member_reads_the_queue_without_allocating(client_for, bea, team_a, referred):
    child = referred("Nia", team_a, 2)
    page = client_for(bea).get("/casework/team/").content.decode()
    assert "Nia Waiting" in page and "/allocate/" not in page
    assert client_for(bea).get(f"/casework/children/{child.pk}/episodes/{child.episodes.get().pk}/allocate/").status_code == 403


def test_a_worker_of_another_team_sees_nothing_of_it(client_for, charlie, team_a, referred):
    referred("Nia", team_a, 2)
    assert "Nia Waiting" not in client_for(charlie).get("/casework/team/").content.decode()


def test_partners_are_refused_the_queue(client_for, officer, teacher):
    assert client_for(officer).get("/casework/team/").status_code == 403
    assert client_for(teacher).get("/casework/team/").status_code == 403


def test_a_transfer_waiting_for_the_team_is_in_its_queue(client_for, mo, helen, tariq, team_b, ruby):
    propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo)
    page = client_for(tariq).get("/casework/team/").content.decode()
    assert "Ruby Smith" in page and "Accept or return" in page


def test_the_queue_is_one_audited_list_read_naming_the_children_shown(client_for, mo, team_a, referred):
    nia = referred("Nia", team_a, 2)
    client_for(mo).get("/casework/team/")
    event = AuditEvent.objects.filter(action=Action.READ, user=mo, what="the team's queue").latest("sequence")
    assert event.after == {"children": [nia.pk]}


def test_the_queue_comes_in_pages_from_a_fixed_number_of_queries(client_for, mo, team_a, referred, django_assert_max_num_queries):
    for number in range(3):
        referred(f"Kid{number}", team_a, number + 1)
    client = client_for(mo)
    client.get("/casework/team/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/casework/team/")
    for number in range(3, 30):
        referred(f"Kid{number}", team_a, number + 1)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/casework/team/").content.decode()
    assert len(many) == len(few)
    assert "?page=2" in page
    second = client.get("/casework/team/?page=2").content.decode()
    assert "Kid0 Waiting" in second and "Kid29 Waiting" not in second
    assert client.get("/casework/team/?page=nonsense").status_code == 200


def test_waiting_counts_from_the_day_a_transfer_was_accepted(client_for, mo, helen, tariq, team_b, ruby):
    from journey.casework.actions import accept_transfer

    transfer = propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo)
    accept_transfer(transfer, acting_user=tariq)
    page = client_for(tariq).get("/casework/team/").content.decode()
    assert "Ruby Smith" in page and "Today" in page
    assert (today() - ruby.episodes.get().started_on) > timedelta(days=100)


def test_a_transfer_accepted_just_after_midnight_in_summer_counts_from_that_local_day(client_for, mo, tariq, team_b, ruby):
    """00:30 in London in July is 23:30 the day before in UTC: the team received it on the London day."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from journey.casework.actions import accept_transfer

    transfer = propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo)
    accept_transfer(transfer, acting_user=tariq)
    day = today().replace(month=7, day=15) if today().month > 7 else today().replace(year=today().year - 1, month=7, day=15)
    transfer.decided_at = datetime(day.year, 7, 15, 0, 30, tzinfo=ZoneInfo("Europe/London"))
    transfer.save()
    for allocation in ruby.episodes.get().allocations.all():
        allocation.ended_on = day - timedelta(days=1)  # handed on the evening before
        allocation.save()

    page = client_for(tariq).get("/casework/team/").content.decode()

    assert f"15 Jul {day.year}" in page
    assert f"{(today() - day).days} days" in page
