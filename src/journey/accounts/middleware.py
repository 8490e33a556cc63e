"""Account security on every request: sessions that end on their own, required second factors, and the response
headers that are not Django's or django-csp's (Permissions-Policy, and no caching of signed-in pages)."""
from time import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.cache import add_never_cache_headers
from django_htmx.http import HttpResponseClientRedirect

from .sessions import SIGNED_OUT_REASON, expiry_of, touch
from .twofactor import role_requires_two_factor

# Journey uses none of these browser features; denying them means injected content cannot use them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "usb",
        "xr-spatial-tracking",
    )
)

# Views a user whose role needs two-step verification may reach before setting it up and signing in with it.
TWO_FACTOR_SETUP_VIEWS = {
    "accounts:sign-in", "accounts:sign-in-code", "accounts:sign-out", "accounts:two-factor",
    "accounts:two-factor-start", "accounts:two-factor-confirm",
}


class SessionTimeoutMiddleware:
    """Signs a user out after ``JOURNEY_SESSION_IDLE_MINUTES`` without a request or ``JOURNEY_SESSION_MAX_HOURS`` after
    signing in, and sends them to sign in again with a line saying why (kept in the new, empty session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time())
            reason = expiry_of(request.session, now)
            if reason is not None:
                logout(request)
                request.session[SIGNED_OUT_REASON] = str(reason)
                return self.to_sign_in(request)
            touch(request.session, now)
        return self.get_response(request)

    @staticmethod
    def to_sign_in(request: HttpRequest) -> HttpResponse:
        if request.headers.get("HX-Request") == "true":
            # An htmx swap would put the sign-in page inside the page; make the browser go there instead, and come
            # back to the page the user was on (not to the fragment the swap asked for).
            current = urlsplit(request.headers.get("HX-Current-URL", ""))
            back_to = current.path + (f"?{current.query}" if current.query else "") if current.path else ""
            target = redirect_to_login(back_to)["Location"] if back_to else resolve_url(settings.LOGIN_URL)
            return HttpResponseClientRedirect(target)
        if request.method != "GET":
            # Coming back to a form's address after signing in would be a GET it does not answer; start afresh.
            return redirect(settings.LOGIN_URL)
        return redirect_to_login(request.get_full_path())


class RequireTwoFactorMiddleware:
    """Sends users whose role is in ``JOURNEY_REQUIRE_2FA_ROLES`` to set up two-step verification, and keeps them
    there until their session has been verified with a code. Needs django-otp's ``OTPMiddleware`` before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not role_requires_two_factor(user):
            return None
        if getattr(user, "is_verified", lambda: False)():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in TWO_FACTOR_SETUP_VIEWS:
            return None
        return redirect("accounts:two-factor")


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; pages for a signed-in user are never stored by the browser or a proxy,
    so the back button after signing out, or a shared cache, does not show a child's record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response.headers:
            add_never_cache_headers(response)
        return response
