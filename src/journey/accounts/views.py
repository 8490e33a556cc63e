from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator

from .forms import SignInForm


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        from django.urls import reverse

        if self.request.user.is_partner:
            return reverse("frontdoor:new-contact")
        return reverse("casework:my-children")


class SignOutView(auth_views.LogoutView):
    pass
