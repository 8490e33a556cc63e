"""A section 47 enquiry under way is work with a 'by when' on the manager's list (``casework.steps``): listed by
name once its worker's date has passed, and off the list once it is complete."""
from datetime import date, timedelta

from journey.casework import steps
from journey.casework.rules import teams_managed_by
from journey.protection.actions import start_section_47
from journey.protection.models import EnquiryByWhen


def _lacking(mo, ruby) -> list[str] | None:
    rows = [episode for episode in steps.undated_work(mo, teams_managed_by(mo)) if episode.child_id == ruby.pk]
    return steps.lacking(rows[0]) if rows else None


def test_an_enquiry_whose_by_when_has_passed_is_listed_and_one_dated_ahead_is_not(discussion, alice, mo, ruby):
    enquiry = start_section_47(discussion, started_on=date.today(), due_on=date.today() + timedelta(days=10), due_reason="Before half term.",
                               acting_user=alice)
    assert _lacking(mo, ruby) is None
    EnquiryByWhen.objects.create(enquiry=enquiry, due_on=date.today() - timedelta(days=1), reason="Moved.", set_by=alice)
    assert _lacking(mo, ruby) == ["Section 47 enquiry"]


def test_a_completed_enquiry_is_not_under_way(enquiry, mo, ruby):
    assert enquiry.is_complete
    assert _lacking(mo, ruby) == []  # nothing under way: the conference's plan is not written yet
