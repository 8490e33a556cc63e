"""Who has looked at this record: for team managers and administrators who can open the child themselves."""
from django.template import Context, Template

from journey.audit.log import record, record_read
from journey.audit.models import Action, AuditEvent


def test_a_team_manager_sees_who_has_looked(client_for, mo, alice, ruby):
    record_read(alice, ruby, "journey page")
    page = client_for(mo).get(f"/audit/children/{ruby.pk}/").content.decode()
    assert "Who has looked at this record" in page
    assert "Alice Akers" in page and "journey page" in page and "Assessment Team A" in page and "Practitioner" in page


def test_a_practitioner_may_not_see_who_has_looked(client_for, alice, ruby):
    response = client_for(alice).get(f"/audit/children/{ruby.pk}/")
    assert response.status_code == 403
    assert "You do not have access to this record" in response.content.decode()


def test_a_team_manager_who_cannot_open_the_child_may_not_see_who_has_looked(client_for, council, team_b, ruby):
    from tests.conftest import make_user

    other_manager = make_user("bea", "team_manager", council, team_b, "Bea", "Boyd", "Team manager")
    assert client_for(other_manager).get(f"/audit/children/{ruby.pk}/").status_code == 403


def test_a_partner_may_not_see_who_has_looked(client_for, officer, ruby):
    assert client_for(officer).get(f"/audit/children/{ruby.pk}/").status_code == 403


def test_a_child_that_does_not_exist_answers_no_access(client_for, mo):
    assert client_for(mo).get("/audit/children/999999/").status_code == 403


def test_it_only_answers_get(client_for, mo, ruby):
    assert client_for(mo).post(f"/audit/children/{ruby.pk}/").status_code == 405


def test_looking_at_who_has_looked_is_itself_audited(client_for, mo, ruby):
    client_for(mo).get(f"/audit/children/{ruby.pk}/", REMOTE_ADDR="192.0.2.9")
    event = AuditEvent.objects.filter(action=Action.READ).latest("sequence")
    assert (event.user, event.child, event.what, event.ip_address) == (mo, ruby, "who has looked", "192.0.2.9")


def test_break_glass_shows_with_its_reason(client_for, mo, charlie, ruby):
    record(Action.BREAK_GLASS, user=charlie, child=ruby, reason="Police at the door out of hours")
    page = client_for(mo).get(f"/audit/children/{ruby.pk}/").content.decode()
    assert "Break-glass" in page and "Police at the door out of hours" in page and "Charlie Cole" in page


def test_changes_show_which_fields_changed_newest_first(client_for, mo, ruby):
    page = client_for(mo).get(f"/audit/children/{ruby.pk}/").content.decode()
    assert page.index("Added visit") < page.index("Added child")


def test_it_shows_fifty_events_a_page(client_for, mo, alice, ruby):
    for n in range(60):
        record_read(alice, ruby, f"page {n}")
    client = client_for(mo)
    first = client.get(f"/audit/children/{ruby.pk}/").content.decode()
    assert "page 59" in first and "page 9<" not in first and 'rel="next"' in first
    second = client.get(f"/audit/children/{ruby.pk}/?page=2").content.decode()
    assert "page 9<" in second and "page 59" not in second


def test_the_recent_reads_include_shows_the_last_five_and_links_to_the_page(rf, mo, alice, ruby):
    for n in range(7):
        record_read(alice, ruby, f"look {n}")
    html = Template("{% load audit %}{% recent_reads child %}").render(Context({"child": ruby, "user": mo}))
    assert "look 6" in html and "look 2" in html and "look 1" not in html
    assert f'href="/audit/children/{ruby.pk}/"' in html


def test_the_recent_reads_include_shows_nothing_to_a_practitioner(alice, ruby):
    record_read(alice, ruby, "journey page")
    html = Template("{% load audit %}{% recent_reads child %}").render(Context({"child": ruby, "user": alice}))
    assert html.strip() == ""
