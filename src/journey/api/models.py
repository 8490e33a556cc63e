"""API tokens: how a partner system or a user's own script proves who it acts for.

Only a hash of each secret is stored; the secret is shown once, when the token is issued. A token always acts as
one user, so that every access rule applies to the API exactly as to the pages: a user token acts as that user, an
agency-system token acts as its agency's dedicated system user (a partner of that agency who cannot sign in).
"""
from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX_LENGTH = 8


class ApiToken(models.Model):
    """One issued token. Never deleted: revoking keeps the row, so the record of who held access stays."""

    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'Police MASH referral system'.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens",
        help_text="Who the token acts as: the user it was issued to, or for an agency-system token the agency's system user.",
    )
    agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="api_tokens",
        help_text="Set for an agency-system token: the partner agency whose system holds it. Empty for a user's token.",
    )
    prefix = models.CharField(
        max_length=PREFIX_LENGTH, unique=True,
        help_text="The secret's first 8 characters: shown in lists and used to revoke, never enough to use the token.",
    )
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret, in hex. The secret itself is never stored.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who issued it; empty when it was issued at the command line without naming the operator.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was issued.")
    last_used_at = models.DateTimeField(null=True, blank=True, help_text="When a request last presented it successfully.")
    expires_at = models.DateTimeField(help_text="When it stops working. Every token expires.")
    revoked_at = models.DateTimeField(null=True, blank=True, help_text="When it was revoked; empty while it may be used.")
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who revoked it; empty when it was revoked at the command line without naming the operator.",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}...)"

    @property
    def is_agency_system(self) -> bool:
        return self.agency_id is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def has_expired(self, at=None) -> bool:
        return self.expires_at <= (at or timezone.now())
