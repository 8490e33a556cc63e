"""Retention review dates are worked out from the record under each rule; the report lists the records due."""
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from journey.casework.actions import close_episode, open_episode
from journey.dataprotection.periods import add_years
from journey.dataprotection.retention import due_for_review, records_per_rule, review_for
from journey.dataprotection.retention_rules import ADOPTION, CASE_RECORD, CONTACT_NO_FURTHER_ACTION, LOOKED_AFTER, RULES
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.people.models import Child


@pytest.fixture
def child_born(sam):
    def make(name: str, born: date) -> Child:
        return create_child(acting_user=sam, first_name=name, last_name="Test", date_of_birth=born)
    return make


@pytest.fixture
def closed_episode(sam, mo):
    """An episode Team A held, closed by its manager (closing needs the child's manager line)."""
    def make(child: Child, kind: str, started: date, ended: date, reason: str = "needs_met"):
        episode = open_episode(child, kind, started_on=started, acting_user=sam, team=mo.team)
        return close_episode(episode, ended_on=ended, reason=reason, acting_user=mo)
    return make


@pytest.fixture
def nfa_contact(police, sam):
    def make(child: Child, decided_on: date):
        at = timezone.make_aware(datetime.combine(decided_on, datetime.min.time().replace(hour=10)))
        contact = record_contact(acting_user=sam, agency=police, concern="Noise heard", children=[NamedChild(child.person.first_name, "Test")], received_at=at)
        link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
        screen_contact(contact, acting_user=sam, outcome="nfa", rationale="No concerns found", decided_at=at)
    return make


def years_ago(years: int, days: int = 0) -> date:
    return add_years(today(), -years) - timedelta(days=days)


def test_every_rule_names_its_source_and_year():
    for rule in RULES:
        assert rule.source and 2000 < rule.source_year <= today().year


def test_a_24_year_old_with_a_closed_child_in_need_episode_is_due_at_25(child_born, closed_episode):
    born = years_ago(24, days=30)
    child = child_born("Amy", born)
    closed_episode(child, "child_in_need", add_years(born, 14), add_years(born, 15))
    review = review_for(child)
    assert review.rule is CASE_RECORD
    assert review.review_on == add_years(born, 25)
    assert review.explanation == "25th birthday"


def test_a_child_who_was_17_when_the_episode_closed_is_due_at_26(child_born, closed_episode):
    born = years_ago(20)
    child = child_born("Bo", born)
    closed_episode(child, "child_in_need", add_years(born, 16), add_years(born, 17) + timedelta(days=100))
    review = review_for(child)
    assert review.review_on == add_years(born, 26)
    assert "17 when the last episode closed" in review.explanation


def test_a_looked_after_childs_record_is_kept_75_years_from_birth(child_born, closed_episode):
    born = years_ago(19)
    child = child_born("Cy", born)
    closed_episode(child, "looked_after", add_years(born, 10), add_years(born, 18), reason="aged_out")
    review = review_for(child)
    assert (review.rule, review.review_on) == (LOOKED_AFTER, add_years(born, 75))


def test_an_adoption_record_is_kept_100_years_from_the_order(child_born, closed_episode):
    born = years_ago(6)
    child = child_born("Di", born)
    adopted_on = add_years(born, 3)
    closed_episode(child, "looked_after", add_years(born, 1), adopted_on, reason="adopted")
    review = review_for(child)
    assert (review.rule, review.review_on) == (ADOPTION, add_years(adopted_on, 100))


def test_a_contact_with_no_further_action_is_kept_6_years_from_the_decision(child_born, nfa_contact):
    child = child_born("Ed", years_ago(10))
    decided = years_ago(2)
    nfa_contact(child, decided)
    review = review_for(child)
    assert (review.rule, review.review_on) == (CONTACT_NO_FURTHER_ACTION, add_years(decided, 6))


def test_a_record_in_use_has_no_review_date(ruby):
    review = review_for(ruby)
    assert review.rule is CASE_RECORD and review.review_on is None
    assert "in use" in review.explanation


def test_the_report_lists_records_due_and_leaves_out_the_rest(nfa_contact, child_born, closed_episode, ruby):
    overdue = child_born("Fay", years_ago(26))
    closed_episode(overdue, "early_help", years_ago(20), years_ago(19))
    old_contact = child_born("Gus", years_ago(12))
    nfa_contact(old_contact, years_ago(7))
    recent_contact = child_born("Hal", years_ago(12))
    nfa_contact(recent_contact, years_ago(1))
    soon = child_born("Ivy", years_ago(25, days=-20))  # 25 in twenty days' time
    closed_episode(soon, "child_in_need", years_ago(10), years_ago(9))

    due_now = {r.child_id: r.review.rule for r in due_for_review(Child.objects.all(), cutoff=today())}
    assert due_now == {overdue.pk: CASE_RECORD, old_contact.pk: CONTACT_NO_FURTHER_ACTION}
    within_30 = {r.child_id for r in due_for_review(Child.objects.all(), cutoff=today() + timedelta(days=30))}
    assert within_30 == {overdue.pk, old_contact.pk, soon.pk}
    only_contacts = {r.child_id for r in due_for_review(Child.objects.all(), cutoff=today(), rule_code="contact_nfa")}
    assert only_contacts == {old_contact.pk}


def test_the_report_agrees_with_each_childs_own_review_date(child_born, closed_episode, nfa_contact):
    child = child_born("Jay", years_ago(30))
    closed_episode(child, "child_protection", years_ago(14), years_ago(13))
    [record] = due_for_review(Child.objects.all(), cutoff=today())
    assert record.review == review_for(child)


def test_it_counts_records_per_rule(nfa_contact, child_born, closed_episode, ruby):
    nfa_contact(child_born("Kit", years_ago(5)), years_ago(1))
    closed_episode(child_born("Lou", years_ago(9)), "looked_after", years_ago(5), years_ago(4))
    counts = {c.rule.code: (c.records, c.active) for c in records_per_rule(Child.objects.all())}
    assert counts == {"adoption": (0, 0), "looked_after": (1, 0), "case_record": (1, 1), "contact_nfa": (1, 0)}


def test_the_report_page_shows_due_records_and_counts(client_for, dee, child_born, closed_episode):
    child = child_born("May", years_ago(27))
    closed_episode(child, "child_in_need", years_ago(12), years_ago(11))
    response = client_for(dee).get("/data-protection/retention/", {"within_days": "30", "rule": ""})
    assert response.status_code == 200
    assert "May Test" in response.text and "25th birthday" in response.text
    assert "1 record due for review" in response.text
    assert "LGA/IRMS Retention Guidelines" in response.text


def test_the_report_page_explains_bad_filters(client_for, dee):
    response = client_for(dee).get("/data-protection/retention/", {"within_days": "soon", "rule": "everything"})
    assert response.status_code == 200
    assert "Days must be a whole number, like 30" in response.text
    assert "Select a kind of record from the list" in response.text
    assert "Days must be 3650 or fewer" in client_for(dee).get("/data-protection/retention/", {"within_days": "99999"}).text
