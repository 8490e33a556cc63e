"""The subject access export: every kind of record, third-party information marked (never dropped), every read logged."""
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from journey.accounts.models import Role, Team, TeamKind
from journey.audit.models import AuditEvent
from journey.casework.actions import start_assessment, write_case_note
from journey.casework.models import Plan
from journey.chronology.actions import record_significant_event
from journey.dataprotection.actions import record_information_share, record_subject_access_request
from journey.dataprotection.exporter import Redact
from journey.documents.actions import attach_document
from journey.feedback.actions import Subject, record_feedback, respond_to_feedback
from journey.learning.audit_actions import record_practitioner_view
from journey.learning.review_actions import commission_review, mark_episode, write_finding
from journey.learning.review_timeline import timeline_of
from journey.lib.dates import today
from journey.practice.actions import Decision, Discussion, record_supervision
from journey.practice.models import UnitMeeting, UnitMeetingEntry
from journey.protection.actions import Participant, complete_section_47, record_strategy_discussion, start_section_47
from journey.protection.conference_actions import Attendee, Conference, record_initial_conference
from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
from journey.protection.report_actions import Report, submit_conference_report
from tests.conftest import make_user
from tests.learning.audits import a_round, an_audit

KINDS = ["identity", "relationships", "households", "contacts", "decisions", "referrals", "episodes", "assessments",
         "strategy_discussions", "section_47_enquiries", "conferences", "core_group_meetings",
         "supervision_decisions", "unit_meeting_entries", "feedback", "case_audits", "case_reviews",
         "conference_reports", "plans", "visits", "case_notes", "documents", "significant_events", "information_shares", "named_in_other_records"]


