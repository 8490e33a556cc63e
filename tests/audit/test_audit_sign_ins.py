"""Sign-ins, failed sign-ins and sign-outs join the audit chain."""
from django.contrib.auth import authenticate

from journey.audit.models import Action, AuditEvent
from tests.conftest import PASSWORD


def test_a_sign_in_and_a_sign_out_are_recorded(client, alice):
    client.force_login(alice)
    client.post("/accounts/sign-out/")
    assert list(AuditEvent.objects.filter(user=alice).values_list("action", flat=True).order_by("sequence")) == [
        Action.SIGN_IN, Action.SIGN_OUT,
    ]


def test_a_failed_sign_in_names_the_account_tried_but_not_as_the_actor(rf, alice):
    assert authenticate(rf.post("/accounts/sign-in/"), username="alice", password="wrong" + PASSWORD) is None
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.user is None and (event.object_type, event.object_id) == ("accounts.user", str(alice.pk))


def test_a_failed_sign_in_with_an_unknown_name_keeps_nothing_typed(rf, db):
    authenticate(rf.post("/accounts/sign-in/"), username="correct-horse-battery-staple", password="x")
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.object_id == "" and "correct-horse" not in event.canonical()


def test_a_lockout_after_repeated_failures_is_recorded(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/sign-in/", {"username": "alice", "password": "not-the-password"}, REMOTE_ADDR="192.0.2.5")
    failed = AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, object_id=str(alice.pk))
    assert failed.count() == settings.AXES_FAILURE_LIMIT
    locked = AuditEvent.objects.get(action=Action.LOCKED_OUT)
    assert (locked.object_id, locked.ip_address, locked.user) == (str(alice.pk), "192.0.2.5", None)
