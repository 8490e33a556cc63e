"""How child protection involves a user with a child, registered with ``access.involvement``. The chair of the
child's conferences reads the child's record from the day a conference they chaired is recorded until
``rules.CHAIR_DAYS_AFTER`` days after the last one, and for as long as a plan one of their conferences made or
reviewed stays open (the review conference they will chair next needs the record read beforehand). Reading only:
writing stays with the child's worker, team and managers (``rules.writing_refusal``). A partner who took part in
the child's strategy discussion or was invited to a conference opens the child's shared page for a while after
(``protection_work_of``)."""
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from journey.access.involvement import PARTNER, register
from journey.accounts.models import Role
from journey.lib.dates import today

from .models import ChildProtectionConference, ConferenceAttendee, CoreGroupMember, StrategyParticipant
from .rules import CHAIR_DAYS_AFTER

CONFERENCE_CHAIR = "chair of the child's conferences"


@register(CONFERENCE_CHAIR, strength=35, child_field="child_id")
def conferences_chaired_by(user) -> QuerySet | None:
    if user.role != Role.CP_CHAIR:
        return None
    recent = Q(held_on__gte=today() - timedelta(days=CHAIR_DAYS_AFTER))
    plan_open = Q(plan__isnull=False, plan__ended_on__isnull=True)
    return ChildProtectionConference.objects.filter(recent | plan_open, chair=user)


PROTECTION_PARTNER = "took part in the child's strategy discussion, conferences or core group"
PARTNER_DISCUSSION_DAYS = 92  # a section 47 enquiry and the initial conference it may call fall well within this


@register(PROTECTION_PARTNER, strength=15, child_field="pk", audience=PARTNER)
def protection_work_of(user) -> QuerySet | None:
    """A partner who took part in a child's strategy discussion, or was invited to one of their conferences or core
    group meetings, opens the child's shared page (to see the outcome and send a report for the conference to come):
    for ``PARTNER_DISCUSSION_DAYS`` after the discussion, and after a conference or core group meeting for
    ``CHAIR_DAYS_AFTER`` days or while the plan it made, reviewed or met about is open. Never a restricted child, as
    for every partner."""
    from journey.people.models import Child

    if user.agency_id is None:
        return None
    discussed = StrategyParticipant.objects.filter(
        user=user, discussion__held_at__gte=timezone.now() - timedelta(days=PARTNER_DISCUSSION_DAYS),
    ).values("discussion__child_id")
    invited = ConferenceAttendee.objects.filter(user=user).filter(
        Q(conference__held_on__gte=today() - timedelta(days=CHAIR_DAYS_AFTER)) | Q(conference__plan__isnull=False, conference__plan__ended_on__isnull=True)
    ).values("conference__child_id")
    in_core_group = CoreGroupMember.objects.filter(user=user).filter(
        Q(meeting__held_on__gte=today() - timedelta(days=CHAIR_DAYS_AFTER)) | Q(meeting__plan__ended_on__isnull=True)
    ).values("meeting__child_id")
    return Child.objects.filter(Q(pk__in=discussed) | Q(pk__in=invited) | Q(pk__in=in_core_group), is_restricted=False)
