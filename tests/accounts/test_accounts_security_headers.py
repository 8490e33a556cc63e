"""Every response carries the security headers; cookies are HttpOnly and SameSite; CSRF is checked everywhere."""
import re
from pathlib import Path

import pytest
from django.test import Client

import journey
from tests.conftest import PASSWORD


def csp_directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
class TestSecurityHeaders:
    def test_the_content_security_policy_allows_only_this_sites_files_and_nothing_inline(self, client):
        response = client.get("/accounts/sign-in/")
        directives = csp_directives(response)
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert "unsafe-eval" not in response["Content-Security-Policy"]
        assert directives["script-src"] == "script-src 'self'"
        assert directives["style-src"] == "style-src 'self'"
        assert directives["default-src"] == "default-src 'self'"
        assert directives["frame-ancestors"] == "frame-ancestors 'none'"
        assert directives["object-src"] == "object-src 'none'"

    def test_signed_in_pages_carry_the_policy_too(self, client_for, alice):
        assert "script-src 'self'" in client_for(alice).get("/casework/")["Content-Security-Policy"]

    def test_pages_have_no_inline_script_or_style(self, client_for, alice):
        page = client_for(alice).get("/casework/").content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "every script is a file"
        assert "<style" not in page and " style=" not in page
        assert not re.search(r"\son[a-z]+=", page), "no inline event handlers"

    def test_framing_sniffing_referrer_and_browser_features_are_locked_down(self, client):
        response = client.get("/accounts/sign-in/")
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]

    def test_https_responses_carry_hsts(self, client, settings):
        settings.SECURE_HSTS_SECONDS = 31536000
        response = client.get("/accounts/sign-in/", secure=True)
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")

    def test_signed_in_pages_are_never_cached(self, client_for, alice):
        cache_control = client_for(alice).get("/casework/")["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control

    def test_the_session_cookie_is_httponly_and_samesite_lax(self, client, alice):
        client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        cookie = client.cookies["sessionid"]
        assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
        assert cookie["max-age"] == "" and cookie["expires"] == "", "the cookie goes when the browser closes"


@pytest.mark.django_db
class TestCsrf:
    def test_a_post_without_the_csrf_token_is_refused(self, alice):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 403

    def test_a_signed_in_post_without_the_csrf_token_is_refused(self, alice):
        client = Client(enforce_csrf_checks=True)
        client.force_login(alice)
        assert client.post("/accounts/two-factor/start/").status_code == 403

    def test_no_page_opts_out_of_csrf_protection(self):
        """The token API (journey.api) takes no cookies, so cross-site requests carry no credentials there. /healthz
        (journey.operations.views) is no page: it answers GET and HEAD only (405 otherwise) and reads no user."""
        source = Path(journey.__file__).parent
        health_check = source / "operations" / "views.py"
        offenders = [
            str(p) for p in source.rglob("*.py")
            if "csrf_exempt" in p.read_text() and (source / "api") not in p.parents and p != health_check
        ]
        assert offenders == []
