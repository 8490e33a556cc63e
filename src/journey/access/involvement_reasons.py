"""The reasons access itself knows: an explicit grant by the child's manager, and break-glass."""
from django.db.models import Q, QuerySet

from .involvement import register
from .models import BreakGlass, ExplicitAccess
from .rules import BREAK_GLASS, EXPLICIT_ACCESS


@register(EXPLICIT_ACCESS, strength=50, child_field="child_id")
def granted_to(user) -> QuerySet:
    grantee = Q(user=user) | Q(team_id=user.team_id) if user.team_id else Q(user=user)
    return ExplicitAccess.objects.active().filter(grantee)


@register(BREAK_GLASS, strength=60, child_field="child_id")
def broken_glass_by(user) -> QuerySet:
    return BreakGlass.objects.active().filter(user=user)
