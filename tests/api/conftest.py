"""API fixtures: tokens issued with the same actions the ``journey api_token`` command uses, and a client that
sends one as ``Authorization: Bearer <secret>``."""
import pytest

from journey.api.actions import create_agency_token, create_user_token


@pytest.fixture
def user_token(admin_user):
    """``user_token(alice)``: the secret of a token that acts as Alice, issued by Ada the administrator."""

    def issue(user, **kwargs) -> str:
        return create_user_token(user, name=f"{user.username}'s script", acting_user=admin_user, **kwargs)[1]

    return issue


@pytest.fixture
def agency_token(admin_user):
    """``agency_token(police)``: the secret of a token for the police's system, acting as its system user, issued
    by Ada the administrator."""

    def issue(agency, **kwargs) -> str:
        return create_agency_token(agency, name=f"{agency.name} system", acting_user=admin_user, **kwargs)[1]

    return issue


class BearerClient:
    """The test client, sending a bearer token with every request and JSON bodies as JSON."""

    def __init__(self, client, secret: str | None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, url: str, data=None, **kwargs):
        return self.client.get(url, data, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def post(self, url: str, body=None, **kwargs):
        kwargs.setdefault("content_type", "application/json")
        return self.client.post(url, body, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)


@pytest.fixture
def api(client):
    """``api(secret)``: a client that calls the API with that token (``api(None)`` sends none)."""
    return lambda secret: BearerClient(client, secret)
