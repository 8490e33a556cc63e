"""Bearer-token authentication for the API. Session cookies are never accepted here: a browser's signed-in session
cannot call the API, so the API needs no CSRF protection and a forged cross-site request carries no authority."""
import hmac
import re

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from journey.accounts.models import User

from .actions import hash_secret
from .models import PREFIX_LENGTH, ApiToken

SECRET_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")  # what new_secret() draws from; nothing else reaches a query
NO_HASH = "0" * 64
NOT_VALID = "The API token is missing or not valid. Send it as the header 'Authorization: Bearer <token>'"


class TokenRejected(Exception):
    """The request gave a token that cannot be used; ``str()`` says why, without revealing any data."""


class BearerToken(HttpBearer):
    """Resolves ``Authorization: Bearer <secret>`` to the user the token acts as, and makes that the request's user."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        secret = token.strip()
        if len(secret) <= PREFIX_LENGTH or not SECRET_ALPHABET.fullmatch(secret):
            raise TokenRejected(NOT_VALID)
        found = ApiToken.objects.select_related("user").filter(prefix=secret[:PREFIX_LENGTH]).first()
        # Compared in constant time, and compared even when no token has the prefix, so that response timing
        # reveals nothing of the stored hash nor whether the prefix exists.
        matches = hmac.compare_digest(found.token_hash if found else NO_HASH, hash_secret(secret))
        if found is None or not matches:
            raise TokenRejected(NOT_VALID)
        now = timezone.now()
        if found.is_revoked:
            raise TokenRejected("This API token has been revoked. Ask the council for a new one")
        if found.has_expired(now):
            raise TokenRejected("This API token has expired. Ask the council for a new one")
        if not found.user.is_active:
            raise TokenRejected("The account this API token acts for has been deactivated")
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user  # whatever session cookie came with the request, the token decides who acts
        request.api_token = found  # type: ignore[attr-defined]
        return found.user
