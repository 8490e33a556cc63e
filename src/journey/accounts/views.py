from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import reverse
from django.utils.decorators import method_decorator

from .forms import SignInForm
from .models import Role


def start_page(user) -> str:
    """Where each role's working day begins: partners raise concerns, screeners work the front door's queue."""
    if user.is_partner:
        return "frontdoor:new-contact"
    if user.role == Role.SCREENER:
        return "frontdoor:contacts"
    return "casework:my-children"


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse(start_page(self.request.user))


class SignOutView(auth_views.LogoutView):
    pass
