"""The audit log: one append-only, hash-chained row for every read and write of the record.

Each event carries an HMAC-SHA256, under the audit key (see keys.py), of a canonical JSON of all its fields plus
the hash of the event before it, so that editing a row (its hash no longer matches), deleting one (a gap in the
sequence) or forging the order (a previous hash that does not match) is found by ``journey audit_verify``, even
when the editor recomputes the hashes, since the key is not in the database. Deleting events from the end, or the
whole chain, is found against the anchors that ``journey audit_anchor`` keeps outside it (see anchors.py). Rows
are refused updates and deletes three times over: by ``save()``/``delete()`` here, by the queryset, and by a
database trigger (see triggers.py).
"""
import json
from datetime import UTC
from typing import Any

from django.conf import settings
from django.db import models

from .keys import event_hash

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit event through Django."""


class Action(models.TextChoices):
    READ = "read", "Read"
    CREATE = "create", "Added"
    UPDATE = "update", "Changed"
    DELETE = "delete", "Removed"
    BREAK_GLASS = "break_glass", "Break-glass access"
    EXPORT = "export", "Export"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGN_OUT = "sign_out", "Signed out"
    LOCKED_OUT = "locked_out", "Account locked"
    REFUSED = "refused", "Refused (no access)"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events are append-only: they cannot be updated.")

    def delete(self):
        raise AppendOnlyError("Audit events are append-only: they cannot be deleted.")


def canonical(event) -> str:
    """The exact text the hash covers: every field but the hash itself, keys sorted, times in UTC ISO 8601.

    A function of any object with the event's attributes, so that a migration's historical model hashes alike."""
    document: dict[str, Any] = {
        "sequence": event.sequence,
        "at": event.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "user_id": event.user_id,
        "role": event.role,
        "team": event.team,
        "action": event.action,
        "child_id": event.child_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "what": event.what,
        "reason": event.reason,
        "ip_address": event.ip_address,
        "before": event.before,
        "after": event.after,
        "previous_hash": event.previous_hash,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class AuditEvent(models.Model):
    """Who did what to which record, when and from where; written in the same transaction as the change."""

    objects = AuditEventQuerySet.as_manager()

    sequence = models.PositiveBigIntegerField(
        unique=True, help_text="Position in the chain: 1, 2, 3... with no gaps; a gap means an event was deleted."
    )
    at = models.DateTimeField(help_text="When it happened (set when the event joins the chain).")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who acted; empty for the system itself (a command, a migration) or an unknown sign-in name.",
    )
    role = models.CharField(max_length=20, blank=True, help_text="The user's role at the time, kept as it was then.")
    team = models.CharField(max_length=120, blank=True, help_text="The user's team at the time, kept as it was then.")
    action = models.CharField(max_length=20, choices=Action.choices, help_text="What kind of event it was.")
    child = models.ForeignKey(
        "people.Child", null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events",
        help_text="The child whose record this concerns, if any.",
    )
    object_type = models.CharField(max_length=100, blank=True, help_text="The kind of object, as 'app_label.model'.")
    object_id = models.CharField(max_length=64, blank=True, help_text="The object's primary key, as text.")
    what = models.CharField(max_length=200, blank=True, help_text="What was looked at or done, e.g. 'journey page'.")
    reason = models.TextField(blank=True, help_text="Why, where the user had to say (e.g. a break-glass reason).")
    ip_address = models.GenericIPAddressField(null=True, blank=True, help_text="The address the request came from.")
    before = models.JSONField(null=True, blank=True, help_text="Changed fields' values before a write (secrets redacted).")
    after = models.JSONField(null=True, blank=True, help_text="Changed fields' values after a write (secrets redacted).")
    previous_hash = models.CharField(max_length=64, help_text="The hash of the event before this one in the chain.")
    hash = models.CharField(
        max_length=64, help_text="HMAC-SHA256, under the audit key, of this event's canonical JSON and previous_hash."
    )

    class Meta:
        ordering = ["-sequence"]
        verbose_name_plural = "audit events"
        indexes = [models.Index(fields=["child", "-sequence"], name="audit_child_newest")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events are append-only: they cannot be updated.")
        if not self.hash:
            raise AppendOnlyError("Audit events join the chain through journey.audit.chain.append, not save().")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are append-only: they cannot be deleted.")

    def canonical(self) -> str:
        return canonical(self)

    def compute_hash(self, key: bytes | None = None) -> str:
        """This event's hash under the audit key (or ``key``, for a test playing someone with the wrong one)."""
        return event_hash(canonical(self), key)

    @property
    def object_label(self) -> str:
        """A readable name for the kind of object, e.g. 'visit'."""
        from django.apps import apps

        try:
            return str(apps.get_model(self.object_type)._meta.verbose_name)
        except (LookupError, ValueError):
            return self.object_type

    @property
    def role_label(self) -> str:
        from journey.accounts.models import Role

        return Role(self.role).label if self.role in Role.values else self.role

    @property
    def changed_fields(self) -> list[str]:
        return sorted(set(self.before or {}) | set(self.after or {}))

    @property
    def description(self) -> str:
        """One line for the "who has looked" page."""
        if self.action in (Action.CREATE, Action.DELETE):
            return f"{self.get_action_display()} {self.object_label}"
        if self.action == Action.UPDATE:
            return f"{self.get_action_display()} {self.object_label}: {', '.join(f.replace('_', ' ') for f in self.changed_fields)}"
        if self.what:
            return f"{self.get_action_display()}: {self.what}" if self.action != Action.READ else self.what
        return self.get_action_display()


class AuditChainHead(models.Model):
    """The chain's last sequence and hash, in one row that every append locks, so that two appends can never fork
    the chain. It also lets the verifier notice events deleted from the end of the chain; a database trigger
    refuses to delete the row or move it backwards (triggers.py), and the anchors outside the database catch
    whoever gets past that."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, help_text="Always 1: there is one chain.")
    sequence = models.PositiveBigIntegerField(default=0, help_text="The sequence of the last event appended.")
    hash = models.CharField(max_length=64, default=GENESIS_HASH, help_text="The hash of the last event appended.")

    class Meta:
        verbose_name = "audit chain head"
