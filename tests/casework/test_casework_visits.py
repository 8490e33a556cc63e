"""Recording a visit on one page, and reading it back."""
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from journey.casework.models import Visit
from journey.lib.dates import today
from journey.people.actions import create_child


@pytest.fixture
def visit_form(date_fields):
    """A complete visit yesterday afternoon, with the child seen alone; override any field."""

    def form(**overrides) -> dict[str, str]:
        data = {
            **date_fields("visited_at", today() - timedelta(days=1)), "visited_time": "15:30", "place": "Home",
            "who_was_present": "Ruby and her mum", "child_seen": "yes", "child_seen_alone": "yes",
            "childs_words": "I want my dog to come to the meeting.", "observations": "Ruby showed me her bedroom.",
            "next_steps": "Visit again in two weeks.",
        }
        data.update(overrides)
        return data

    return form


def test_it_records_a_visit_and_returns_to_the_child(client_for, alice, ruby, visit_form):
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", visit_form())
    assert response.status_code == 302
    assert response["Location"] == f"/children/{ruby.pk}/"
    visit = ruby.visits.order_by("-recorded_at").first()
    assert visit.childs_words == "I want my dog to come to the meeting."
    assert visit.child_seen and visit.child_seen_alone
    assert visit.recorded_by == alice
    assert visit.visited_at.date() == today() - timedelta(days=1)


def test_it_shows_the_one_page_form(client_for, alice, ruby):
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/visits/new/").content.decode()
    for label in ["Date of visit", "Was the child seen?", "Was the child seen alone?", "What did the child say?", "What happens next?"]:
        assert label in page


def test_it_rejects_seen_alone_when_not_seen_and_names_the_field(client_for, alice, ruby, visit_form):
    response = client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", visit_form(child_seen="no"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "A child cannot be seen alone if they were not seen" in page
    assert 'id="id_child_seen_alone-error"' in page
    assert 'href="#id_child_seen_alone_0"' in page
    assert ruby.visits.count() == 1


def test_it_rejects_a_visit_in_the_future(client_for, alice, ruby, visit_form, date_fields):
    data = visit_form(**date_fields("visited_at", today() + timedelta(days=2)))
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", data).content.decode()
    assert "Date of visit must be today or in the past" in page
    assert ruby.visits.count() == 1


def test_it_keeps_everything_typed_when_there_is_an_error(client_for, alice, ruby, visit_form):
    data = visit_form(child_seen="", visited_at_1="")
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", data).content.decode()
    assert "Select yes if the child was seen" in page
    assert "Date of visit must include a month" in page
    assert "I want my dog to come to the meeting.</textarea>" in page
    assert "Ruby showed me her bedroom.</textarea>" in page
    assert 'value="15:30"' in page and 'value="Home"' in page


def test_it_rejects_a_time_later_today(client_for, alice, ruby, visit_form, date_fields, monkeypatch):
    nine_am = timezone.make_aware(datetime.combine(today(), time(9, 0)))
    monkeypatch.setattr(timezone, "now", lambda: nine_am)
    data = visit_form(**date_fields("visited_at", today()), visited_time="10:00")
    page = client_for(alice).post(f"/casework/children/{ruby.pk}/visits/new/", data).content.decode()
    assert "Time of visit must be in the past" in page
    assert ruby.visits.count() == 1


def test_a_partner_cannot_record_a_visit(client_for, officer, ruby, visit_form):
    response = client_for(officer).post(f"/casework/children/{ruby.pk}/visits/new/", visit_form())
    assert response.status_code == 403
    assert ruby.visits.count() == 1


def test_a_colleague_in_the_allocated_team_can_record_a_visit(client_for, bea, ruby, visit_form):
    response = client_for(bea).post(f"/casework/children/{ruby.pk}/visits/new/", visit_form())
    assert response.status_code == 302
    assert ruby.visits.count() == 2


def test_a_worker_in_another_team_cannot_record_a_visit(client_for, charlie, ruby, visit_form):
    response = client_for(charlie).post(f"/casework/children/{ruby.pk}/visits/new/", visit_form())
    assert response.status_code == 403
    assert ruby.visits.count() == 1


def test_a_restricted_child_answers_like_a_missing_one(client_for, charlie, sam):
    hidden = create_child(acting_user=sam, first_name="Hana", last_name="Hidden", date_of_birth=date(2016, 5, 1))
    hidden.is_restricted = True
    hidden.save()
    restricted = client_for(charlie).get(f"/casework/children/{hidden.pk}/visits/new/")
    missing = client_for(charlie).get("/casework/children/999999/visits/new/")
    assert restricted.status_code == missing.status_code == 403
    assert "You do not have access to this record" in restricted.content.decode()
    assert "You do not have access to this record" in missing.content.decode()
    assert "Hana" not in restricted.content.decode()


def test_it_shows_a_recorded_visit(client_for, alice, ruby):
    visit = ruby.visits.get()
    response = client_for(alice).get(f"/casework/children/{ruby.pk}/visits/{visit.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "I like my teacher." in page and "govuk-summary-list" in page


def test_it_will_not_show_a_visit_through_another_childs_record(client_for, alice, sam, ruby):
    other = create_child(acting_user=sam, first_name="Oscar", last_name="Other", date_of_birth=date(2014, 2, 2))
    visit = ruby.visits.get()
    assert client_for(alice).get(f"/casework/children/{other.pk}/visits/{visit.pk}/").status_code == 403
    assert Visit.objects.count() == 1
