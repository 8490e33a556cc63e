"""Partner agencies' reports for a child protection conference: sent from the partner's own page while a conference
is awaited (an initial one an enquiry called, then the review of the plan), taken by the conference when it is
recorded, shown on the chronology under the agency and its author, listed in the subject access export; refused to
staff, when nothing is awaited, and field by field, with nothing saved."""
from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.chronology.materialise import stored_entries
from journey.lib.text import LONG_TEXT_MAX_LENGTH
from journey.protection.actions import complete_section_47, start_section_47
from journey.protection.conference_actions import Attendee, record_review_conference
from journey.protection.models import ConferenceReport
from journey.protection.report_actions import NOT_A_PARTNER, NOTHING_AWAITED, Report, conference_awaited, submit_conference_report
from tests.protection.test_protection_conferences import TODAY, conference, make_plan

pytestmark = pytest.mark.django_db
REPORT = Report(what_we_know="Two call-outs this year.", worries="Ruby was alone at night.", going_well="Gran helps after school.",
                shared_with_family=True)


def test_a_partner_sends_a_report_for_the_initial_conference_the_enquiry_called(enquiry, ruby, officer):
    assert conference_awaited(ruby).enquiry == enquiry
    sent = submit_conference_report(ruby, REPORT, acting_user=officer)
    assert (sent.enquiry, sent.plan, sent.conference, sent.agency, sent.author) == (enquiry, None, None, officer.agency, officer)
    assert sent.worries == "Ruby was alone at night." and sent.shared_with_family is True


def test_nothing_is_awaited_while_the_enquiry_is_open_or_found_no_conference_needed(discussion, ruby, officer, alice):
    started = start_section_47(discussion, started_on=TODAY, due_on=TODAY + timedelta(days=9), due_reason="Half term.", acting_user=alice)
    assert conference_awaited(ruby) is None
    with pytest.raises(ValidationError) as refused:
        submit_conference_report(ruby, REPORT, acting_user=officer)
    assert refused.value.messages == [NOTHING_AWAITED]
    complete_section_47(started, findings="No harm found.", concerns_substantiated=False, continuing_risk=False, conference_needed=False,
                        outcome_reasons="Concerns not substantiated.", completed_on=TODAY, child_seen=True, child_seen_alone=True, acting_user=alice)
    assert conference_awaited(ruby) is None and not ConferenceReport.objects.exists()


def test_staff_record_what_they_know_in_the_record_not_as_a_report(enquiry, ruby, alice):
    with pytest.raises(ValidationError) as refused:
        submit_conference_report(ruby, REPORT, acting_user=alice)
    assert refused.value.messages == [NOT_A_PARTNER]


def test_each_missing_answer_is_named_and_nothing_is_saved(enquiry, ruby, officer):
    with pytest.raises(ValidationError) as refused:
        submit_conference_report(ruby, Report(" ", "", "", None), acting_user=officer)
    assert set(refused.value.message_dict) == {"what_we_know", "worries", "going_well", "shared_with_family"}
    assert not ConferenceReport.objects.exists()


def test_a_report_over_its_bound_is_refused_by_name(enquiry, ruby, officer):
    with pytest.raises(ValidationError) as refused:
        submit_conference_report(ruby, Report("x" * (LONG_TEXT_MAX_LENGTH + 1), "Worry.", "Gran.", True), acting_user=officer)
    assert set(refused.value.message_dict) == {"what_we_know"}


def test_the_initial_conference_takes_the_reports_and_the_review_is_awaited_next(enquiry, ruby, officer, alice, chris, council):
    sent = submit_conference_report(ruby, REPORT, acting_user=officer)
    made = make_plan(enquiry, ruby, alice, chris, officer, council)
    sent.refresh_from_db()
    assert sent.conference == made and list(made.reports.all()) == [sent]
    awaited = conference_awaited(ruby)
    assert awaited.plan == made.plan and awaited.enquiry is None


def test_a_review_takes_the_reports_sent_before_it_began_and_leaves_later_ones_for_the_next(enquiry, ruby, officer, alice, chris, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    before = submit_conference_report(ruby, REPORT, acting_user=officer)
    later = submit_conference_report(ruby, REPORT, acting_user=officer)
    began = timezone.make_aware(datetime.combine(TODAY, time(10, 0)))
    ConferenceReport.objects.filter(pk=before.pk).update(submitted_at=began - timedelta(hours=1))  # sent an hour before it began
    ConferenceReport.objects.filter(pk=later.pk).update(submitted_at=began + timedelta(hours=1))  # and one sent during it
    review = record_review_conference(plan, child=ruby, record=conference(chris, decision="continue"),
                                      attendees=[Attendee("Alice Akers", council)], acting_user=alice)
    assert list(review.reports.all()) == [before]
    later.refresh_from_db()
    assert later.conference is None and later.plan == plan


def test_the_report_is_on_the_chronology_under_its_agency_and_author(enquiry, ruby, officer):
    submit_conference_report(ruby, REPORT, acting_user=officer)
    entry = next(e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "conference_report")
    assert entry.title == "Report for the initial child protection conference from Northfield Police"
    assert (entry.agency, entry.author) == ("Northfield Police", "Priya Patel")


def test_the_subject_access_export_lists_the_report_with_its_author_as_a_third_party(enquiry, ruby, officer):
    from journey.dataprotection.export_sections import conference_reports

    submit_conference_report(ruby, REPORT, acting_user=officer)
    section = conference_reports(ruby)
    written_by = next(f for f in section.items[0].fields if f.label == "Written by")
    assert section.items[0].title == "Report for a conference from Northfield Police" and written_by.value == "Priya Patel"
    assert written_by.redact.startswith("third party")
