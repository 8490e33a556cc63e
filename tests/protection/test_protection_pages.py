"""The strategy discussion and enquiry pages: the worker records a discussion from Ruby's page and starts and
completes the enquiry; every error shows in one pass, in page order; those who may not write are refused alike."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.lib.dates import today
from journey.protection.models import Section47Enquiry, StrategyDiscussion

pytestmark = pytest.mark.django_db


def discussion_post(date_fields, police, health, **changes) -> dict:
    held = timezone.localtime() - timedelta(hours=3)
    return {
        **date_fields("held_at", held.date()), "held_time": f"{held:%H:%M}", "participant_rows": "4",
        "participant_1_name": "DS Green", "participant_1_agency": str(police.pk), "participant_1_email": "priya@example.invalid",
        "participant_2_name": "Hana Hill", "participant_2_agency": str(health.pk),
        "what_was_shared": "Police: two call-outs.", "decision": "section_47", "reasons": "Possible significant harm.",
    } | changes


def test_the_journey_page_offers_a_strategy_discussion_in_the_episode(client_for, alice, ruby):
    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    assert f"/protection/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/strategy-discussions/new/" in page


def test_the_worker_records_a_discussion_and_starts_and_completes_the_enquiry(client_for, alice, ruby, police, health, officer, date_fields):
    client = client_for(alice)
    episode = ruby.episodes.get()
    response = client.post(f"/protection/children/{ruby.pk}/episodes/{episode.pk}/strategy-discussions/new/",
                           discussion_post(date_fields, police, health))
    discussion = StrategyDiscussion.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/"
    assert discussion.participants.get(name="DS Green").user == officer
    page = client.get(response["Location"]).content.decode()
    assert "Start the section 47 enquiry" in page and "took part. Working Together" not in page
    response = client.post(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/section-47/", {
        **date_fields("started_on", today()), **date_fields("due_on", today() + timedelta(days=14)), "due_reason": "Before half term.",
    })
    enquiry = Section47Enquiry.objects.get()
    assert response["Location"] == f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/"
    response = client.post(f"/protection/children/{ruby.pk}/section-47/{enquiry.pk}/complete/", {
        "complete-findings": "Marks seen.", "complete-child_seen": "yes", "complete-child_seen_alone": "yes",
        "complete-concerns_substantiated": "yes", "complete-continuing_risk": "yes", "complete-conference_needed": "yes",
        "complete-outcome_reasons": "Continuing risk.", **date_fields("complete-completed_on", today()),
    })
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.is_complete and enquiry.conference_needed
    assert "Completed" in client.get(f"/children/{ruby.pk}/").content.decode()


def test_every_error_shows_in_one_pass_in_page_order_and_nothing_is_saved(client_for, alice, ruby, police, health, date_fields):
    response = client_for(alice).post(
        f"/protection/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/strategy-discussions/new/",
        discussion_post(date_fields, police, health, participant_1_name="", participant_2_agency="", what_was_shared="",
                        decision="", reasons="", held_at_0="", held_at_1="", held_at_2="", held_time=""),
    )
    page = response.content.decode()
    assert response.status_code == 200 and not StrategyDiscussion.objects.exists()
    summary = page[page.index("There is a problem"):page.index("</ul>", page.index("There is a problem"))]
    expected = ["Enter the date and time of the discussion", "Enter the name of participant 1", "Select the agency of participant 2",
                "Enter what each agency shared", "Select what the discussion decided", "Enter the reasons for the decision"]
    assert [summary.index(message) for message in expected] == sorted(summary.index(message) for message in expected)


def test_add_another_participant_posts_back_a_row_more_and_saves_nothing(client_for, alice, ruby, police, health, date_fields):
    response = client_for(alice).post(
        f"/protection/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/strategy-discussions/new/",
        discussion_post(date_fields, police, health, add_participant="1"),
    )
    page = response.content.decode()
    assert 'name="participant_5_name"' in page and 'value="DS Green"' in page and "There is a problem" not in page
    assert not StrategyDiscussion.objects.exists()


def test_a_discussion_without_health_carries_a_warning(client_for, alice, ruby, police, health, officer, date_fields):
    client = client_for(alice)
    client.post(f"/protection/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/strategy-discussions/new/",
                discussion_post(date_fields, police, health, participant_2_name="", participant_2_agency=""))
    page = client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{StrategyDiscussion.objects.get().pk}/").content.decode()
    assert "No one from health took part" in page


@pytest.mark.parametrize("who", ["mo", "bea"])
def test_the_team_and_manager_read_and_write(client_for, discussion, ruby, who, request):
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/").status_code == 200
    assert client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/section-47/").status_code == 200
    assert client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/further/").status_code == 200


@pytest.mark.parametrize("who", ["charlie", "sam", "officer", "teacher"])
def test_an_uninvolved_worker_the_front_door_and_partners_are_refused_every_page(client_for, discussion, ruby, who, request, date_fields):
    client = client_for(request.getfixturevalue(who))
    base = f"/protection/children/{ruby.pk}"
    for url in (f"{base}/strategy-discussions/{discussion.pk}/", f"{base}/strategy-discussions/{discussion.pk}/further/",
                f"{base}/strategy-discussions/{discussion.pk}/section-47/", f"{base}/episodes/{discussion.episode_id}/strategy-discussions/new/"):
        assert client.get(url).status_code == 403
    assert client.post(f"{base}/strategy-discussions/{discussion.pk}/section-47/", {
        **date_fields("started_on", today()), **date_fields("due_on", today()), "due_reason": "Soon.",
    }).status_code == 403
    assert not Section47Enquiry.objects.exists()


def test_a_reader_by_grant_reads_but_may_not_write(client_for, discussion, ruby, mo, charlie):
    from journey.access.actions import grant_access

    grant_access(ruby, acting_user=mo, reason="Covering Alice's visits this week.", user=charlie)
    client = client_for(charlie)
    assert client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/").status_code == 200
    assert client.get(f"/protection/children/{ruby.pk}/strategy-discussions/{discussion.pk}/section-47/").status_code == 403


def test_a_discussion_of_another_child_answers_like_a_missing_one(client_for, discussion, alice, sam):
    from journey.people.actions import create_child

    other = create_child(acting_user=sam, first_name="Ola", last_name="Reed", date_of_birth=today() - timedelta(days=2000))
    response = client_for(alice).get(f"/protection/children/{other.pk}/strategy-discussions/{discussion.pk}/")
    assert response.status_code == 403
