"""Journey (a) of issue 13 in headless Debian Chromium: a worker records one visit to two sisters, a phone call with
the letter it was about attached, and her mother's new partner joining the household; both children's chronologies
and the genogram show them.
axe finds no WCAG 2.2 AA failure on the pages on the way."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from journey.casework.actions import open_episode
from journey.casework.codes import EpisodeKind
from journey.casework.models import CaseNote
from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations
from tests.people.family_world import family  # noqa: F401  (a fixture: Ruby, her mother Jo and her sister Mia at home)

LETTER = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def fill_date(page, prefix: str, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{prefix}_{part}").fill(str(value))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_worker_records_a_visit_to_two_sisters_a_phone_call_and_a_new_partner(sign_in, family, alice, sam):  # noqa: F811
    ruby, mia = family.ruby, family.mia
    open_episode(mia, EpisodeKind.CHILD_IN_NEED, started_on=today() - timedelta(days=20), acting_user=sam, worker=alice)
    worker = sign_in("alice")
    # Yesterday's morning, so the times are in the past whenever the suite runs.
    yesterday = today() - timedelta(days=1)

    # One visit to the Smith household, seeing Ruby alone and Mia with her mum.
    worker.goto(f"/casework/children/{ruby.pk}/visits/household/new/")
    fill_date(worker, "visited_at", yesterday)
    worker.locator("#id_visited_time").fill("09:30")
    worker.get_by_label("Where did the visit take place?").fill("Home")
    worker.locator("#id_who_was_present").fill("Jo (mum), Ruby and Mia")
    worker.get_by_label(re.compile("Mia Smith")).check()
    worker.locator(f"input[name='child_{ruby.pk}_seen'][value='yes']").check()
    worker.locator(f"input[name='child_{ruby.pk}_seen_alone'][value='yes']").check()
    worker.locator(f"#id_child_{ruby.pk}_words").fill("Mum's friend Dan is nice. He made pancakes.")
    worker.locator(f"input[name='child_{mia.pk}_seen'][value='yes']").check()
    worker.locator(f"input[name='child_{mia.pk}_seen_alone'][value='no']").check()
    worker.locator(f"#id_child_{mia.pk}_words").fill("Showed me her drawing of the family, with Dan in it.")
    worker.locator("#id_observations").fill("Warm home; food in the cupboards; Jo says Dan moved in last week.")
    worker.locator("#id_next_steps").fill("Meet Dan; check with the police about him.")
    found = {"household visit": violations(worker)}
    worker.get_by_role("button", name="Save visit").click()
    expect(worker.locator("body")).to_contain_text("Mum's friend Dan is nice")

    # A phone call from the school, the same morning.
    worker.goto(f"/casework/children/{ruby.pk}/notes/new/phone-call/")
    fill_date(worker, "occurred_at", yesterday)
    worker.locator("#id_occurred_time").fill("11:15")
    worker.get_by_label("They called me").check()
    worker.get_by_label("Who was the call with?").fill("Tess Turner, Oakfield Primary")
    worker.get_by_label("What was said?").fill("Ruby was cheerful today and ate all her lunch.")
    found["phone call"] = violations(worker)
    worker.get_by_role("button", name="Save").click()
    expect(worker.locator("body")).to_contain_text("Phone call from Tess Turner, Oakfield Primary")

    # The school's letter about it, attached to the call; the name says PDF, and so do its bytes.
    call = CaseNote.objects.get(child=ruby, kind="phone_call")
    worker.goto(f"/casework/children/{ruby.pk}/notes/{call.pk}/")
    worker.get_by_role("link", name="Attach a document").click()
    worker.get_by_label("Upload a file").set_input_files({"name": "school letter.pdf", "mimeType": "application/pdf", "buffer": LETTER})
    worker.get_by_label("Description (optional)").fill("Letter from Oakfield Primary confirming Ruby's attendance.")
    found["attach a document"] = violations(worker)
    worker.get_by_role("button", name="Attach document").click()
    expect(worker.get_by_role("table")).to_contain_text("school letter.pdf")

    # Dan Price, Jo's new partner, joins the household.
    worker.goto(f"/children/{ruby.pk}/family/add/")
    worker.get_by_label("First name").fill("Dan")
    worker.get_by_label("Last name").fill("Price")
    worker.get_by_label(re.compile("approximate age")).fill("34")
    worker.get_by_label("Male", exact=True).check()
    worker.get_by_label("How are they related to the child?").select_option("parents_partner")
    worker.get_by_label("They live with the child now").check()
    fill_date(worker, "joined_on", today())
    found["add to the family"] = violations(worker)
    worker.get_by_role("button", name="Add to the family").click()

    # Ruby's story has all three, in order, and the genogram draws Dan in her household.
    worker.goto(f"/children/{ruby.pk}/?order=oldest")
    story = worker.locator("body")
    expect(story).to_contain_text("Visit: child seen alone")
    expect(story).to_contain_text("Phone call from Tess Turner, Oakfield Primary")
    expect(story).to_contain_text("Document attached: school letter.pdf")
    expect(story).to_contain_text("Dan Price (parent's partner) joined the household")
    expect(worker.locator("svg").first).to_contain_text("Dan Price")
    found["ruby's journey"] = violations(worker)

    # Mia's story has the same visit, with her own words, seen but not alone.
    worker.goto(f"/children/{mia.pk}/")
    expect(worker.locator("body")).to_contain_text("Visit: child seen")
    expect(worker.locator("body")).to_contain_text("Showed me her drawing of the family")
    assert {name: v for name, v in found.items() if v} == {}
