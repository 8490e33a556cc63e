"""Changes to who may see a child: explicit grants given and withdrawn by the child's managers, and break-glass."""
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.audit.log import record
from journey.audit.models import Action
from journey.lib.dates import today

from .models import BreakGlass, ExplicitAccess
from .rules import can_break_glass, can_manage_grants, involvement

MIN_REASON_LENGTH = 10
DEFAULT_BREAK_GLASS_HOURS = 4


def break_glass_hours() -> int:
    """How long emergency access lasts: ``JOURNEY_BREAK_GLASS_HOURS`` (default 4)."""
    return int(getattr(settings, "JOURNEY_BREAK_GLASS_HOURS", DEFAULT_BREAK_GLASS_HOURS))


def reason_error(reason: str, what: str) -> str | None:
    """The message for a missing or too-short reason, or None when it will do."""
    cleaned = reason.strip()
    if not cleaned:
        return f"Enter {what}"
    if len(cleaned) < MIN_REASON_LENGTH:
        return f"{what[0].upper()}{what[1:]} must be at least {MIN_REASON_LENGTH} characters"
    return None


@audited_action
def grant_access(child, *, acting_user, reason: str, user=None, team=None, expires_on: date | None = None) -> ExplicitAccess:
    """Give one local authority user, or one team, access to the child's record, until withdrawn or ``expires_on``."""
    if not can_manage_grants(acting_user, child):
        raise ValidationError("Only the manager of the child's allocated team can give access to this record")
    errors = {}
    if (user is None) == (team is None):
        errors["user"] = "Enter a username or choose a team, not both"
    elif user is not None and (not user.is_active or user.is_partner):
        errors["user"] = "Access can only be given to an active local authority user"
    elif user is not None and user.pk == acting_user.pk:
        errors["user"] = "You cannot give yourself access: another manager of the child's team must"
    if error := reason_error(reason, "why they need access"):
        errors["reason"] = error
    if expires_on is not None and expires_on < today():
        errors["expires_on"] = "Last day of access must be today or in the future"
    if errors:
        raise ValidationError(errors)
    same = ExplicitAccess.objects.active().filter(child=child, user=user, team=team)
    if same.exists():
        raise ValidationError({"user" if user else "team": f"{user or team} already has access to this record"})
    return ExplicitAccess.objects.create(
        child=child, user=user, team=team, reason=reason.strip(), granted_by=acting_user, expires_on=expires_on
    )


@audited_action
def revoke_access(grant: ExplicitAccess, *, acting_user) -> ExplicitAccess:
    """Withdraw a grant now. The grant stays on record, marked withdrawn, by whom and when."""
    grant = ExplicitAccess.objects.select_for_update().get(pk=grant.pk)
    if not can_manage_grants(acting_user, grant.child):
        raise ValidationError("Only the manager of the child's allocated team can withdraw access to this record")
    if grant.revoked_at is not None:
        raise ValidationError("This access was already withdrawn")
    grant.revoked_at = timezone.now()
    grant.revoked_by = acting_user
    grant.save(update_fields=["revoked_at", "revoked_by"])
    return grant


@audited_action
def break_glass(child, *, acting_user, reason: str, request=None) -> BreakGlass:
    """Open a record in an emergency for a few hours, stating why; shown to the child's managers and reported
    daily to the Caldicott guardian. ``request`` tells the audit log where it came from."""
    if not can_break_glass(acting_user):
        raise ValidationError("Your role cannot open a record in an emergency")
    if error := reason_error(reason, "the reason for emergency access"):
        raise ValidationError({"reason": error})
    if involvement(acting_user, child) is not None:
        raise ValidationError("You already have access to this record")
    now = timezone.now()
    use = BreakGlass.objects.create(
        user=acting_user, child=child, reason=reason.strip(), at=now, expires_at=now + timedelta(hours=break_glass_hours())
    )
    record(Action.BREAK_GLASS, user=use.user, child=use.child, obj=use, what="break-glass", reason=use.reason, request=request)
    return use
