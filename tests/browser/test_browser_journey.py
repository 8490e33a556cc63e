"""A real journey in headless Debian Chromium, through the pages a school, a screener and a social worker use.

A school raises a concern about a child who already has history; the front door screener finds and links the
existing child, and decides to refer; the allocated social worker records a visit with the child seen alone; the
child's chronology then shows the school's contact, the decision and the visit, each with its agency and author.
"""
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_school_concern_joins_the_childs_existing_story(sign_in, ruby, teacher, sam, alice):
    dob = ruby.person.date_of_birth

    # The school's designated safeguarding lead raises a concern, spelling the child's name as the school knows it.
    school = sign_in("tess")  # lands on the concerns she has raised, and raises a new one from there
    school.get_by_role("link", name="Raise a new concern").click()
    expect(school.get_by_role("heading", level=1)).to_contain_text("concern")
    expect(school.get_by_label("Referrer's name (optional)")).to_have_value("Tess Turner")
    school.get_by_label("First name", exact=True).fill("Rubie")
    school.get_by_label("Last name", exact=True).fill("Smith")
    school.locator("#id_date_of_birth_0").fill(str(dob.day))
    school.locator("#id_date_of_birth_1").fill(str(dob.month))
    school.locator("#id_date_of_birth_2").fill(str(dob.year))
    school.get_by_label("Postcode (optional)", exact=True).fill("nf1 2ab")
    school.get_by_label("Referrer's name (optional)").fill("Tess Turner")
    school.get_by_label("Their role (optional)").fill("Designated safeguarding lead")
    school.get_by_label("What is the concern?").fill("Ruby came to school with a bruise on her arm and said she was scared to go home.")
    school.get_by_role("button", name=re.compile("Send|Submit|Save|Record")).click()
    expect(school.locator(".govuk-panel")).to_be_visible()

    # The screener opens the contact, sees Ruby's history at once, and links the existing record.
    screener = sign_in("sam")
    screener.goto("/front-door/")
    screener.locator("tr", has_text="Oakfield Primary School").get_by_role("link").first.click()
    expect(screener.get_by_text("Ruby Smith").first).to_be_visible()
    expect(screener.locator("body")).to_contain_text("Northfield Police")
    screener.get_by_role("button", name=re.compile("This is the child")).first.click()
    expect(screener.locator("body")).to_contain_text("What happens next?")
    screener.get_by_label("Referral to children's social care").check()
    screener.get_by_label("Reasons for the decision").fill("Second concern this year; bruise and fear of going home. Refer for assessment.")
    screener.get_by_role("button", name=re.compile("Save|Record|Confirm|Decide")).click()
    expect(screener.locator("body")).to_contain_text("Sam Shah")

    # The allocated social worker finds Ruby on her caseload and records a visit on one page.
    worker = sign_in("alice")
    worker.get_by_role("link", name=re.compile("Ruby Smith")).first.click()
    worker.get_by_role("link", name="Record a visit").click()
    now = timezone.localtime() - timedelta(minutes=5)
    worker.locator("#id_visited_at_0").fill(str(now.day))
    worker.locator("#id_visited_at_1").fill(str(now.month))
    worker.locator("#id_visited_at_2").fill(str(now.year))
    worker.get_by_label("Time of visit").fill(now.strftime("%H:%M"))
    worker.locator("input[name=child_seen][value=yes]").check()
    worker.locator("input[name=child_seen_alone][value=yes]").check()
    worker.locator("textarea[name=childs_words]").fill("I want my mum to stop shouting.")
    worker.get_by_role("button", name=re.compile("Save|Record")).click()

    # Ruby's one chronology now tells the story across agencies, newest first (the visit, minutes before the school
    # rang, sits below the contact and decision: order follows when things happened, not when they were typed).
    expect(worker.locator("h1")).to_contain_text("Ruby Smith")
    entries = worker.locator(".journey-chronology__entry")
    texts = [t.replace("\n", " ") for t in entries.all_inner_texts()]
    visit = next(i for i, t in enumerate(texts) if "Visit: child seen alone" in t and "Alice Akers" in t)
    decision = next(i for i, t in enumerate(texts) if "Decision: Referral" in t and "Sam Shah" in t)
    contact = next(i for i, t in enumerate(texts) if "Contact from Oakfield Primary School" in t and "Tess Turner" in t)
    stamps = entries.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert stamps == sorted(stamps, reverse=True), "the chronology is newest first"
    assert len({visit, decision, contact}) == 3
    assert "Northfield Children's Services" in texts[visit] and "Northfield Children's Services" in texts[decision]
    assert "re-referral within 12 months" in texts[decision]
    assert "Oakfield Primary School" in texts[contact]
    assert ruby.person.pk == ruby.pk and ruby.contact_links.count() == 2
