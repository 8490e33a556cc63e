"""Tags the child's journey page loads, so that the people app shows child protection work without importing it:
``{% strategy_discussion_action child episode %}`` in an open episode's actions, and
``{% protection_work child %}`` listing the child's strategy discussions, enquiries and conferences with their dates
(and, for those who record them, the way to a review conference and a core group meeting of an open child protection
plan); and ``{% plan_protection child plan %}`` on casework's plan page, a child protection plan's conferences,
category history and core group meetings. The page that loads them has already logged its read of the child."""
from django import template

from journey.casework.codes import PlanKind
from journey.codelists import lookup
from journey.protection import rules
from journey.protection.codes import CATEGORY_LIST, PROTECTION_EPISODES
from journey.protection.models import ChildProtectionConference, CoreGroupMeeting, Section47Enquiry, StrategyDiscussion

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
        "core_groups": list(CoreGroupMeeting.objects.filter(child=child).order_by("-held_on", "-starts_at", "-pk")[:10]),
        "review_plan": open_plan if open_plan is not None and rules.can_write(context["request"].user, child) else None,
        "discussions": list(StrategyDiscussion.objects.filter(child=child).order_by("-held_at", "-pk")[:10]),
        "enquiries": list(Section47Enquiry.objects.filter(child=child).prefetch_related("by_when_dates").order_by("-started_on", "-pk")[:10]),
    }


@register.inclusion_tag("protection/_plan_protection.html", takes_context=True)
def plan_protection(context, child, plan) -> dict:
    """A child protection plan's own protection work, on casework's plan page: its conferences, its category from
    the first to the latest (``PlanCategoryChange``), its core group meetings, and for those who record them the way
    to the next review conference and core group meeting. Nothing for any other kind of plan."""
    if plan.kind != PlanKind.CHILD_PROTECTION:
        return {"shown": False}
    changes = list(plan.category_changes.select_related("conference").order_by("from_date", "pk"))
    return {
        "shown": True, "child": child, "plan": plan,
        "conferences": list(plan.conferences.order_by("held_on", "starts_at", "pk")),
        "history": [(change, lookup.label(CATEGORY_LIST, change.category)) for change in changes],
        "core_groups": list(plan.core_group_meetings.order_by("-held_on", "-starts_at", "-pk")),
        "can_record": plan.is_open and rules.can_write(context["request"].user, child),
    }
