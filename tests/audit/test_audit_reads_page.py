"""Who has looked at this record: for team managers and administrators who can open the child themselves."""
import re

from django.template import Context, Template

from journey.audit.log import record, record_read
from journey.audit.models import Action, AuditEvent

# Signing in, the access checks, the child's fetch and its logged read, the page of events, its neighbours and count.
MAX_QUERIES = 20


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
    assert "page 59" in first and "page 9<" not in first and 'rel="next"' in first and 'rel="prev"' not in first
    older = re.search(r'href="\?older=(\d+)" rel="next"', first)
    second = client.get(f"/audit/children/{ruby.pk}/?older={older.group(1)}").content.decode()
    assert "page 9<" in second and "page 59" not in second and 'rel="prev"' in second


def _whats_on_each_page(client, url: str) -> list[list[str]]:
    """Follow the 'Older' links from the newest page to the oldest, collecting each page's descriptions."""
    pages = []
    while url:
        page = client.get(url).content.decode()
        pages.append(re.findall(r"(look \d+)<", page))
        older = re.search(r'href="(\?older=\d+)" rel="next"', page)
        url = f"{url.split('?')[0]}{older.group(1)}" if older else ""
    return pages


def test_its_pages_have_no_gaps_or_repeats_while_looks_are_added(client_for, mo, alice, ruby):
    for n in range(120):
        record_read(alice, ruby, f"look {n}")
    pages = _whats_on_each_page(client_for(mo), f"/audit/children/{ruby.pk}/")  # each request adds its own event
    shown = [what for page in pages for what in page]
    assert shown == [f"look {n}" for n in reversed(range(120))]
    assert len(pages) == 3


def test_the_newer_link_leads_back_to_the_page_before(client_for, mo, alice, ruby):
    for n in range(60):
        record_read(alice, ruby, f"look {n}")
    client = client_for(mo)
    older = re.search(r'href="\?older=(\d+)" rel="next"', client.get(f"/audit/children/{ruby.pk}/").content.decode()).group(1)
    second = client.get(f"/audit/children/{ruby.pk}/?older={older}").content.decode()
    newer = re.search(r'href="\?newer=(\d+)" rel="prev"', second).group(1)
    back = client.get(f"/audit/children/{ruby.pk}/?newer={newer}").content.decode()
    assert "look 59<" in back and "look 9<" not in back


def test_a_nonsense_page_key_shows_the_newest_page(client_for, mo, ruby):
    for nonsense in ("abc", "-1", "99999999999999999999999", ""):
        response = client_for(mo).get(f"/audit/children/{ruby.pk}/?older={nonsense}")
        assert response.status_code == 200
        assert "Added child" in response.content.decode()


def test_its_queries_do_not_grow_with_the_trail(client_for, mo, alice, ruby, django_assert_max_num_queries):
    for n in range(120):
        record_read(alice, ruby, f"look {n}")
    client = client_for(mo)
    url = f"/audit/children/{ruby.pk}/?older={AuditEvent.objects.order_by('-sequence')[60].sequence}"
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url)


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
