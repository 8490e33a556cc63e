"""What the access rules add to a child's pages: the break-glass notice for the child's managers."""
from datetime import timedelta

from django import template
from django.utils import timezone

from journey.access.models import BreakGlass
from journey.access.rules import is_in_manager_line

register = template.Library()

NOTICE_DAYS = 30


@register.simple_tag(takes_context=True)
def break_glass_notice(context, child) -> dict:
    """Recent break-glass uses of the child's record, for the child's managers; and, for someone reading under
    break-glass, when their access ends."""
    user = context["request"].user
    since = timezone.now() - timedelta(days=NOTICE_DAYS)
    uses = []
    if is_in_manager_line(user, child):
        uses = list(BreakGlass.objects.filter(child=child, at__gte=since).select_related("user"))
    mine = BreakGlass.objects.active().filter(child=child, user=user).order_by("-expires_at").first() if user.is_authenticated else None
    return {"uses": uses, "mine": mine, "days": NOTICE_DAYS}
