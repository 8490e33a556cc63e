"""In headless Chromium: a team manager authorises his worker's completed assessment with his reasons. Without
reasons the page refuses, naming the box; with them, the assessment shows them and Ruby's chronology says who
authorised it and why. axe finds no WCAG 2.2 AA failure on the pages on the way."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from journey.casework.actions import save_assessment, start_assessment
from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations

REASONS = "The analysis weighs what school and Ruby said against the worries; early help fits and Mum agrees."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_authorises_an_assessment_with_his_reasons(sign_in, mo, alice, ruby):
    assessment = start_assessment(ruby.episodes.get(), acting_user=alice, started_on=today() - timedelta(days=10),
                                  due_on=today() + timedelta(days=10), due_reason="School review next month.")
    save_assessment(assessment, acting_user=alice, complete=True, decision="early_help", developmental_needs_strengths="Settled at school.",
                    analysis="Ruby's needs can be met by early help with Mum's agreement.")

    manager = sign_in("mo")
    manager.goto(f"/casework/children/{ruby.pk}/assessments/{assessment.pk}/")
    found = {"assessment to authorise": violations(manager)}

    # Without reasons nothing is authorised, and the error names the box.
    manager.get_by_role("button", name="Authorise assessment").click()
    summary = manager.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your reasons for authorising the assessment")
    expect(manager).to_have_title(re.compile("^Error: "))
    found["authorise refused"] = violations(manager)
    expect(manager.locator("body")).to_contain_text("Not yet authorised")

    manager.get_by_label("Your reasons for authorising").fill(REASONS)
    manager.get_by_role("button", name="Authorise assessment").click()
    body = manager.locator("body")
    expect(body).to_contain_text("Assessment authorised")
    expect(body).to_contain_text(REASONS)
    found["authorised"] = violations(manager)

    manager.goto(f"/children/{ruby.pk}/")
    story = manager.locator("body")
    expect(story).to_contain_text("Assessment authorised")
    expect(story).to_contain_text(REASONS)
    assert {name: v for name, v in found.items() if v} == {}
