"""A plan in the subject access export: each version as it was agreed, with its steps, marked for redaction where
it may name someone else; a plan that names a parent is found for the parent's own request."""
from datetime import timedelta

import pytest

from journey.casework.plan_actions import PlanContent, Step, review_plan, write_plan
from journey.dataprotection.actions import record_subject_access_request
from journey.dataprotection.exporter import Redact
from journey.lib.dates import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(ruby, alice):
    plan = write_plan(ruby.episodes.get(), kind="child_in_need", started_on=today() - timedelta(days=30), acting_user=alice,
                      content=PlanContent(worries="Mornings are hard.", what_needs_to_change="School on time.", contingency="A meeting.",
                                          familys_comments="Jo says she will try."),
                      steps=[Step("Jo", "Walk Ruby to school.", today() + timedelta(days=7), "Before half term.")])
    review_plan(plan, reviewed_on=today(), acting_user=alice, steps=[Step("School", "Breakfast club.", today() + timedelta(days=7), "Now.")],
                content=PlanContent(worries="Better.", what_needs_to_change="Keep going.", contingency="A meeting.", review_note="On time."))
    return ruby


def _export(client, dee, person) -> dict:
    sar = record_subject_access_request(person, acting_user=dee, requested_by_name="The person", received_on=today())
    return client.get(f"/data-protection/sar/{sar.pk}/export.json").json()


def _items(data: dict, kind: str) -> list[dict]:
    return next(s for s in data["sections"] if s["kind"] == kind)["items"]


def test_each_version_of_a_plan_is_exported_with_its_steps(client_for, dee, planned):
    items = _items(_export(client_for(dee), dee, planned.person), "plans")

    assert [item["title"] for item in items] == ["Child in need plan", "Child in need plan, version 1", "Child in need plan, version 2"]
    first = {f["label"]: f for f in items[1]["fields"]}
    assert first["What the family said"]["value"] == "Jo says she will try." and first["What the family said"]["redact"] == {"reason": Redact.FREE_TEXT}
    assert "Jo will: Walk Ruby to school." in first["Step 1"]["value"]
    assert "School will: Breakfast club." in {f["label"]: f for f in items[2]["fields"]}["Step 1"]["value"]


def test_a_plan_that_names_a_parent_is_in_her_own_export(client_for, dee, planned, family):
    items = _items(_export(client_for(dee), dee, family["jo"]), "named_in_other_records")

    assert any(f["value"] == "Jo says she will try." for item in items for f in item["fields"])
