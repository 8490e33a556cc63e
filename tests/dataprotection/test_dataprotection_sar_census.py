"""The subject access export carries what the census asks of a child's record: who made the referral, the
primary need and what the assessment found, the former UPN, why a UPN is unknown and the date of death."""
from datetime import timedelta

from journey.casework.actions import save_assessment, start_assessment
from journey.dataprotection.actions import record_subject_access_request
from journey.lib.dates import today
from journey.people.actions import update_child_details


def _fields(data: dict, kind: str) -> dict[str, str]:
    section = next(s for s in data["sections"] if s["kind"] == kind)
    return {f["label"]: f["value"] for item in section["items"] for f in item["fields"]}


def test_the_export_holds_the_census_details_of_the_child(client_for, dee, alice, ruby):
    died = today() - timedelta(days=1)
    update_child_details(ruby, acting_user=alice, upn_unknown_reason="UN6", date_of_death=died)
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today(), due_on=today(), due_reason="Soon.")
    save_assessment(assessment, acting_user=alice, complete=True, decision="child_in_need", primary_need="N4", factors=["3B"],
                    developmental_needs_strengths="Settled at school.", analysis="Mum needs support.")
    sar = record_subject_access_request(ruby.person, acting_user=dee, requested_by_name="The person", received_on=today())

    data = client_for(dee).get(f"/data-protection/sar/{sar.pk}/export.json").json()

    identity = _fields(data, "identity")
    assert identity["Why the UPN is unknown"] == "Child is not looked after, and the local authority cannot obtain the UPN"
    assert identity["Former UPN"] == "Not recorded"
    assert _fields(data, "referrals")["Who made the referral, as the census records it"] == "Police"
    found = _fields(data, "assessments")
    assert (found["Primary need"], found["What we found"]) == ("Family in acute stress", "Domestic abuse: a parent or carer is the subject")
