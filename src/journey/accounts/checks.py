"""Start-up checks for account settings that cannot be checked in settings.py itself (the roles live in models)."""
from django.conf import settings
from django.core.checks import Error


def check_required_two_factor_roles(app_configs, **kwargs) -> list[Error]:
    """A misspelt role in JOURNEY_REQUIRE_2FA_ROLES would silently require nothing; refuse to start instead."""
    from .models import Role

    unknown = [role for role in settings.JOURNEY_REQUIRE_2FA_ROLES if role not in Role.values]
    if not unknown:
        return []
    return [
        Error(
            f"JOURNEY_REQUIRE_2FA_ROLES names roles that do not exist: {', '.join(unknown)}",
            hint=f"Use these values, separated by commas: {', '.join(Role.values)}",
            id="journey.accounts.E001",
        )
    ]
