"""Section 47 enquiries as work under way for casework's list of work without a "by when" (``casework.steps``): an
enquiry is dated ahead while the latest date its worker set is today or later."""
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery

from journey.casework.steps import register

from .models import EnquiryByWhen, Section47Enquiry


@register("Section 47 enquiry")
def enquiries(on: date) -> tuple[QuerySet, QuerySet]:
    latest = EnquiryByWhen.objects.filter(enquiry=OuterRef("pk")).order_by("-set_at", "-pk").values("due_on")[:1]
    under_way = Section47Enquiry.objects.filter(completed_on__isnull=True)
    return under_way, under_way.annotate(latest_due_on=Subquery(latest)).filter(latest_due_on__gte=on)
