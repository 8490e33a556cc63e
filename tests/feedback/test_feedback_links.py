"""The family's link: made by staff who may open the child, shown once (only its hash is kept), opened without
signing in on one short form with no name or record on it, used once, expiring, and rate-limited by address. What
the family sends becomes feedback from them on the child, logged as the link's system actor."""
import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.feedback.actions import Subject, create_feedback_link, give_feedback_through_link
from journey.feedback.models import Feedback, FeedbackLink, LinkTry

pytestmark = pytest.mark.django_db


def give_url(token: str) -> str:
    return f"/feedback/give/{token}/"


ANSWER = {"kind": "compliment", "themes": ["listened_to"], "said": "Alice really listened to us."}


def test_only_the_hash_of_the_token_is_stored(parent_link):
    link, token = parent_link
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not FeedbackLink.objects.filter(token_hash=token).exists() and len(token) >= 40
    event = AuditEvent.objects.get(object_type="feedback.feedbacklink", action="create")
    assert token not in str(event.after) and event.after["token_hash"] == "[redacted]"


def test_the_link_expires_after_14_days(parent_link):
    link, _ = parent_link
    assert timedelta(days=13, hours=23) < link.expires_at - timezone.now() <= timedelta(days=14)


def test_only_staff_who_may_open_the_child_make_a_link(ruby, charlie):
    with pytest.raises(ValidationError, match="Only staff who may open the child's record"):
        create_feedback_link(ruby, subject=Subject("other", None, "The review"), for_whom="parent_carer", acting_user=charlie)
    assert not FeedbackLink.objects.exists()


def test_it_opens_without_signing_in_and_shows_one_form_with_no_name(client, parent_link, ruby, alice):
    response = client.get(give_url(parent_link[1]))
    assert response.status_code == 200
    body = response.content.decode()
    for private in ("Ruby", "Smith", "Alice", "Akers", "Elm Road", "/children/", "NF1"):
        assert private not in body
    assert body.count("<form") == 1 and "sign-out" not in body and "My children" not in body
    assert "Tell us what you think" in body and "about a visit" in body


def test_it_carries_the_sites_security_headers_and_leaks_no_session(client, parent_link):
    response = client.get(give_url(parent_link[1]))
    assert "script-src 'self'" in response["Content-Security-Policy"] and "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin" and "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert "sessionid" not in response.cookies


def test_a_signed_in_worker_opening_it_sees_nothing_of_their_session(client_for, alice, parent_link):
    body = client_for(alice).get(give_url(parent_link[1])).content.decode()
    assert "Alice" not in body and "Sign out" not in body and "Ruby" not in body


def test_a_parent_gives_feedback_that_lands_on_the_child_from_the_family(client, parent_link, ruby, alice):
    response = client.post(give_url(parent_link[1]), ANSWER)
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    given = Feedback.objects.get()
    assert (given.child, given.source, given.kind, given.link, given.recorded_by) == (ruby, "parent_carer", "compliment", parent_link[0], None)
    assert given.visit == ruby.visits.get() and given.team == alice.team
    assert list(given.themes.values_list("theme", flat=True)) == ["listened_to"]
    event = AuditEvent.objects.get(object_type="feedback.feedback", action="create")
    assert event.user is None and event.what == "system: family feedback link" and event.child_id == ruby.pk


def test_a_second_use_gets_the_used_page_and_saves_nothing(client, parent_link):
    client.post(give_url(parent_link[1]), ANSWER)
    for response in (client.get(give_url(parent_link[1])), client.post(give_url(parent_link[1]), ANSWER)):
        assert response.status_code == 410 and "This link has been used" in response.content.decode()
    assert Feedback.objects.count() == 1


def test_the_action_refuses_a_used_link_too(parent_link):
    give_feedback_through_link(parent_link[0].pk, **ANSWER)
    with pytest.raises(Exception, match="used"):
        give_feedback_through_link(parent_link[0].pk, **ANSWER)
    assert Feedback.objects.count() == 1


def test_an_expired_link_gets_the_expired_page(client, parent_link):
    link = parent_link[0]
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    response = client.post(give_url(parent_link[1]), ANSWER)
    assert response.status_code == 410 and "This link has expired" in response.content.decode()
    assert not Feedback.objects.exists()


def test_an_unknown_token_gets_a_clear_page(client, db):
    response = client.get(give_url("not-a-real-token"))
    assert response.status_code == 404 and "This link does not work" in response.content.decode()


def test_bad_input_is_named_and_kept(client, parent_link):
    response = client.post(give_url(parent_link[1]), {"kind": "nonsense", "said": "x" * 2001})
    body = response.content.decode()
    assert response.status_code == 200 and "Choose one answer" in body and "2,000 characters or fewer" in body
    assert "x" * 2001 in body and not Feedback.objects.exists()
    parent_link[0].refresh_from_db()
    assert parent_link[0].used_at is None


@override_settings(JOURNEY_FEEDBACK_LINK_BAD_TOKENS=3)
def test_too_many_bad_tokens_from_one_address_get_429(client, parent_link):
    for n in range(3):
        assert client.get(give_url(f"guess-{n}")).status_code == 404
    response = client.get(give_url(parent_link[1]))
    assert response.status_code == 429 and "Too many tries" in response.content.decode()
    other = client.get(give_url(parent_link[1]), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


@override_settings(JOURNEY_FEEDBACK_LINK_TRIES=4)
def test_too_many_tries_from_one_address_get_429_even_with_a_good_token(client, parent_link):
    statuses = [client.get(give_url(parent_link[1])).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


@override_settings(JOURNEY_FEEDBACK_LINK_TRIES=2)
def test_the_limit_lifts_once_the_window_has_passed(client, parent_link):
    client.get(give_url(parent_link[1]))
    client.get(give_url(parent_link[1]))
    assert client.get(give_url(parent_link[1])).status_code == 429
    for old in LinkTry.objects.all():
        old.at = timezone.now() - timedelta(minutes=16)
        old.save()
    assert client.get(give_url(parent_link[1])).status_code == 200
    assert LinkTry.objects.count() == 1  # the old tries are forgotten


@pytest.mark.parametrize(("child", "question", "answer"), [
    ("leo", "How did it feel?", "Sad or cross"),
    ("ruby", "How was it?", "Not good, I want to complain"),
    ("tom", "What would you like to tell us?", "A complaint"),
])
def test_a_childs_own_form_is_worded_for_their_age(request, client, alice, charlie, child, question, answer):
    person = request.getfixturevalue(child)
    writer = charlie if child == "tom" else alice
    _, token = create_feedback_link(person, subject=Subject("other", None, "Our meetings"), for_whom="child", acting_user=writer)
    body = client.get(give_url(token)).content.decode()
    assert question in body and answer in body and person.person.first_name not in body


def test_a_parents_form_uses_the_adult_wording(client, parent_link):
    assert "A complaint: something went wrong" in client.get(give_url(parent_link[1])).content.decode()


def test_a_child_giving_feedback_is_recorded_as_from_the_child(client, leo, alice):
    _, token = create_feedback_link(leo, subject=Subject("other", None, "Our meetings"), for_whom="child", acting_user=alice)
    client.post(give_url(token), {"kind": "compliment", "themes": ["support"], "said": "She helped me."})
    assert Feedback.objects.get().source == "child"
