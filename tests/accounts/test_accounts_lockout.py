"""Repeated failed sign-ins lock that username from that address for a while (django-axes), with a clear page."""
import pytest
from axes.models import AccessAttempt

from tests.conftest import PASSWORD


def fail(client, username: str = "alice", times: int = 5):
    for _ in range(times):
        client.post("/accounts/sign-in/", {"username": username, "password": "not-the-password"})


@pytest.mark.django_db
class TestSignInLockout:
    def test_four_wrong_passwords_still_allow_the_right_one(self, client, alice):
        fail(client, times=4)
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/casework/"

    def test_the_fifth_wrong_password_locks_the_account_with_a_clear_page(self, client, alice):
        fail(client, times=4)
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": "not-the-password"})
        page = response.content.decode()
        assert response.status_code == 429
        assert "Your account is locked for 15 minutes" in page
        assert "A wrong password or code was entered 5 times" in page

    def test_a_locked_account_refuses_even_the_right_password(self, client, alice):
        fail(client)
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 429 and "locked" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_the_lock_is_for_that_username_only(self, client, alice, charlie):
        fail(client, "alice")
        response = client.post("/accounts/sign-in/", {"username": "charlie", "password": PASSWORD})
        assert response.status_code == 302

    def test_the_lock_lifts_after_the_cool_off(self, client, alice):
        fail(client)
        AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time.replace(year=2000))
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302

    def test_signing_in_clears_earlier_failures(self, client, alice):
        fail(client, times=4)
        client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        client.post("/accounts/sign-out/")
        fail(client, times=1)
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302

    def test_signed_in_users_from_force_login_are_not_affected(self, client_for, alice):
        assert client_for(alice).get("/casework/").status_code == 200
