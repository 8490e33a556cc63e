"""Repeated failed sign-ins lock the account from every address, and an address that fails across many accounts
(password spraying) is paused too, at a higher limit because a whole office may share one address (django-axes with
``journey.accounts.lockout.AccountAndAddressHandler``), each with a clear page."""
import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.conftest import PASSWORD

HOME, OFFICE, ELSEWHERE = "203.0.113.7", "198.51.100.20", "192.0.2.99"


def fail(client, username: str = "alice", times: int = 5, address: str = "127.0.0.1"):
    for _ in range(times):
        client.post("/accounts/sign-in/", {"username": username, "password": "not-the-password"}, REMOTE_ADDR=address)


def sign_in(client, username: str = "alice", address: str = "127.0.0.1"):
    return client.post("/accounts/sign-in/", {"username": username, "password": PASSWORD}, REMOTE_ADDR=address)


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


@pytest.mark.django_db
class TestAccountLockWhateverTheAddress:
    def test_a_locked_account_is_refused_from_another_address(self, client, alice):
        fail(client, "alice", address=HOME)

        response = sign_in(client, "alice", address=OFFICE)

        assert response.status_code == 429
        assert "Your account is locked for 15 minutes" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_failures_spread_over_addresses_add_up_for_the_account(self, client, alice):
        for address in (HOME, OFFICE, ELSEWHERE, "192.0.2.1", "192.0.2.2"):
            fail(client, "alice", times=1, address=address)

        assert sign_in(client, "alice", address=OFFICE).status_code == 429

    def test_signing_in_clears_only_that_persons_failures_from_that_address(self, client, alice):
        fail(client, "alice", times=3, address=ELSEWHERE)  # someone else, guessing from another address
        fail(client, "alice", times=1, address=OFFICE)
        assert sign_in(client, "alice", address=OFFICE).status_code == 302
        client.post("/accounts/sign-out/")

        fail(client, "alice", times=2, address=ELSEWHERE)

        assert sign_in(client, "alice", address=OFFICE).status_code == 429


@pytest.mark.django_db
class TestAddressLockAgainstSpraying:
    def test_forty_failures_over_ten_usernames_from_one_address_pause_that_address(self, client, alice):
        responses = []
        for attempt in range(40):
            username = f"user{attempt % 10}"
            responses.append(client.post(
                "/accounts/sign-in/", {"username": username, "password": "Winter2025!"}, REMOTE_ADDR=ELSEWHERE,
            ).status_code)

        limit = settings.JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS
        assert responses[: limit - 1] == [200] * (limit - 1)
        assert set(responses[limit - 1 :]) == {429}
        response = sign_in(client, "alice", address=ELSEWHERE)
        assert response.status_code == 429
        assert "Signing in from your network is paused for 15 minutes" in response.content.decode()

    def test_an_unlocked_account_still_signs_in_from_a_clean_address(self, client, alice):
        for attempt in range(40):
            fail(client, f"user{attempt % 10}", times=1, address=ELSEWHERE)

        assert sign_in(client, "alice", address=OFFICE).status_code == 302

    def test_an_office_sharing_an_address_is_not_paused_by_a_few_mistakes_each(self, client, alice, charlie):
        """Below the address limit, many people each mistyping a few times do not lock each other out."""
        for attempt in range(settings.JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS - 2):
            fail(client, f"colleague{attempt % 8}", times=1, address=OFFICE)

        assert sign_in(client, "charlie", address=OFFICE).status_code == 302

    def test_the_address_limit_is_higher_than_the_account_limit(self):
        assert settings.JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS > settings.AXES_FAILURE_LIMIT


@pytest.mark.django_db
def test_a_username_longer_than_any_account_can_have_is_a_form_error_not_an_attempt(client, alice):
    """It used to reach the lockout's own table (255 characters), which PostgreSQL refused with a 500."""
    response = client.post("/accounts/sign-in/", {"username": "a" * 256, "password": "not-the-password"})

    assert response.status_code == 200
    assert "Username must be 150 characters or fewer" in response.content.decode()
    assert not AccessAttempt.objects.exists()
