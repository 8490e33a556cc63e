"""The subject access export carries a manager's reasons for authorising an assessment: they are part of the record
of decisions about the child, which the person asking is entitled to see."""
from datetime import timedelta

from journey.casework.actions import authorise_assessment, save_assessment, start_assessment
from journey.dataprotection.actions import record_subject_access_request
from journey.lib.dates import today

REASONS = "The analysis weighs the school's view against Mum's; early help fits what Ruby told us."


def test_the_export_carries_the_managers_reasons_for_authorising(client_for, dee, alice, mo, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=10),
                                  due_reason="Soon.")
    save_assessment(assessment, acting_user=alice, complete=True, decision="early_help",
                    developmental_needs_strengths="Settled at school.", analysis="Early help fits.")
    authorise_assessment(assessment, reasons=REASONS, acting_user=mo)
    sar = record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="The person", received_on=today())

    data = client_for(dee).get(f"/data-protection/sar/{sar.pk}/export.json").json()

    section = next(s for s in data["sections"] if s["kind"] == "assessments")
    found = {f["label"]: f["value"] for item in section["items"] for f in item["fields"]}
    assert (found["Authorised by"], found["Manager's reasons for authorising"]) == ("Mo Malik", REASONS)


def test_an_assessment_not_yet_authorised_has_no_reasons_to_export(client_for, dee, alice, ruby):
    start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today() + timedelta(days=10), due_reason="Soon.")
    sar = record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="The person", received_on=today())

    data = client_for(dee).get(f"/data-protection/sar/{sar.pk}/export.json").json()

    section = next(s for s in data["sections"] if s["kind"] == "assessments")
    found = {f["label"]: f["value"] for item in section["items"] for f in item["fields"]}
    assert found.get("Manager's reasons for authorising", "") in ("", "Not recorded")
