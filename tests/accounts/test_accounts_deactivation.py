"""Leavers are deactivated, not deleted: their work keeps their name, and their open sessions stop working."""
import pytest

from tests.conftest import PASSWORD


@pytest.mark.django_db
class TestDeactivatingALeaver:
    def test_a_deactivated_workers_visits_still_show_her_name_on_the_chronology(self, client_for, admin_user, ruby, alice, mo):
        client_for(admin_user).post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk]})
        alice.refresh_from_db()
        assert alice.is_active is False
        page = client_for(mo).get(f"/children/{ruby.pk}/").content.decode()
        assert "Visit: child seen alone" in page and "Alice Akers" in page

    def test_a_leavers_open_session_stops_at_her_next_request(self, client, alice):
        client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert client.get("/casework/").status_code == 200
        alice.is_active = False
        alice.save()
        response = client.get("/casework/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")
        assert client.get("/accounts/two-factor/").status_code == 302

    def test_a_leaver_cannot_sign_in_again(self, client, alice):
        alice.is_active = False
        alice.save()
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 200 and "_auth_user_id" not in client.session
