"""The API's routes. Every route is exempt from the sign-in redirect: the API answers 401 itself when no valid
token is given, and the schema and docs are public (see ``service``)."""
from django.contrib.auth.decorators import login_not_required

from .service import api

app_name = "api"
urlpatterns, _, _ = api.urls
for _pattern in urlpatterns:
    login_not_required(_pattern.callback)  # type: ignore[type-var]