@pytest.fixture
def full_record(police, ruby, alice, mo, helen, family):
    """Ruby with something of every kind on her record."""
    episode = ruby.episodes.get()
    start_assessment(episode, acting_user=alice, started_on=episode.started_on, due_on=today(), due_reason="Before the review")
    Plan.objects.create(child=ruby, episode=episode, kind="child_in_need", started_on=episode.started_on,
                        what_needs_to_change="Jo to attend the parenting group.", author=alice)
    note = write_case_note(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(days=2), subject="Call with school", text="Teacher says Ruby is settled.")
    attach_document(note, SimpleUploadedFile("school letter.txt", b"Ruby is settled in class."), description="From her teacher", acting_user=alice)
    record_significant_event(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(days=3), description="Grandad died.")
    record_information_share(ruby, acting_user=alice, shared_with_agency=police, shared_with_person="DS Khan, CID",
                             what_was_shared="Dates of incidents", lawful_basis="ca1989_s47", reason="Strategy discussion", shared_on=today())
    discussion = record_strategy_discussion(
        episode, held_at=timezone.now() - timedelta(days=1), what_was_shared="Dates of incidents.", decision="section_47",
        reasons="Possible significant harm.", acting_user=alice, participants=[Participant("DS Khan", police, "CID")],
    )
    enquiry = start_section_47(discussion, started_on=today(), due_on=today(), due_reason="Before the review", acting_user=alice)
    complete_section_47(enquiry, findings="Bruising.", concerns_substantiated=True, continuing_risk=False, conference_needed=True,
                        outcome_reasons="Agencies to meet.", completed_on=today(), child_seen=True, child_seen_alone=True, acting_user=alice)
    chair = make_user("chris", Role.CP_CHAIR, alice.agency, None, "Chris", "Chen", "Child protection chair")
    khan = make_user("khan", Role.PARTNER, police, None, "Dev", "Khan", "Detective sergeant")
    submit_conference_report(ruby, Report("Two call-outs.", "Bruising seen by officers.", "Gran helps.", True), acting_user=khan)
    record_initial_conference(
        enquiry, child=ruby, acting_user=alice, attendees=[Attendee("DS Khan", police, "CID")],
        record=Conference(held_on=today(), starts_at=time(10), chair=chair, child_heard="social_worker", childs_views="I miss Grandad.",
                          parents_views="Jo agrees to help.", decision="no_plan", category="", reasons="Safe with the help agreed."),
    )
    cp_plan = Plan.objects.create(child=ruby, episode=episode, kind="child_protection", started_on=today(), what_needs_to_change="An adult at home.",
                                  author=alice)
    record_core_group_meeting(cp_plan, child=ruby, acting_user=alice, members=[Member("DS Khan", police, "CID")],
                              record=Meeting(held_on=today(), starts_at=time(15), progress="Mum home after school.", decisions="Carry on."))
    auditor = make_user("audra", Role.AUDITOR, alice.agency, None, "Audra", "Adams", "Case auditor")
    record_practitioner_view(an_audit(a_round(mo, [auditor]).sample.get(child=ruby), auditor), talked_through_on=today(),
                             view="Fair: the dates came late.", acting_user=alice)
    record_supervision(practitioner=alice, held_on=today(), acting_user=mo, discussions=[Discussion(
        ruby, happening="Jo is grieving.", feelings="I dread these visits.", decisions=[Decision("Visit weekly", "Attendance fell.", alice)])])
    unit = Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=alice.agency)
    meeting = UnitMeeting.objects.create(unit=unit, held_on=today(), recorded_by=mo)
    UnitMeetingEntry.objects.create(meeting=meeting, child=ruby, discussed="Ruby misses Grandad.", agreed="Memory box", responsible=alice)
    complaint = record_feedback(ruby, subject=Subject("other", None, "Calls"), source="parent_carer", kind="complaint", received_on=today(),
                                said="Nobody rang Jo back.", themes=["communication"], acting_user=alice)
    respond_to_feedback(complaint, response="Mo rang Jo.", responded_on=today(), outcome="upheld", close=True, acting_user=mo)
    review = commission_review(ruby, reason="serious_harm", terms_of_reference="How was the police history shared?",
                               period_from=today() - timedelta(days=30), period_to=today(), acting_user=helen)
    episode = mark_episode(review, title="The police contact", what_happened="Screened in a day.", why_it_made_sense="Repeat incidents.",
                           entry_keys=[timeline_of(review).first().key], factors=[("workload", "Twelve contacts waited.")], acting_user=helen)
    write_finding(review, title="History is lost between agencies", pattern="One incident at a time.", evidence="", episodes=[episode], acting_user=helen)
    return ruby


@pytest.fixture
def sar_for(dee):
    def make(person):
        return record_subject_access_request(person, acting_user=dee, requested_by_name="The person", received_on=today())
    return make


