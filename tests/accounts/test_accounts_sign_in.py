"""Signing in and out."""
import pytest

from tests.conftest import PASSWORD


@pytest.mark.django_db
class TestSignIn:
    def test_the_sign_in_page_is_open_to_everyone(self, client):
        response = client.get("/accounts/sign-in/")
        assert response.status_code == 200
        assert b"Sign in to Journey" in response.content

    def test_a_practitioner_signs_in_to_their_children(self, client, alice):
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/casework/"

    def test_a_partner_signs_in_to_the_concerns_they_raised(self, client, officer):
        response = client.post("/accounts/sign-in/", {"username": "priya", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/front-door/my-concerns/"

    def test_a_team_manager_signs_in_to_the_teams_queue(self, client, mo):
        response = client.post("/accounts/sign-in/", {"username": "mo", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/casework/team/"

    def test_a_wrong_password_is_rejected_with_a_clear_message_and_the_username_kept(self, client, alice):
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": "wrong"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in page and "Enter a correct username and password" in page
        assert 'value="alice"' in page

    def test_empty_fields_are_named(self, client, db):
        page = client.post("/accounts/sign-in/", {"username": "", "password": ""}).content.decode()
        assert "Enter your username" in page and "Enter your password" in page

    def test_a_deactivated_leaver_cannot_sign_in(self, client, alice):
        alice.is_active = False
        alice.save()
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 200

    def test_sign_out_needs_a_post(self, client_for, alice):
        client = client_for(alice)
        assert client.get("/accounts/sign-out/").status_code == 405
        assert client.post("/accounts/sign-out/").status_code == 302
        assert client.get("/casework/").status_code == 302

    def test_the_home_page_sends_people_where_they_work(self, client, client_for, officer):
        assert client.get("/")["Location"] == "/accounts/sign-in/"
        assert client_for(officer).get("/")["Location"] == "/front-door/my-concerns/"

    def test_a_screener_signs_in_to_the_front_doors_queue(self, client, sam):
        response = client.post("/accounts/sign-in/", {"username": "sam", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/front-door/"
