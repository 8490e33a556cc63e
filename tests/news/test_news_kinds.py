"""Each kind of news reaches the worker who holds the child (and, for news from outside the team, the team's
manager), and nobody else; what the worker did themselves is never news to them."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.casework.actions import allocate, change_by_when, record_visit, start_assessment, write_case_note
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.lib.dates import today
from journey.news import feed
from journey.news.models import NewsKind
from tests.news.conftest import kinds_of, news_of

pytestmark = pytest.mark.django_db


def school_says(teacher, school, sam, child, *, received_at=None):
    contact = record_contact(acting_user=teacher, agency=school, concern="Ruby was upset all morning and would not say why.",
                             children=[NamedChild("Ruby", "Smith", child.date_of_birth)], received_at=received_at or timezone.now())
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
    return contact


def test_the_allocated_worker_hears_that_a_child_was_allocated_to_her_and_by_whom(alice, ruby):
    [item] = [item for item in feed.page(alice).items if item.kind == NewsKind.ALLOCATED]
    assert (item.child, item.title) == (ruby, "Allocated to you: Child in need")
    assert (item.by, item.agency) == ("Mo Malik", "Northfield Children's Services")


def test_who_allocated_and_when_are_read_from_the_allocation_itself(alice, mo, ruby):
    """As for a generated allocation, whose only audit event names the generator, not the manager."""
    from journey.casework.actions import open_episode
    from journey.casework.codes import EpisodeKind
    from journey.casework.models import Allocation

    episode = open_episode(ruby, EpisodeKind.EARLY_HELP, started_on=today(), acting_user=mo)
    made = Allocation.objects.create(episode=episode, worker=alice, team=alice.team, started_on=today(), allocated_by=mo,
                                     allocated_at=timezone.now() - timedelta(minutes=5))

    [item] = [item for item in feed.page(alice).items if item.kind == NewsKind.ALLOCATED and item.title.endswith("Early help")]
    assert (item.by, item.at) == ("Mo Malik", made.allocated_at)


def test_a_new_contact_reaches_the_worker_and_the_teams_manager_only(alice, bea, mo, helen, charlie, teacher, school, sam, ruby):
    school_says(teacher, school, sam, ruby)

    assert ("contact", "Ruby Smith", "New contact from Oakfield Primary School") in news_of(alice)
    assert ("contact", "Ruby Smith", "New contact from Oakfield Primary School") in news_of(mo)
    for other in (bea, helen, charlie, sam):
        assert NewsKind.CONTACT not in kinds_of(other)


def test_a_contact_received_before_the_child_was_allocated_is_not_news(alice, teacher, school, sam, ruby):
    school_says(teacher, school, sam, ruby, received_at=timezone.now() - timedelta(days=320))
    assert NewsKind.CONTACT not in kinds_of(alice)


def test_partner_information_reaches_the_worker_and_the_teams_manager_only(officer, alice, bea, mo, helen, charlie, ruby, police_say):
    police_say(ruby)

    [item] = [item for item in feed.page(alice).items if item.kind == NewsKind.INFORMATION]
    assert (item.title, item.by, item.agency) == ("Information from Northfield Police", "Priya Patel", "Northfield Police")
    assert item.url == f"/children/{ruby.pk}/"
    assert "cut lip" in item.excerpt
    assert NewsKind.INFORMATION in kinds_of(mo)
    for other in (bea, helen, charlie):
        assert NewsKind.INFORMATION not in kinds_of(other)


def test_a_colleagues_visit_and_note_are_news_to_the_worker_but_her_own_are_not(alice, bea, mo, ruby):
    record_visit(ruby, acting_user=bea, visited_at=timezone.now() - timedelta(hours=2), child_seen=True, child_seen_alone=True)
    write_case_note(ruby, acting_user=bea, kind="phone_call", direction="incoming", with_whom="school nurse",
                    occurred_at=timezone.now() - timedelta(hours=1), text="Ruby was seen by the nurse.")
    record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(hours=3), child_seen=True, child_seen_alone=False)
    write_case_note(ruby, acting_user=alice, occurred_at=timezone.now(), subject="Own note", text="Mine.")

    news = news_of(alice)
    assert ("case_note", "Ruby Smith", "Phone call from school nurse") in news
    visited = timezone.localtime(timezone.now() - timedelta(hours=2))
    assert [title for kind, _c, title in news if kind == "visit"] == [f"Visit on {visited:%-d %B %Y}: child seen alone"]
    assert not any(title == "Own note" for _k, _c, title in news)
    assert NewsKind.VISIT not in kinds_of(bea) and NewsKind.VISIT not in kinds_of(mo), "a manager is not told of the team's every visit"


def test_a_by_when_date_changed_by_someone_else_is_news(alice, mo, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=30),
                                  due_reason="School holidays.")
    assert NewsKind.BY_WHEN not in kinds_of(alice), "she set the first date herself"

    change_by_when(assessment, due_on=today() + timedelta(days=10), reason="The family is moving.", acting_user=mo)

    [item] = [item for item in feed.page(alice).items if item.kind == NewsKind.BY_WHEN]
    assert item.title == f"'By when' date for the assessment set to {today() + timedelta(days=10):%-d %B %Y}"
    assert (item.by, item.excerpt) == ("Mo Malik", "The family is moving.")
    assert item.url == f"/casework/children/{ruby.pk}/assessments/{assessment.pk}/"


def test_handing_a_child_on_is_news_to_both_workers(alice, bea, mo, ruby):
    allocate(ruby.episodes.get(), worker=bea, team=bea.team, started_on=today(), acting_user=mo)

    assert ("handed_on", "Ruby Smith", "Handed on from you to Bea Brown") in news_of(alice)
    assert ("allocated", "Ruby Smith", "Allocated to you: Child in need") in news_of(bea)


def test_news_of_a_child_handed_on_stops_reaching_the_worker_who_held_her(officer, alice, bea, mo, ruby, police_say):
    allocate(ruby.episodes.get(), worker=bea, team=bea.team, started_on=today(), acting_user=mo)
    police_say(ruby)
    record_visit(ruby, acting_user=mo, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)

    assert set(kinds_of(alice)) == {NewsKind.HANDED_ON}
    assert {NewsKind.INFORMATION, NewsKind.VISIT} <= set(kinds_of(bea))
