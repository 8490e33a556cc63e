"""What a practitioner adds to a chronology: a significant event, or a flag on an entry that is significant."""
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action

from .models import SignificanceFlag, SignificantEvent


@audited_action
def record_significant_event(child, *, acting_user, occurred_at: datetime, description: str) -> SignificantEvent:
    errors = {}
    if not description.strip():
        errors["description"] = "Enter what happened"
    if occurred_at > timezone.now():
        errors["occurred_at"] = "Date must be today or in the past"
    if errors:
        raise ValidationError(errors)
    return SignificantEvent.objects.create(child=child, occurred_at=occurred_at, description=description.strip(), recorded_by=acting_user)


@audited_action
def flag_entry_significant(child, entry_key: str, *, acting_user, reason: str) -> SignificanceFlag:
    from .read import entry_on

    if not reason.strip():
        raise ValidationError({"reason": "Enter why this entry is significant"})
    if entry_on(child, entry_key) is None:
        raise ValidationError({"entry_key": "That entry is not on this child's chronology"})
    flag, _ = SignificanceFlag.objects.update_or_create(
        child=child, entry_key=entry_key, defaults={"reason": reason.strip(), "flagged_by": acting_user}
    )
    return flag
