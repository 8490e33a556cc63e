from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.urls import include, path

from journey.accounts.admin import site as accounts_admin
from journey.accounts.views import start_page


@login_not_required
def home(request):
    if not request.user.is_authenticated:
        return redirect("accounts:sign-in")
    return redirect(start_page(request.user))


urlpatterns = [
    path("", home, name="home"),
    path("admin/", accounts_admin.urls),
    path("accounts/", include("journey.accounts.urls")),
    path("children/", include("journey.people.urls")),
    path("front-door/", include("journey.frontdoor.urls")),
    path("casework/", include("journey.casework.urls")),
    path("protection/", include("journey.protection.urls")),
    path("practice/", include("journey.practice.urls")),
    path("learning/", include("journey.learning.urls")),
    path("feedback/", include("journey.feedback.urls")),
    path("news/", include("journey.news.urls")),
    path("chronology/", include("journey.chronology.urls")),
    path("documents/", include("journey.documents.urls")),
    path("access/", include("journey.access.urls")),
    path("audit/", include("journey.audit.urls")),
    path("data-protection/", include("journey.dataprotection.urls")),
    path("api/", include("journey.api.urls")),
    path("", include("journey.operations.urls")),
]
