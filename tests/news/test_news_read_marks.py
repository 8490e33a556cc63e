"""What the user has read is the only thing stored: opening an item marks it read (once), "mark all as read" marks
everything up to the newest item shown (never later news, never beyond now, never back), and both are actions in the
audit log."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.models import Action, AuditEvent
from journey.casework.actions import record_visit
from journey.news import actions, feed
from journey.news.models import NewsKind, NewsRead, NewsReadUpTo

pytestmark = pytest.mark.django_db


def visit_by(colleague, child):
    return record_visit(child, acting_user=colleague, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)


def unread_kinds(user) -> list[str]:
    return [item.kind for item in feed.unread(user).items]


def test_opening_an_item_marks_it_read_and_only_it(client_for, alice, bea, ruby):
    visit = visit_by(bea, ruby)
    assert feed.unread(alice).count == 2

    client_for(alice).get(f"/news/visit/{visit.pk}/")

    assert unread_kinds(alice) == [NewsKind.ALLOCATED]
    assert [(item.kind, item.read) for item in feed.page(alice).items] == [("visit", True), ("allocated", False)]


def test_opening_the_childs_page_from_an_item_marks_it_read_too(client_for, alice, bea, ruby):
    visit = visit_by(bea, ruby)
    client_for(alice).get(f"/news/visit/{visit.pk}/?to=child")
    assert NewsKind.VISIT not in unread_kinds(alice)


def test_opening_an_item_twice_keeps_one_mark_and_is_audited_once(alice, bea, ruby):
    visit = visit_by(bea, ruby)
    actions.open_news(NewsKind.VISIT, visit.pk, acting_user=alice)
    actions.open_news(NewsKind.VISIT, visit.pk, acting_user=alice)

    mark = NewsRead.objects.get(user=alice)
    assert (mark.kind, mark.item_id) == ("visit", visit.pk)
    [event] = AuditEvent.objects.filter(object_type="news.newsread")
    assert (event.action, event.user) == (Action.CREATE, alice)


def test_one_users_mark_is_not_anothers(officer, alice, mo, bea, ruby, police_say):
    information = police_say(ruby)
    actions.open_news(NewsKind.INFORMATION, information.pk, acting_user=mo)
    assert NewsKind.INFORMATION in unread_kinds(alice)
    assert NewsKind.INFORMATION not in unread_kinds(mo)


def test_opening_someone_elses_item_is_refused_and_marks_nothing(charlie, bea, ruby):
    visit = visit_by(bea, ruby)
    with pytest.raises(actions.NotYourNews):
        actions.open_news(NewsKind.VISIT, visit.pk, acting_user=charlie)
    assert not NewsRead.objects.exists()


def test_mark_all_read_leaves_news_that_arrives_afterwards_unread(alice, bea, ruby):
    visit_by(bea, ruby)
    shown = feed.unread(alice)
    actions.mark_all_read(acting_user=alice, up_to=shown.up_to)
    assert feed.unread(alice).count == 0

    later = visit_by(bea, ruby)

    assert [(item.kind, item.item_id) for item in feed.unread(alice).items] == [("visit", later.pk)]
    assert [item.read for item in feed.page(alice).items] == [False, True, True]


def test_mark_all_read_never_reaches_beyond_now_nor_moves_back(alice, bea, ruby):
    actions.mark_all_read(acting_user=alice, up_to=timezone.now() + timedelta(days=365))
    marker = NewsReadUpTo.objects.get(user=alice)
    assert marker.read_up_to <= timezone.now()
    reached = marker.read_up_to

    actions.mark_all_read(acting_user=alice, up_to=reached - timedelta(days=30))
    assert NewsReadUpTo.objects.get(user=alice).read_up_to == reached
    assert visit_by(bea, ruby) and feed.unread(alice).count == 1


def test_mark_all_read_needs_a_time_with_its_zone(alice):
    with pytest.raises(ValidationError):
        actions.mark_all_read(acting_user=alice, up_to=timezone.now().replace(tzinfo=None))


def test_the_page_marks_all_read_and_goes_back_where_it_came_from(client_for, alice, bea, ruby):
    visit_by(bea, ruby)
    client = client_for(alice)
    up_to = feed.unread(alice).up_to.isoformat()

    response = client.post("/news/read/", {"up_to": up_to, "back": "my-children"})

    assert (response.status_code, response["Location"]) == (302, "/casework/")
    assert feed.unread(alice).count == 0
    assert client.post("/news/read/", {"up_to": up_to, "back": "news"})["Location"] == "/news/"
    assert client.post("/news/read/", {"up_to": up_to, "back": "https://evil.example/"}).status_code == 400


@pytest.mark.parametrize("forged", ["", "yesterday", "2024-13-01T00:00:00+00:00", "2024-01-01T00:00:00", "0001-01-01T00:00:00+05:00",
                                    "9" * 65])
def test_a_missing_or_forged_time_is_answered_on_the_page_and_changes_nothing(client_for, alice, bea, ruby, forged):
    visit_by(bea, ruby)
    response = client_for(alice).post("/news/read/", {"up_to": forged})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Mark all as read needs the time of the newest item shown" in page
    assert "Mark all as read</button>" in page, "the list is shown again, with a fresh button"
    assert not NewsReadUpTo.objects.exists()


def test_a_time_in_the_future_marks_read_only_up_to_now(client_for, alice, bea, ruby):
    response = client_for(alice).post("/news/read/", {"up_to": "9999-12-31T23:59:59+00:00"})
    assert response.status_code == 302 and NewsReadUpTo.objects.get(user=alice).read_up_to <= timezone.now()
    assert visit_by(bea, ruby) and feed.unread(alice).count == 1
