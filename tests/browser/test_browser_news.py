"""Journey (b) of issue 13 in headless Debian Chromium: a police officer adds information about a child who has an
allocated worker; the worker sees it under "new for you" on her landing page, opens it (which marks it read) and
lands on the child's record, where the chronology shows it. axe finds no WCAG 2.2 AA failure on the news pages."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_police_officers_information_reaches_the_allocated_worker_under_new_for_you(sign_in, officer, ruby, alice):
    happened = today() - timedelta(days=1)

    # PC Patel tells us more about Ruby, whose contact her force raised; Ruby has a social worker, so it goes to her.
    police = sign_in("priya")
    police.goto(f"/front-door/children/{ruby.pk}/information/new/")
    police.get_by_label("What happened?").fill("Officers were called to Ruby's home again last night; Ruby was hiding upstairs.")
    police.locator("#id_happened_on_0").fill(str(happened.day))
    police.locator("#id_happened_on_1").fill(str(happened.month))
    police.locator("#id_happened_on_2").fill(str(happened.year))
    police.get_by_label("I saw or heard it myself").check()
    police.get_by_label("Not known").check()
    police.get_by_role("button", name="Send information").click()
    expect(police.locator("body")).to_contain_text("Alice Akers")

    # Alice lands on "My children": the police's information is at the top, unread.
    worker = sign_in("alice")
    panel = worker.locator("section", has=worker.get_by_role("heading", name=re.compile("New for you")))
    expect(panel).to_contain_text("Information from Northfield Police")
    expect(panel).to_contain_text("2 unread")
    found = {"my children with news": violations(worker)}

    # She opens it: it is marked read, and she is on Ruby's record, whose chronology shows what the police said.
    panel.get_by_role("link", name="Information from Northfield Police").click()
    expect(worker.get_by_role("heading", level=1)).to_contain_text("Ruby Smith")
    expect(worker.locator("body")).to_contain_text("hiding upstairs")
    worker.goto("/casework/")
    expect(worker.locator("section", has=worker.get_by_role("heading", name=re.compile("New for you")))).to_contain_text("1 unread")

    # The whole list shows it read; marking all read empties the landing page's list.
    worker.goto("/news/")
    expect(worker.get_by_role("table")).to_contain_text("Information from Northfield Police")
    found["new for you"] = violations(worker)
    worker.get_by_role("button", name="Mark all as read").click()
    expect(worker.locator("body")).to_contain_text("0 unread items")
    worker.goto("/casework/")
    expect(worker.locator("body")).to_contain_text("Nothing unread about your children.")
    assert {name: v for name, v in found.items() if v} == {}
