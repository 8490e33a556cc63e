"""Tags the child's journey page loads, so that the people app shows child protection work without importing it:
``{% strategy_discussion_action child episode %}`` in an open episode's actions, and
``{% protection_work child %}`` listing the child's strategy discussions and enquiries with their dates. The page
that loads them has already logged its read of the child."""
from django import template

from journey.protection import rules
from journey.protection.codes import PROTECTION_EPISODES
from journey.protection.models import Section47Enquiry, StrategyDiscussion

register = template.Library()


@register.inclusion_tag("protection/_episode_action.html", takes_context=True)
def strategy_discussion_action(context, child, episode) -> dict:
    shown = episode.kind in PROTECTION_EPISODES and rules.can_write(context["request"].user, child)
    return {"shown": shown, "child": child, "episode": episode}


@register.inclusion_tag("protection/_protection_work.html")
def protection_work(child) -> dict:
    return {
        "child": child,
        "discussions": list(StrategyDiscussion.objects.filter(child=child).order_by("-held_at", "-pk")[:10]),
        "enquiries": list(Section47Enquiry.objects.filter(child=child).prefetch_related("by_when_dates").order_by("-started_on", "-pk")[:10]),
    }
