"""Optional two-step verification with an authenticator app (TOTP): set up, sign in with a code, turn off."""
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


def code_for(device: TOTPDevice) -> str:
    """The code the user's app shows now. Codes cannot be reused, so a test that needs another forgets the last one."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500000) % 1000000:06d}"


@pytest.fixture(autouse=True)
def no_device_throttle(settings):
    """django-otp slows down repeated wrong codes by seconds; these tests check the messages, not the waiting."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def alice_with_app(alice) -> TOTPDevice:
    """Alice has set up her authenticator app."""
    return TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)


def sign_in_password(client, username: str = "alice"):
    return client.post("/accounts/sign-in/", {"username": username, "password": PASSWORD})


@pytest.mark.django_db
class TestSettingUpTwoFactor:
    def test_the_account_page_offers_two_step_verification(self, client_for, alice):
        page = client_for(alice).get("/accounts/two-factor/").content.decode()
        assert "Your account" in page and "Alice Akers" in page
        assert "Set up two-step verification" in page

    def test_starting_set_up_shows_a_qr_code_and_the_secret(self, client_for, alice):
        client = client_for(alice)
        response = client.post("/accounts/two-factor/start/")
        assert response.status_code == 302 and response["Location"] == "/accounts/two-factor/"
        page = client.get("/accounts/two-factor/").content.decode()
        device = TOTPDevice.objects.get(user=alice)
        assert device.confirmed is False
        assert "<svg" in page and "<path" in page
        assert "style=" not in page.split("<svg", 1)[1].split("</svg>")[0], "the QR code needs no inline style"
        from journey.accounts.twofactor import secret_for_typing
        assert secret_for_typing(device) in page

    def test_a_correct_code_turns_it_on(self, client_for, alice):
        client = client_for(alice)
        client.post("/accounts/two-factor/start/")
        device = TOTPDevice.objects.get(user=alice)
        response = client.post("/accounts/two-factor/confirm/", {"code": code_for(device)})
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed is True
        assert "Two-step verification is on" in client.get("/accounts/two-factor/").content.decode()

    def test_a_wrong_code_leaves_it_off_with_a_clear_message(self, client_for, alice):
        client = client_for(alice)
        client.post("/accounts/two-factor/start/")
        device = TOTPDevice.objects.get(user=alice)
        response = client.post("/accounts/two-factor/confirm/", {"code": wrong_code(device)})
        page = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in page and "The code is not correct" in page
        assert TOTPDevice.objects.get(user=alice).confirmed is False

    @pytest.mark.parametrize("typed, message", [
        ("", "Enter the 6-digit code from your authenticator app"),
        ("12345", "The code must be 6 digits, like 123456"),
        ("abcdef", "The code must be 6 digits, like 123456"),
    ])
    def test_a_code_of_the_wrong_shape_is_named(self, client_for, alice, typed, message):
        client = client_for(alice)
        client.post("/accounts/two-factor/start/")
        page = client.post("/accounts/two-factor/confirm/", {"code": typed}).content.decode()
        assert message in page and f'value="{typed}"' in page

    def test_spaces_in_a_code_are_forgiven(self, client_for, alice):
        client = client_for(alice)
        client.post("/accounts/two-factor/start/")
        device = TOTPDevice.objects.get(user=alice)
        code = code_for(device)
        client.post("/accounts/two-factor/confirm/", {"code": f"{code[:3]} {code[3:]}"})
        assert TOTPDevice.objects.get(user=alice).confirmed is True

    def test_the_set_up_pages_answer_only_posts(self, client_for, alice):
        client = client_for(alice)
        assert client.get("/accounts/two-factor/start/").status_code == 405
        assert client.get("/accounts/two-factor/confirm/").status_code == 405
        assert client.get("/accounts/two-factor/turn-off/").status_code == 405

    def test_setting_up_again_while_it_is_on_is_refused(self, client_for, alice, alice_with_app):
        response = client_for(alice).post("/accounts/two-factor/start/")
        assert response.status_code == 200 and "already on" in response.content.decode()


