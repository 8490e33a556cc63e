"""How child protection involves a user with a child, registered with ``access.involvement``: the chair of the
child's conferences reads the child's record from the day a conference they chaired is recorded until
``rules.CHAIR_DAYS_AFTER`` days after the last one, and for as long as a plan one of their conferences made or
reviewed stays open (the review conference they will chair next needs the record read beforehand). Reading only:
writing stays with the child's worker, team and managers (``rules.writing_refusal``)."""
from datetime import timedelta

from django.db.models import Q, QuerySet

from journey.access.involvement import register
from journey.accounts.models import Role
from journey.lib.dates import today

from .models import ChildProtectionConference
from .rules import CHAIR_DAYS_AFTER

CONFERENCE_CHAIR = "chair of the child's conferences"


@register(CONFERENCE_CHAIR, strength=35, child_field="child_id")
def conferences_chaired_by(user) -> QuerySet | None:
    if user.role != Role.CP_CHAIR:
        return None
    recent = Q(held_on__gte=today() - timedelta(days=CHAIR_DAYS_AFTER))
    plan_open = Q(plan__isnull=False, plan__ended_on__isnull=True)
    return ChildProtectionConference.objects.filter(recent | plan_open, chair=user)
