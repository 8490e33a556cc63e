"""Adding a significant event and flagging an entry as significant."""
from datetime import date, timedelta

import pytest

from journey.chronology.build import chronology_for
from journey.chronology.models import SignificanceFlag, SignificantEvent
from journey.lib.dates import today


def event_form(day: date, **overrides) -> dict[str, str]:
    data = {"occurred_at_0": str(day.day), "occurred_at_1": str(day.month), "occurred_at_2": str(day.year),
            "occurred_time": "", "description": "Ruby's grandad, who she was close to, died."}
    data.update(overrides)
    return data


def visit_key(child) -> str:
    return next(e.key for e in chronology_for(child) if e.kind == "visit")


def test_it_adds_a_significant_event_to_the_chronology(client_for, alice, ruby):
    response = client_for(alice).post(f"/chronology/children/{ruby.pk}/events/new/", event_form(today() - timedelta(days=3)))
    assert response.status_code == 302
    assert response["Location"] == f"/children/{ruby.pk}/"
    entry = next(e for e in chronology_for(ruby) if e.kind == "significant_event")
    assert entry.significant and entry.summary == "Ruby's grandad, who she was close to, died."


def test_an_event_today_without_a_time_is_accepted(client_for, alice, ruby):
    assert client_for(alice).post(f"/chronology/children/{ruby.pk}/events/new/", event_form(today())).status_code == 302


def test_it_rejects_an_event_without_a_description_or_in_the_future(client_for, alice, ruby):
    data = event_form(today() + timedelta(days=1), description="")
    page = client_for(alice).post(f"/chronology/children/{ruby.pk}/events/new/", data).content.decode()
    assert "Enter what happened" in page
    data = event_form(today() + timedelta(days=1))
    page = client_for(alice).post(f"/chronology/children/{ruby.pk}/events/new/", data).content.decode()
    assert "Date of event must be today or in the past" in page and "grandad" in page
    assert not SignificantEvent.objects.exists()


def test_it_shows_the_entry_being_flagged(client_for, alice, ruby):
    response = client_for(alice).get(f"/chronology/children/{ruby.pk}/flag/", {"entry": visit_key(ruby)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Visit: child seen alone" in page and "<textarea" in page


def test_flagging_marks_an_entry_significant(client_for, alice, ruby):
    key = visit_key(ruby)
    response = client_for(alice).post(f"/chronology/children/{ruby.pk}/flag/?entry={key}", {"entry": key, "reason": "She named her worries."})
    assert response.status_code == 302
    assert next(e for e in chronology_for(ruby) if e.key == key).significant
    assert SignificanceFlag.objects.get().flagged_by == alice


def test_flagging_needs_a_reason(client_for, alice, ruby):
    key = visit_key(ruby)
    page = client_for(alice).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": key, "reason": ""}).content.decode()
    assert "Enter why this entry is significant" in page
    assert not SignificanceFlag.objects.exists()


def test_flagging_an_unknown_entry_is_rejected(client_for, alice, ruby):
    page = client_for(alice).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": "visit:999999", "reason": "Why not"}).content.decode()
    assert "That entry is not on this child&#x27;s chronology" in page
    assert not SignificanceFlag.objects.exists()
    assert client_for(alice).get(f"/chronology/children/{ruby.pk}/flag/", {"entry": "nonsense"}).status_code == 404


def test_a_practitioner_in_the_allocated_team_may_flag_an_entry(client_for, bea, ruby):
    key = visit_key(ruby)
    response = client_for(bea).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": key, "reason": "Pattern with school."})
    assert response.status_code == 302


def test_a_practitioner_in_another_team_may_not_flag_an_entry(client_for, charlie, ruby):
    key = visit_key(ruby)
    response = client_for(charlie).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": key, "reason": "Pattern with school."})
    assert response.status_code == 403
    assert not SignificanceFlag.objects.exists()


def test_a_partner_cannot_add_to_the_chronology(client_for, officer, ruby):
    key = visit_key(ruby)
    assert client_for(officer).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": key, "reason": "x"}).status_code == 403
    assert client_for(officer).post(f"/chronology/children/{ruby.pk}/events/new/", event_form(today())).status_code == 403
    assert not SignificanceFlag.objects.exists() and not SignificantEvent.objects.exists()


@pytest.mark.parametrize("key", ["\x00", "visit:1\x00", "visit:" + "9" * 100, "x" * 61])
def test_an_entry_key_no_entry_could_have_is_not_found_never_an_error(client_for, alice, ruby, key):
    """A NUL character or an overlong key in the address is refused before any query (PostgreSQL answered 500)."""
    response = client_for(alice).get(f"/chronology/children/{ruby.pk}/flag/", {"entry": key})

    assert response.status_code == 404


def test_flagging_with_a_key_no_entry_could_have_records_nothing(client_for, alice, ruby):
    response = client_for(alice).post(f"/chronology/children/{ruby.pk}/flag/", {"entry": "\x00", "reason": "Matters"})

    assert response.status_code == 200
    assert not SignificanceFlag.objects.exists()
