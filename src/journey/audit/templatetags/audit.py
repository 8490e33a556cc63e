"""``{% recent_reads child %}``: the last five looks at a child's record, for the journey page of a manager."""
from django import template

from journey.audit.views import can_view_audit
from journey.audit.views import recent_reads as latest_reads

register = template.Library()


@register.inclusion_tag("audit/_recent_reads.html", takes_context=True)
def recent_reads(context, child) -> dict:
    user = context.get("user") or getattr(context.get("request"), "user", None)
    allowed = user is not None and can_view_audit(user)
    return {"child": child, "allowed": allowed, "reads": latest_reads(child) if allowed else []}
