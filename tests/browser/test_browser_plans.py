"""Journey (d) of issue 13 in headless Debian Chromium: a worker writes a plan with the family, checks its reading
age, reviews it with the family's comment, and prints it for them; the earlier version stays readable. axe finds no
WCAG 2.2 AA failure on the plan pages."""
import io
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations


def fill_date(page, prefix: str, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{prefix}_{part}").fill(str(value))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_plan_is_written_reviewed_with_the_familys_comment_and_printed(sign_in, ruby, alice):
    worker = sign_in("alice")
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name="Plans").first.click()
    worker.get_by_role("link", name=re.compile("Write a plan")).first.click()

    # Alice writes it in the family's words, and checks how easy it is to read before saving.
    worker.get_by_label("Child in need plan").check()
    fill_date(worker, "started_on", today() - timedelta(days=30))
    worker.get_by_label("What are we worried about?").fill(
        "Ruby's mum has been unwell. Some days Ruby gets herself to school and there is no food in the house.")
    worker.get_by_label("What needs to change?").fill("Ruby needs a hot meal every day and to get to school on time.")
    worker.locator("#id_step_1_who").fill("Mum")
    worker.locator("#id_step_1_does_what").fill("See the GP about feeling low, and keep the appointment.")
    fill_date(worker, "step_1_by_when", today() + timedelta(days=14))
    worker.locator("#id_step_1_reason").fill("Mum asked for help now.")
    worker.get_by_label("What will happen if things do not change?").fill("We will meet again to talk about how to keep Ruby safe.")
    worker.get_by_role("button", name="Check reading age").click()
    expect(worker.locator("body")).to_contain_text(re.compile("reading age", re.I))
    found = {"plan form with reading age": violations(worker)}
    worker.get_by_role("button", name="Save plan").click()
    expect(worker.get_by_role("heading", level=1)).to_contain_text("plan")
    found["plan"] = violations(worker)

    # The review meeting: things are better, and mum says so in her own words.
    worker.get_by_role("link", name="Review the plan").click()
    fill_date(worker, "reviewed_on", today())
    worker.get_by_label("What has changed since the last version?").fill("Mum has seen the GP and Ruby has been on time every day.")
    worker.get_by_label("What does the family say about the plan? (optional)").fill("Mum said: I feel listened to this time.")
    found["review form"] = violations(worker)
    worker.get_by_role("button", name="Save review").click()
    expect(worker.locator("body")).to_contain_text("I feel listened to this time")

    # Version 1 is still there as it was agreed.
    worker.get_by_role("link", name="Version 1").click()
    expect(worker.locator("body")).to_contain_text("This is version 1, as it was agreed")
    expect(worker.locator("body")).not_to_contain_text("I feel listened to this time")
    worker.go_back()

    # The print for the family is a PDF with the family's comment, printed today.
    href = worker.get_by_role("link", name="Print for the family (PDF)").get_attribute("href")
    printed = worker.request.get(href)
    assert printed.status == 200 and printed.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(printed.body())).pages)
    assert "I feel listened to this time" in text and "Ruby" in text

    # The chronology tells it too.
    worker.goto(f"/children/{ruby.pk}/")
    expect(worker.locator("body")).to_contain_text("Child in need plan written")
    expect(worker.locator("body")).to_contain_text("Child in need plan reviewed (version 2)")
    assert {name: v for name, v in found.items() if v} == {}
