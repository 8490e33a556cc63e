"""A signed-in session ends after 30 minutes without activity, and 10 hours after signing in at most."""
import pytest

from journey.accounts.sessions import LAST_SEEN_AT, SIGNED_IN_AT


def age_session(client, *, idle_minutes: int = 0, signed_in_hours: float = 0) -> None:
    session = client.session
    session[LAST_SEEN_AT] -= idle_minutes * 60
    session[SIGNED_IN_AT] -= int(signed_in_hours * 60 * 60)
    session.save()


@pytest.mark.django_db
class TestSessionExpiry:
    def test_signing_in_starts_both_clocks(self, client_for, alice):
        session = client_for(alice).session
        assert isinstance(session[SIGNED_IN_AT], int) and session[LAST_SEEN_AT] == session[SIGNED_IN_AT]

    def test_a_session_used_within_30_minutes_carries_on(self, client_for, alice):
        client = client_for(alice)
        age_session(client, idle_minutes=29)
        assert client.get("/casework/").status_code == 200

    def test_activity_moves_the_idle_clock_on(self, client_for, alice):
        client = client_for(alice)
        age_session(client, idle_minutes=20)
        client.get("/casework/")
        age_session(client, idle_minutes=20)
        assert client.get("/casework/").status_code == 200

    def test_30_minutes_without_activity_signs_the_user_out_and_says_why(self, client_for, alice):
        client = client_for(alice)
        age_session(client, idle_minutes=31)
        response = client.get("/casework/")
        assert response.status_code == 302 and response["Location"] == "/accounts/sign-in/?next=/casework/"
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "You were signed out after 30 minutes without activity" in page
        assert "You were signed out" not in client.get("/accounts/sign-in/").content.decode()

    def test_a_session_ends_10_hours_after_signing_in_however_busy(self, client_for, alice):
        client = client_for(alice)
        age_session(client, signed_in_hours=10)
        response = client.get("/casework/")
        assert response.status_code == 302
        page = client.get("/accounts/sign-in/").content.decode()
        assert "because you had been signed in for 10 hours" in page

    def test_an_htmx_request_after_expiry_sends_the_whole_page_to_sign_in(self, client_for, alice):
        client = client_for(alice)
        age_session(client, idle_minutes=31)
        headers = {"HX-Request": "true", "HX-Current-URL": "http://testserver/children/find/?name=Ruby"}
        response = client.get("/children/find/?name=Ruby", headers=headers)
        assert response["HX-Redirect"] == "/accounts/sign-in/?next=/children/find/%3Fname%3DRuby"

    def test_a_form_sent_after_expiry_goes_to_sign_in_without_coming_back_to_the_post(self, client_for, alice):
        client = client_for(alice)
        age_session(client, idle_minutes=31)
        response = client.post("/accounts/sign-out/")
        assert response.status_code == 302 and response["Location"] == "/accounts/sign-in/"

    def test_the_idle_limit_comes_from_the_setting(self, client_for, alice, settings):
        settings.JOURNEY_SESSION_IDLE_MINUTES = 5
        client = client_for(alice)
        age_session(client, idle_minutes=6)
        assert client.get("/casework/").status_code == 302
        assert "after 5 minutes without activity" in client.get("/accounts/sign-in/").content.decode()
