"""Who has looked at a child's record: every read and change of it, for the managers who answer for it."""
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from journey.access.fetch import get_child_for_staff
from journey.access.rules import NoAccess
from journey.accounts.models import Role
from journey.lib.keyset import keyset_page

from .models import Action, AuditEvent

PAGE_SIZE = 50
# Those who answer for a record or for the service's use of records; each still needs to be able to open the child.
AUDIT_VIEWER_ROLES = frozenset({
    Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.CALDICOTT_GUARDIAN, Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR,
})


def can_view_audit(user) -> bool:
    """Managers, the Caldicott guardian, the data protection officer and administrators may see who has looked at
    a record, if they can open that record themselves (``get_child_for_staff`` decides that)."""
    return user.is_authenticated and user.is_active and user.role in AUDIT_VIEWER_ROLES


def events_for(child) -> QuerySet[AuditEvent]:
    """Reads and changes of ``child``'s record, newest first."""
    return AuditEvent.objects.filter(child=child).select_related("user").order_by("-sequence")


def recent_reads(child, limit: int = 5) -> list[AuditEvent]:
    return list(events_for(child).filter(action__in=[Action.READ, Action.BREAK_GLASS])[:limit])


@require_GET
def child_reads(request: HttpRequest, child_id: int) -> HttpResponse:
    if not can_view_audit(request.user):
        raise NoAccess
    child = get_child_for_staff(request, child_id, what="who has looked")
    events = events_for(child)
    # Keyset pages: each look at this page adds an event at the top, which would shift numbered pages under the reader.
    page = keyset_page(events, ("-sequence",), size=PAGE_SIZE, after=request.GET.get("older"), before=request.GET.get("newer"))
    return render(request, "audit/child_reads.html", {"child": child, "page": page, "total": events.count()})
