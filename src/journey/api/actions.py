"""Issuing and revoking API tokens. The secret is returned once, to be shown once; only its hash is kept."""
import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from journey.accounts.models import Agency, Role, User
from journey.audit.context import audited_action

from .models import PREFIX_LENGTH, ApiToken

# A token outlives no review of who should hold it: a year unless asked otherwise, three years at the most.
DEFAULT_DAYS = 365
MAX_DAYS = 3 * 365
SYSTEM_USERNAME_PREFIX = "system."
PREFIX_DRAWS = 5


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    """256 random bits, URL-safe (43 characters), so it travels in a header unchanged."""
    return secrets.token_urlsafe(32)


def system_username(agency: Agency) -> str:
    return f"{SYSTEM_USERNAME_PREFIX}{slugify(agency.name) or agency.pk}"[:150]


def system_user_for(agency: Agency) -> User:
    """The agency's dedicated system user: a partner of that agency who cannot sign in (no usable password), so
    that a system's token passes through the same access rules as any partner of the agency."""
    if agency.is_local_authority:
        raise ValidationError({"agency": f"{agency} is the local authority: issue a token to a named user instead"})
    username = system_username(agency)
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username, password=None, email="", role=Role.PARTNER, agency=agency,
            first_name=agency.name[:150], last_name="(system)", job_title="Partner agency system",
        )
    elif user.agency_id != agency.pk or user.role != Role.PARTNER or user.has_usable_password():
        raise ValidationError({"agency": f"The username {username} already belongs to someone else, so no system user was made"})
    elif not user.is_active:
        raise ValidationError({"agency": f"The system user {username} is deactivated; reactivate it before issuing a token"})
    return user


def _validate_days(days: int) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": f"A token must last between 1 and {MAX_DAYS} days"})


def _issue(*, name: str, user: User, agency: Agency | None, days: int, acting_user: User) -> tuple[ApiToken, str]:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter a name that says what the token is for"})
    if len(name) > ApiToken._meta.get_field("name").max_length:  # type: ignore[operator]
        raise ValidationError({"name": f"Name must be {ApiToken._meta.get_field('name').max_length} characters or fewer"})
    _validate_days(days)
    now = timezone.now()
    for _ in range(PREFIX_DRAWS):
        secret = new_secret()
        if ApiToken.objects.filter(prefix=secret[:PREFIX_LENGTH]).exists():
            continue  # another token already starts with these 8 characters (about 1 in 2**48): draw again
        token = ApiToken.objects.create(
            name=name, user=user, agency=agency, prefix=secret[:PREFIX_LENGTH], token_hash=hash_secret(secret),
            created_by=acting_user, created_at=now, expires_at=now + timedelta(days=days),
        )
        return token, secret
    raise RuntimeError("Could not draw an unused token prefix")  # only reachable with a broken random source


@audited_action
def create_user_token(user: User, *, name: str, days: int = DEFAULT_DAYS, acting_user: User) -> tuple[ApiToken, str]:
    """A token that acts as ``user``, under exactly the rules of their pages. Returns the token and its secret."""
    if not user.is_active:
        raise ValidationError({"user": f"{user.username} is deactivated, so cannot be given a token"})
    if user.username.startswith(SYSTEM_USERNAME_PREFIX) and not user.has_usable_password():
        raise ValidationError({"user": f"{user.username} is an agency's system user: issue an agency-system token instead"})
    return _issue(name=name, user=user, agency=None, days=days, acting_user=acting_user)


@audited_action
def create_agency_token(agency: Agency, *, name: str, days: int = DEFAULT_DAYS, acting_user: User) -> tuple[ApiToken, str]:
    """A token for a partner agency's system, acting as the agency's system user. Returns the token and its secret."""
    return _issue(name=name, user=system_user_for(agency), agency=agency, days=days, acting_user=acting_user)


@audited_action
def revoke_token(prefix: str, *, acting_user: User) -> ApiToken:
    """Stop a token working at once. Revoking twice keeps the first time."""
    token = ApiToken.objects.select_for_update().filter(prefix=prefix.strip()).first()
    if token is None:
        raise ValidationError({"prefix": f"No API token has the prefix {prefix.strip()!r}"})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = acting_user
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token
