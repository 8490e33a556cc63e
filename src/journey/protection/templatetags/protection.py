"""Tags the child's journey page loads, so that the people app shows child protection work without importing it:
``{% strategy_discussion_action child episode %}`` in an open episode's actions, and
``{% protection_work child %}`` listing the child's strategy discussions, enquiries and conferences with their dates
(and, for those who record them, the way to a review conference of an open child protection plan). The page
that loads them has already logged its read of the child."""
from django import template

from journey.casework.codes import PlanKind
from journey.protection import rules
from journey.protection.codes import PROTECTION_EPISODES
from journey.protection.models import ChildProtectionConference, Section47Enquiry, StrategyDiscussion

register = template.Library()


@register.inclusion_tag("protection/_episode_action.html", takes_context=True)
def strategy_discussion_action(context, child, episode) -> dict:
    shown = episode.kind in PROTECTION_EPISODES and rules.can_write(context["request"].user, child)
    return {"shown": shown, "child": child, "episode": episode}


@register.inclusion_tag("protection/_protection_work.html", takes_context=True)
def protection_work(context, child) -> dict:
    open_plan = child.plans.filter(kind=PlanKind.CHILD_PROTECTION, ended_on__isnull=True).first()
    return {
        "child": child,
        "conferences": list(ChildProtectionConference.objects.filter(child=child).order_by("-held_on", "-starts_at", "-pk")[:10]),
        "review_plan": open_plan if open_plan is not None and rules.can_write(context["request"].user, child) else None,
        "discussions": list(StrategyDiscussion.objects.filter(child=child).order_by("-held_at", "-pk")[:10]),
        "enquiries": list(Section47Enquiry.objects.filter(child=child).prefetch_related("by_when_dates").order_by("-started_on", "-pk")[:10]),
    }
