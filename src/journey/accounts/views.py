from time import time

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView
from django_otp import login as otp_login

from journey.lib.forms import apply_errors

from . import actions
from .forms import CodeForm, SignInForm
from .lockout import locked_out
from .models import Role, User
from .sessions import CODE_TIMEOUT, PENDING_SIGN_IN, PENDING_SIGN_IN_SECONDS, SIGNED_OUT_REASON, signed_out_message
from .twofactor import (
    confirmed_device,
    qr_code_svg,
    role_requires_two_factor,
    secret_for_typing,
    unconfirmed_device,
    uses_two_factor,
)

START_PAGES = {
    Role.PARTNER: "frontdoor:my-concerns",
    Role.SCREENER: "frontdoor:contacts",
    Role.DATA_PROTECTION_OFFICER: "dataprotection:start",
    Role.ADMINISTRATOR: "accounts-admin:index",
    Role.CALDICOTT_GUARDIAN: "access:break-glass-uses",
    Role.TEAM_MANAGER: "casework:team",
    Role.HEAD_OF_SERVICE: "casework:service",
    Role.CP_CHAIR: "protection:my-conferences",
}


def start_page(user) -> str:
    """Where each role's working day begins: partners their concerns (where each has got to), screeners work the front door's queue, the
    data protection officer their requests, administrators their accounts; team managers their team's queue, heads of
    service their teams' caseloads and waiting work; child protection chairs their conferences; practitioners their children."""
    return START_PAGES.get(user.role, "casework:my-children")


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    """Username and password; then, for users with an authenticator app, a second page asking for its code.

    The form authenticates with the request, so django-axes sees every attempt and refuses locked-out ones."""

    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signed_out_message"] = signed_out_message(self.request.session.pop(SIGNED_OUT_REASON, None))
        return context

    def get_default_redirect_url(self):
        user = self.request.user
        if role_requires_two_factor(user) and not uses_two_factor(user):
            return reverse("accounts:two-factor")
        return reverse(start_page(user))

    def form_valid(self, form):
        user = form.get_user()
        if not uses_two_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING_SIGN_IN] = {
            "user_id": user.pk, "backend": user.backend, "next": self.get_redirect_url(), "started_at": int(time()),
        }
        return redirect("accounts:sign-in-code")


@method_decorator(login_not_required, name="dispatch")
class SignInCodeView(FormView):
    """The second step of signing in. A wrong code counts as a failed sign-in towards the lockout, like a wrong
    password, so the six-digit code cannot be guessed by trying them all."""

    template_name = "accounts/sign_in_code.html"
    form_class = CodeForm

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        pending = request.session.get(PENDING_SIGN_IN)
        self.user = self.pending_user(pending)
        if self.user is None:
            request.session.pop(PENDING_SIGN_IN, None)
            if pending:
                request.session[SIGNED_OUT_REASON] = CODE_TIMEOUT
            return redirect("accounts:sign-in")
        self.pending = pending
        return super().dispatch(request, *args, **kwargs)  # type: ignore[return-value]

    @staticmethod
    def pending_user(pending) -> User | None:
        if not isinstance(pending, dict) or int(time()) - pending.get("started_at", 0) > PENDING_SIGN_IN_SECONDS:
            return None
        return User.objects.filter(pk=pending.get("user_id"), is_active=True).first()

    def credentials(self) -> dict:
        return {"username": self.user.get_username()}  # type: ignore[union-attr]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not AxesProxyHandler.is_allowed(request, self.credentials()):
            return locked_out(request, None, self.credentials())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            device = actions.verify_sign_in_code(form.cleaned_data["code"], acting_user=self.user)
        except ValidationError as error:
            apply_errors(form, error)
            return self.failed(form)
        self.request.session.pop(PENDING_SIGN_IN, None)
        auth_login(self.request, self.user, backend=self.pending["backend"])
        otp_login(self.request, device)
        return redirect(self.pending.get("next") or reverse(start_page(self.user)))

    def form_invalid(self, form):
        if form.has_error("code", "required"):
            return super().form_invalid(form)
        # A code of the wrong shape is a wrong code too: otherwise typing letters would be a free guess.
        return self.failed(form)

    def failed(self, form) -> HttpResponse:
        # Axes records the failure; at the limit it marks the request and its middleware answers with the lockout page.
        user_login_failed.send(sender=__name__, credentials=self.credentials(), request=self.request)
        return super().form_invalid(form)


class TwoFactorView(View):
    """'Your account': who you are signed in as, and two-step verification (set up, confirm, or turn off)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return account_page(request)


def account_page(request: HttpRequest, *, confirm_form=None, turn_off_form=None, start_error: str = "", status: int = 200):
    user = request.user
    device = confirmed_device(user)
    setup = None if device else unconfirmed_device(user)
    context = {
        "device": device,
        "setup": setup,
        "qr_code": qr_code_svg(setup) if setup else "",
        "secret": secret_for_typing(setup) if setup else "",
        "confirm_form": confirm_form or CodeForm(),
        "turn_off_form": turn_off_form or CodeForm(),
        "required": role_requires_two_factor(user),
        "start_error": start_error,
    }
    return render(request, "accounts/two_factor.html", context, status=status)


class TwoFactorStartView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            actions.start_two_factor_setup(acting_user=request.user)
        except ValidationError as error:
            return account_page(request, start_error=" ".join(error.messages))
        return redirect("accounts:two-factor")


class TwoFactorConfirmView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                device = actions.confirm_two_factor(form.cleaned_data["code"], acting_user=request.user)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                otp_login(request, device)
                messages.success(request, "Two-step verification is on. You will be asked for a code each time you sign in")
                return redirect("accounts:two-factor")
        return account_page(request, confirm_form=form)


class TwoFactorTurnOffView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                actions.turn_off_two_factor(form.cleaned_data["code"], acting_user=request.user)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Two-step verification is off")
                return redirect("accounts:two-factor")
        return account_page(request, turn_off_form=form)


class SignOutView(auth_views.LogoutView):
    pass
