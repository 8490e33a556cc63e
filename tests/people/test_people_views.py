"""The child's journey page and finding a child."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.casework.actions import record_visit
from journey.chronology.actions import record_significant_event
from journey.lib.identifiers import NHS_NUMBER_MISTYPED
from journey.people.actions import create_child


def without_csrf_token(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.django_db
class TestJourneyPage:
    def test_it_shows_who_the_child_is_and_who_is_involved(self, client_for, alice, ruby):
        response = client_for(alice).get(f"/children/{ruby.pk}/")
        page = response.content.decode()
        assert response.status_code == 200
        assert "Ruby Smith" in page
        assert "943 476 5919" in page
        assert "Alice Akers" in page and "Assessment Team A" in page
        assert "Northfield Police" in page

    def test_it_shows_when_the_child_was_last_seen_alone(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
        seen_on = ruby.visits.get().visited_at
        assert f'id="last-seen-alone">{timezone.localtime(seen_on):%-d %b %Y}' in page.replace("\n", "")

    def test_its_chronology_holds_every_agencys_entries_newest_first(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
        visit = page.index("Visit: child seen alone")
        decision = page.index("Decision: Referral to children")
        contact = page.index("Contact from Northfield Police")
        assert visit < decision < contact

    def test_oldest_first_reverses_the_chronology(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/?order=oldest").content.decode()
        assert page.index("Contact from Northfield Police") < page.index("Visit: child seen alone")

    def test_filtering_by_agency_keeps_only_that_agencys_entries(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/", {"agency": "Northfield Police"}).content.decode()
        assert "Contact from Northfield Police" in page
        assert "Visit: child seen alone" not in page

    def test_filtering_by_kind_keeps_only_that_kind(self, client_for, alice, ruby):
        page = client_for(alice).get(f"/children/{ruby.pk}/", {"kind": "visit"}).content.decode()
        assert "Visit: child seen alone" in page
        assert "Contact from Northfield Police" not in page

    def test_an_unknown_filter_value_is_ignored_not_an_error(self, client_for, alice, ruby):
        response = client_for(alice).get(f"/children/{ruby.pk}/", {"kind": "nonsense", "order": "sideways"})
        assert response.status_code == 200

    def test_significant_events_are_marked(self, client_for, alice, ruby):
        record_significant_event(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(days=1), description="Grandmother died.")
        page = client_for(alice).get(f"/children/{ruby.pk}/", {"significant": "on"}).content.decode()
        assert "Grandmother died." in page
        assert "Visit: child seen alone" not in page

    def test_htmx_request_for_the_chronology_returns_only_the_chronology(self, client_for, alice, ruby):
        response = client_for(alice).get(f"/children/{ruby.pk}/", {"kind": "visit"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="chronology")
        page = response.content.decode()
        assert page.lstrip().startswith('<section id="chronology"')
        assert "Who Ruby is" not in page

    def test_every_view_of_the_page_is_logged(self, client_for, alice, ruby):
        client_for(alice).get(f"/children/{ruby.pk}/")
        read = AuditEvent.objects.get(action="read", child=ruby)
        assert (read.user, read.what) == (alice, "journey page")

    def test_a_missing_child_and_a_forbidden_child_answer_alike(self, client_for, charlie, alice, sam):
        hidden = create_child(acting_user=sam, first_name="Hidden", last_name="Person")
        hidden.is_restricted = True
        hidden.save()
        client = client_for(charlie)
        forbidden = client.get(f"/children/{hidden.pk}/")
        missing = client.get("/children/999999/")
        assert forbidden.status_code == missing.status_code == 403
        # The pages differ only in the id the user asked for (the break-glass form posts back to it).
        asked_for = re.compile(r"/access/children/\d+/")
        assert asked_for.sub("", without_csrf_token(forbidden)) == asked_for.sub("", without_csrf_token(missing))
        assert b"Hidden" not in forbidden.content

    def test_a_partner_cannot_open_the_journey_page(self, client_for, officer, ruby):
        assert client_for(officer).get(f"/children/{ruby.pk}/").status_code == 403

    def test_signed_out_users_are_sent_to_sign_in(self, client, ruby):
        response = client.get(f"/children/{ruby.pk}/")
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


@pytest.mark.django_db
class TestFindAChild:
    def test_it_finds_a_child_by_nickname_and_surname(self, client_for, alice, sam):
        create_child(acting_user=sam, first_name="William", last_name="Hart")
        page = client_for(alice).get("/children/find/", {"name": "Bill Hart"}).content.decode()
        assert "William Hart" in page and "known variant" in page

    def test_it_asks_for_something_to_search_with(self, client_for, alice):
        page = client_for(alice).get("/children/find/", {"name": ""}).content.decode()
        assert "There is a problem" in page
        assert "Enter a first name, family name, date of birth, postcode, NHS number or UPN to search" in page

    def test_it_rejects_an_nhs_number_that_fails_its_check_and_keeps_it(self, client_for, alice):
        page = client_for(alice).get("/children/find/", {"nhs_number": "9434765918"}).content.decode()
        assert NHS_NUMBER_MISTYPED in page and "modulus" not in page
        assert 'value="9434765918"' in page

    def test_it_rejects_a_half_typed_date_of_birth(self, client_for, alice):
        page = client_for(alice).get("/children/find/", {"date_of_birth_0": "3", "date_of_birth_2": "2015"}).content.decode()
        assert "Date of birth must include a month" in page

    def test_it_does_not_show_a_restricted_child_to_others(self, client_for, charlie, sam):
        secret = create_child(acting_user=sam, first_name="Secret", last_name="Hartley")
        secret.is_restricted = True
        secret.save()
        page = client_for(charlie).get("/children/find/", {"name": "Secret Hartley"}).content.decode()
        results = page[page.index('<div id="results"'):]
        assert "0 children found" in results and "Secret" not in results

    def test_partners_cannot_search(self, client_for, officer):
        assert client_for(officer).get("/children/find/", {"name": "Ruby"}).status_code == 403

    def test_visit_recorded_shows_in_last_seen(self, client_for, alice, ruby):
        visited_at = timezone.now() - timedelta(hours=2)
        record_visit(ruby, acting_user=alice, visited_at=visited_at, child_seen=True, child_seen_alone=False)
        page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
        assert f'id="last-seen">{timezone.localtime(visited_at):%-d %b %Y}' in page.replace("\n", "")


@pytest.mark.django_db
class TestLongChronology:
    @pytest.fixture
    def busy_ruby(self, ruby, alice):
        for days in range(1, 61):
            record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(days=days), child_seen=True, child_seen_alone=False)
        return ruby

    def test_it_shows_the_newest_fifty_entries_first(self, client_for, alice, busy_ruby):
        page = client_for(alice).get(f"/children/{busy_ruby.pk}/").content.decode()
        assert "65 entries. Showing 50," in page
        assert page.count('class="journey-chronology__entry') == 50
        assert "Contact from Northfield Police" not in page
        assert 'rel="prev"' not in page

    def test_following_the_next_link_reaches_the_oldest_entries(self, client_for, alice, busy_ruby):
        client = client_for(alice)
        first = client.get(f"/children/{busy_ruby.pk}/").content.decode()
        second = client.get(f"/children/{busy_ruby.pk}/" + _link(first, "next")).content.decode()
        assert second.count('class="journey-chronology__entry') == 15
        assert "Contact from Northfield Police" in second
        assert 'rel="next"' not in second
        back = client.get(f"/children/{busy_ruby.pk}/" + _link(second, "prev")).content.decode()
        assert _entries(back) == _entries(first)

    def test_page_links_keep_the_filters(self, client_for, alice, busy_ruby):
        page = client_for(alice).get(f"/children/{busy_ruby.pk}/", {"kind": "visit", "order": "oldest"}).content.decode()
        assert _link(page, "next").startswith("?kind=visit&order=oldest&after=")
        assert "Later entries" in page

    @pytest.mark.parametrize("nonsense", ["abc", "0", "-1", "99999999999999999999", "x" * 5000, "MjAyNHxub3RhIGtleQ"])
    def test_a_nonsense_cursor_shows_the_first_page(self, client_for, alice, busy_ruby, nonsense):
        client = client_for(alice)
        response = client.get(f"/children/{busy_ruby.pk}/", {"after": nonsense, "before": nonsense})
        assert response.status_code == 200
        assert _entries(response.content.decode()) == _entries(client.get(f"/children/{busy_ruby.pk}/").content.decode())


def _link(page: str, rel: str) -> str:
    import html
    import re

    return html.unescape(re.search(rf'href="([^"]*)#chronology" rel="{rel}"', page).group(1))


def _entries(page: str) -> list[str]:
    import re

    return re.findall(r'<time datetime="([^"]+)"', page)


@pytest.mark.django_db
class TestWhoHasLooked:
    def test_the_childs_manager_sees_who_has_looked_on_the_journey_page(self, client_for, alice, mo, ruby):
        client_for(alice).get(f"/children/{ruby.pk}/")
        page = client_for(mo).get(f"/children/{ruby.pk}/").content.decode()
        assert "Who has looked recently" in page and "Alice Akers" in page

    def test_a_practitioner_does_not_see_who_has_looked(self, client_for, alice, ruby):
        assert "Who has looked recently" not in client_for(alice).get(f"/children/{ruby.pk}/").content.decode()


@pytest.mark.django_db
def test_every_search_for_a_child_is_in_the_audit_log(client_for, charlie):
    from journey.audit.models import Action, AuditEvent

    client_for(charlie).get("/children/find/", {"name": "Ruby Smith", "postcode": "NF1 2AB"})
    event = AuditEvent.objects.get(action=Action.READ, user=charlie)
    assert event.what == "find a child: Ruby Smith, postcode NF1 2AB; 0 found"