@pytest.mark.django_db
class TestSigningInWithTwoFactor:
    def test_without_an_app_the_password_is_enough(self, client, alice):
        assert sign_in_password(client)["Location"] == "/casework/"

    def test_with_an_app_the_password_leads_to_the_code_page_not_in(self, client, alice_with_app):
        response = sign_in_password(client)
        assert response["Location"] == "/accounts/sign-in/code/"
        assert "_auth_user_id" not in client.session
        assert client.get("/casework/").status_code == 302
        assert "Enter the code from your authenticator app" in client.get("/accounts/sign-in/code/").content.decode()

    def test_the_right_code_signs_in_and_goes_where_the_user_was_going(self, client, alice, alice_with_app):
        client.post("/accounts/sign-in/?next=/children/find/", {"username": "alice", "password": PASSWORD, "next": "/children/find/"})
        response = client.post("/accounts/sign-in/code/", {"code": code_for(alice_with_app)})
        assert response.status_code == 302 and response["Location"] == "/children/find/"
        assert client.session["_auth_user_id"] == str(alice.pk)
        assert client.get("/casework/").status_code == 200

    def test_a_wrong_code_is_refused_with_a_clear_message(self, client, alice_with_app):
        sign_in_password(client)
        response = client.post("/accounts/sign-in/code/", {"code": wrong_code(alice_with_app)})
        page = response.content.decode()
        assert response.status_code == 200 and "The code is not correct" in page
        assert "_auth_user_id" not in client.session

    def test_wrong_codes_count_toward_the_lockout(self, client, alice_with_app):
        sign_in_password(client)
        for _ in range(4):
            client.post("/accounts/sign-in/code/", {"code": wrong_code(alice_with_app)})
        response = client.post("/accounts/sign-in/code/", {"code": "abcdef"})
        assert response.status_code == 429 and "Your account is locked" in response.content.decode()
        assert sign_in_password(client).status_code == 429

    def test_the_code_page_without_a_password_first_goes_back_to_sign_in(self, client, db):
        assert client.get("/accounts/sign-in/code/")["Location"] == "/accounts/sign-in/"

    def test_a_code_page_left_too_long_starts_again(self, client, alice_with_app):
        sign_in_password(client)
        session = client.session
        session["journey_pending_sign_in"]["started_at"] -= 6 * 60
        session.save()
        response = client.post("/accounts/sign-in/code/", {"code": code_for(alice_with_app)})
        assert response["Location"] == "/accounts/sign-in/"
        assert "Signing in took more than 5 minutes" in client.get("/accounts/sign-in/").content.decode()


@pytest.mark.django_db
class TestTurningTwoFactorOff:
    def test_a_valid_code_turns_it_off(self, client_for, alice, alice_with_app):
        client = client_for(alice)
        response = client.post("/accounts/two-factor/turn-off/", {"code": code_for(alice_with_app)})
        assert response.status_code == 302
        assert not TOTPDevice.objects.filter(user=alice).exists()
        assert sign_in_password(client.__class__())["Location"] == "/casework/"

    def test_a_wrong_code_leaves_it_on(self, client_for, alice, alice_with_app):
        response = client_for(alice).post("/accounts/two-factor/turn-off/", {"code": wrong_code(alice_with_app)})
        assert response.status_code == 200 and "The code is not correct" in response.content.decode()
        assert TOTPDevice.objects.filter(user=alice, confirmed=True).exists()


@pytest.mark.django_db
class TestRequiredTwoFactor:
    def test_by_default_no_role_must_use_it(self, client, mo):
        assert sign_in_password(client, "mo")["Location"] == "/casework/team/"

    def test_a_required_role_is_sent_to_set_it_up_and_kept_there(self, client, settings, mo):
        settings.JOURNEY_REQUIRE_2FA_ROLES = ["team_manager"]
        assert sign_in_password(client, "mo")["Location"] == "/accounts/two-factor/"
        assert client.get("/casework/")["Location"] == "/accounts/two-factor/"
        assert "Team managers must use two-step verification" in client.get("/accounts/two-factor/").content.decode()

    def test_once_set_up_a_required_role_works_as_usual(self, client, settings, mo):
        settings.JOURNEY_REQUIRE_2FA_ROLES = ["team_manager"]
        sign_in_password(client, "mo")
        client.post("/accounts/two-factor/start/")
        client.post("/accounts/two-factor/confirm/", {"code": code_for(TOTPDevice.objects.get(user=mo))})
        assert client.get("/casework/").status_code == 200

    def test_a_required_role_cannot_turn_it_off(self, client, settings, mo):
        settings.JOURNEY_REQUIRE_2FA_ROLES = ["team_manager"]
        device = TOTPDevice.objects.create(user=mo, name="Authenticator app", confirmed=True)
        sign_in_password(client, "mo")
        client.post("/accounts/sign-in/code/", {"code": code_for(device)})
        page = client.get("/accounts/two-factor/").content.decode()
        assert "cannot be turned off" in page and "Turn off two-step verification" not in page
        response = client.post("/accounts/two-factor/turn-off/", {"code": code_for(device)})
        assert response.status_code == 200 and "cannot be turned off" in response.content.decode()
        assert TOTPDevice.objects.filter(user=mo).exists()

    def test_a_required_role_signed_in_without_its_code_is_kept_to_set_up(self, client_for, settings, mo):
        settings.JOURNEY_REQUIRE_2FA_ROLES = ["team_manager"]
        TOTPDevice.objects.create(user=mo, name="Authenticator app", confirmed=True)
        assert client_for(mo).get("/casework/")["Location"] == "/accounts/two-factor/"

    def test_other_roles_are_not_affected(self, client_for, settings, alice):
        settings.JOURNEY_REQUIRE_2FA_ROLES = ["team_manager"]
        assert client_for(alice).get("/casework/").status_code == 200
