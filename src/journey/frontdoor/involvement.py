"""How the front door involves a user with a child, registered with ``access.involvement``: the front door sees a
child while a contact linked to them awaits screening, and a partner agency sees (through its shared page) the
children it raised concerns about, never a restricted one."""
from django.db.models import QuerySet

from journey.access.involvement import PARTNER, register
from journey.access.rules import FRONT_DOOR, PARTNER_AGENCY, is_front_door

from .codes import ContactStatus
from .models import ContactChild


@register(FRONT_DOOR, strength=40, child_field="child_id")
def open_contacts_for(user) -> QuerySet | None:
    if not is_front_door(user):
        return None
    return ContactChild.objects.filter(child__isnull=False, contact__status=ContactStatus.AWAITING_SCREENING)


@register(PARTNER_AGENCY, strength=10, child_field="child_id", audience=PARTNER)
def raised_by_agency_of(user) -> QuerySet:
    """A restricted child (an adoptive placement, a staff member's family) is never shown to a partner agency, even
    one that raised a contact: what is shared could help trace the child."""
    return ContactChild.objects.filter(contact__agency_id=user.agency_id, child__isnull=False, child__is_restricted=False)