def _export(client, sar) -> dict:
    response = client.get(f"/data-protection/sar/{sar.pk}/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="subject-access-request-{sar.pk}.json"'
    return response.json()


def _fields(data: dict, kind: str) -> list[dict]:
    section = next(s for s in data["sections"] if s["kind"] == kind)
    return [f for item in section["items"] for f in item["fields"]]


def test_it_exports_every_kind_of_record_about_a_child(client_for, dee, full_record, sar_for):
    data = _export(client_for(dee), sar_for(full_record.person))
    assert [s["kind"] for s in data["sections"]] == KINDS
    for kind in KINDS[:-1]:
        assert _fields(data, kind), f"nothing exported under {kind}"
    assert data["subject"] == {"name": "Ruby Smith", "date_of_birth": full_record.date_of_birth.isoformat(), "is_child": True}


def test_it_exports_supervision_decisions_but_never_the_practitioners_reflections(client_for, dee, full_record, sar_for):
    data = _export(client_for(dee), sar_for(full_record.person))
    rows = {f["label"]: f["value"] for f in _fields(data, "supervision_decisions")}
    assert rows["Decision"] == "Visit weekly" and rows["Why"] == "Attendance fell." and rows["Responsible"] == "Alice Akers"
    assert "I dread these visits" not in str(data) and "Jo is grieving" not in str(data)


def test_it_exports_what_was_discussed_about_the_child_at_unit_meetings(client_for, dee, full_record, sar_for):
    rows = {f["label"]: f for f in _fields(_export(client_for(dee), sar_for(full_record.person)), "unit_meeting_entries")}
    assert rows["Discussed"]["value"] == "Ruby misses Grandad." and rows["Discussed"]["redact"] == {"reason": Redact.FREE_TEXT}
    assert rows["Agreed"]["value"] == "Memory box" and rows["Who will do it"]["value"] == "Alice Akers" and rows["Unit"]["value"] == "Social Work Unit: Oak"


def test_it_exports_feedback_with_its_response_and_outcome_marking_the_words_for_review(client_for, dee, full_record, sar_for):
    rows = {f["label"]: f for f in _fields(_export(client_for(dee), sar_for(full_record.person)), "feedback")}
    assert rows["Kind"]["value"] == "Complaint" and rows["Themes"]["value"] == "Communication" and rows["Outcome"]["value"] == "Upheld"
    assert rows["What they said"]["value"] == "Nobody rang Jo back." and rows["What they said"]["redact"] == {"reason": Redact.FREE_TEXT}
    assert rows["Response"]["value"] == "Mo rang Jo." and rows["Responded by"]["value"] == "Mo Malik"


def test_it_exports_each_case_audit_with_its_grades_and_the_practitioners_view(client_for, dee, full_record, sar_for):
    rows = {f["label"]: f for f in _fields(_export(client_for(dee), sar_for(full_record.person)), "case_audits")}
    assert rows["Overall grade"]["value"] == "Good" and rows["Recording: grade"]["value"] == "Good"
    assert rows["What needs to change"]["value"] == "The plan needs dates."
    assert rows["The practitioner's view"]["redact"] == {"reason": Redact.FREE_TEXT}


def test_it_exports_a_case_review_of_the_childs_case_but_not_its_episodes_or_findings(client_for, dee, full_record, sar_for):
    data = _export(client_for(dee), sar_for(full_record.person))
    rows = {f["label"]: f["value"] for f in _fields(data, "case_reviews")}
    assert rows["Why"] == "A child seriously harmed" and rows["Terms of reference"] == "How was the police history shared?"
    assert rows["Commissioned by"] == "Helen Hughes"
    assert "Twelve contacts waited" not in str(data) and "History is lost between agencies" not in str(data)


def test_it_lists_each_document_without_its_contents(client_for, dee, full_record, sar_for):
    data = _export(client_for(dee), sar_for(full_record.person))
    listed = {f["label"]: f for f in _fields(data, "documents")}
    assert (listed["File name"]["value"], listed["Type"]["value"], listed["Size in bytes"]["value"]) == ("school letter.txt", "Text", "25")
    assert listed["Description"]["redact"] == {"reason": Redact.FREE_TEXT}
    assert "Ruby is settled in class." not in str(data)


def test_it_marks_the_referrer_and_the_concern_for_redaction(client_for, dee, full_record, sar_for):
    contact = {f["label"]: f for f in _fields(_export(client_for(dee), sar_for(full_record.person)), "contacts")}
    assert contact["Referrer's name"]["value"] == "DC Green"
    assert contact["Referrer's name"]["redact"] == {"reason": Redact.REFERRER}
    assert contact["Reason for concern"]["redact"] == {"reason": Redact.CONCERN}
    assert contact["From"]["redact"] is None


def test_it_marks_other_family_members_and_free_text(client_for, dee, full_record, sar_for):
    data = _export(client_for(dee), sar_for(full_record.person))
    relatives = {f["value"]: f["redact"] for f in _fields(data, "relationships") if f["label"] == "The other person"}
    assert relatives == {"Jo Smith": {"reason": Redact.FAMILY_MEMBER}, "Max Smith": {"reason": Redact.OTHER_CHILD}}
    members = [f for f in _fields(data, "households") if f["label"] == "Other member"]
    assert {f["redact"]["reason"] for f in members} == {Redact.HOUSEHOLD_MEMBER}
    visit = {f["label"]: f for f in _fields(data, "visits")}
    assert visit["What the practitioner saw and heard"]["redact"] == {"reason": Redact.FREE_TEXT}
    share = {f["label"]: f for f in _fields(data, "information_shares")}
    assert share["Person who received it"]["redact"] == {"reason": Redact.RECIPIENT}
    assert data["marked_for_redaction"]["total"] == sum(data["marked_for_redaction"]["by_reason"].values()) > 0


def test_it_exports_an_adult_with_the_childrens_records_that_name_them(client_for, dee, family, sar_for):
    data = _export(client_for(dee), sar_for(family["jo"]))
    assert data["subject"]["is_child"] is False
    assert "contacts" not in {s["kind"] for s in data["sections"]}
    named = next(s for s in data["sections"] if s["kind"] == "named_in_other_records")
    found = {f["label"]: f for item in named["items"] for f in item["fields"]}
    assert found["The child whose record it is"] == {"label": "The child whose record it is", "value": "Max Smith", "redact": {"reason": Redact.OTHER_CHILD}}
    assert found["Who was present"]["value"] == "Jo Smith (mother)"
    assert found["Who was present"]["redact"] == {"reason": Redact.ANOTHER_CHILDS_RECORD}


def test_it_logs_each_export_as_a_read_of_the_childs_record(client_for, dee, ruby, sar_for):
    sar = sar_for(ruby.person)
    client = client_for(dee)
    client.get(f"/data-protection/sar/{sar.pk}/")
    client.get(f"/data-protection/sar/{sar.pk}/export.json")
    reads = AuditEvent.objects.filter(action="read", user=dee, child=ruby, what="subject access export")
    assert reads.count() == 2
    sar.refresh_from_db()
    assert sar.exported_by == dee and sar.exported_at is not None


def test_it_logs_a_read_of_each_related_childs_record_the_export_draws_on(client_for, dee, family, sar_for):
    _export(client_for(dee), sar_for(family["jo"]))
    assert AuditEvent.objects.filter(action="read", user=dee, child=family["max"], what__startswith="subject access export").exists()


def test_it_shows_the_export_as_a_printable_page_with_marks(client_for, dee, full_record, sar_for):
    sar = sar_for(full_record.person)
    response = client_for(dee).get(f"/data-protection/sar/{sar.pk}/")
    assert response.status_code == 200
    assert "Information held about Ruby Smith" in response.text
    assert "Check before release: third party: referrer" in response.text
    assert "Police called to a domestic incident" in response.text
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_it_builds_the_export_in_the_same_number_of_queries_however_many_contacts(police, ruby, sam, dee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from journey.dataprotection.exporter import build_export
    from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
    from journey.people.models import Child

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_export(ruby.person, user=dee, children=Child.objects.all(), record_read=lambda child: None)
        return len(captured.captured_queries)

    before = queries()
    for n in range(5):
        contact = record_contact(acting_user=sam, agency=police, concern=f"Concern {n}", children=[NamedChild("Ruby", "Smith")])
        link_contact_to_child(contact.children_named.get(), ruby, acting_user=sam)
    assert queries() == before


def test_it_exports_a_closure_proposal_and_the_managers_reasons_with_the_episode(client_for, dee, ruby, alice, mo, sar_for):
    from journey.casework.actions import agree_closure, propose_closure

    proposal = propose_closure(ruby.episodes.get(), ended_on=today(), reason="needs_met", acting_user=alice, note="Settled at school.")
    agree_closure(proposal, reasons="The plan's changes have held for three months.", acting_user=mo)
    rows = {f["label"]: f["value"] for f in _fields(_export(client_for(dee), sar_for(ruby.person)), "episodes")}
    assert rows["Closure proposed"].endswith(f"by Alice Akers: {proposal.get_reason_display()}, ending {today():%-d %B %Y}")
    assert rows["Why the closure was proposed"] == "Settled at school."
    assert rows["Manager's answer"].startswith("Agreed by Mo")
    assert rows["Manager's reasons"] == "The plan's changes have held for three months."
