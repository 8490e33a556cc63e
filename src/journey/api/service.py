"""The API for partner systems: one NinjaAPI, authenticated only by bearer tokens.

The OpenAPI schema (/api/openapi.json) and the interactive docs (/api/docs) are public: they describe the shape of
the API and hold no record, and a partner's developers need them before (and without) a sign-in of their own.
Every endpoint that touches a record needs a token.
"""
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI

from . import errors
from .auth import BearerToken
from .endpoints import children, contacts


class JourneyAPI(NinjaAPI):
    """Answers are never stored by a browser or a proxy: they are about children, and errors are no exception."""

    def create_response(self, request: HttpRequest, data, *args, **kwargs) -> HttpResponse:
        response = super().create_response(request, data, *args, **kwargs)
        add_never_cache_headers(response)
        return response


api = JourneyAPI(
    title="Journey API",
    version="1",
    description=(
        "Children's records for partner agency systems and council staff's scripts. Every endpoint applies exactly the "
        "rules of the pages. Authenticate with the header `Authorization: Bearer <token>`; session cookies are not "
        "accepted. Errors answer `{\"detail\": ...}`: 401 for a missing, wrong, expired or revoked token, 403 for a "
        "record you may not open (or that does not exist), 422 naming each field and the rule it broke, 413 for a "
        "body over the upload limit."
    ),
    auth=BearerToken(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", children.router)
api.add_router("", contacts.router)
errors.install(api)
