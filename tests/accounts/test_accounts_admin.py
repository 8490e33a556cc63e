"""The administrator's account tools: agencies, teams and users, and nothing else."""
import pytest


@pytest.mark.django_db
class TestAccountsAdministration:
    def test_an_administrator_manages_user_accounts(self, client_for, admin_user, alice):
        page = client_for(admin_user).get("/admin/accounts/user/")
        assert page.status_code == 200
        assert b"alice" in page.content

    def test_a_practitioner_is_kept_out(self, client_for, alice):
        response = client_for(alice).get("/admin/accounts/user/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    def test_a_leaver_is_deactivated_not_deleted(self, client_for, admin_user, alice):
        client = client_for(admin_user)
        client.post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk]})
        alice.refresh_from_db()
        assert alice.is_active is False
        assert client.get(f"/admin/accounts/user/{alice.pk}/delete/").status_code == 403

    def test_no_child_data_is_reachable_from_administration(self, client_for, admin_user):
        assert client_for(admin_user).get("/admin/people/child/").status_code == 404
