"""Journey (c) of issue 13 in headless Debian Chromium: a team manager takes new work from the team's queue and
allocates it to a practitioner chosen by caseload, then agrees a closure his worker proposed; both children's
chronologies show what happened and who did it. axe finds no WCAG 2.2 AA failure on the pages on the way."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.lib.dates import today
from journey.people.actions import create_child
from tests.browser.test_browser_accessibility import violations


@pytest.fixture
def jamie(sam, school, team_a):
    """Jamie Khan, 6: the front door referred him to Team A yesterday; nobody is allocated yet."""
    child = create_child(acting_user=sam, first_name="Jamie", last_name="Khan", date_of_birth=today() - timedelta(days=6 * 366),
                         address_line_1="3 Mill Lane", town="Northfield", postcode="NF1 3AB")
    contact = record_contact(
        acting_user=sam, agency=school, concern="Jamie has come to school hungry every day this week.",
        children=[NamedChild("Jamie", "Khan", child.person.date_of_birth)], received_at=timezone.now() - timedelta(days=1, hours=2),
    )
    link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="referral", rationale="Neglect indicators; needs an assessment.", team=team_a,
                   decided_at=timezone.now() - timedelta(days=1))
    return child


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_allocates_from_the_queue_and_agrees_a_closure(sign_in, mo, alice, bea, ruby, jamie):
    # Mo starts his day on the team's queue: Jamie's referral has waited a day for a worker.
    manager = sign_in("mo")
    expect(manager.get_by_role("heading", level=1)).to_have_text("Team queue")
    waiting = manager.get_by_role("table", name=re.compile("Work not yet allocated"))
    expect(waiting).to_contain_text("Jamie Khan")
    expect(waiting).to_contain_text("1 day")
    found = {"team queue": violations(manager)}

    # He allocates it to Bea, who holds fewer children than Alice: the choice shows each caseload.
    waiting.get_by_role("link", name=re.compile("Allocate")).click()
    choice = manager.get_by_label("Lead practitioner")
    expect(choice.locator("option", has_text="Alice Akers")).to_contain_text("1 child")
    found["allocate"] = violations(manager)
    choice.select_option(value=str(bea.pk))
    manager.get_by_role("button", name="Allocate").click()
    expect(manager.get_by_role("heading", level=1)).to_contain_text("Jamie Khan")
    expect(manager.locator("body")).to_contain_text("Allocated to Bea Brown (Assessment Team A)")
    manager.goto("/casework/team/")
    expect(manager.locator("body")).to_contain_text("No work is waiting for allocation.")

    # Alice proposes closing Ruby's episode: her needs are met.
    worker = sign_in("alice")
    worker.goto(f"/casework/children/{ruby.pk}/episodes/{ruby.episodes.get().pk}/close/")
    worker.locator("#id_ended_on_0").fill(str(today().day))
    worker.locator("#id_ended_on_1").fill(str(today().month))
    worker.locator("#id_ended_on_2").fill(str(today().year))
    worker.get_by_label("Needs met: no further help required").check()
    worker.get_by_label(re.compile("Anything more")).fill("Mum is engaging with the family hub; school report Ruby settled.")
    found["propose closure"] = violations(worker)
    worker.get_by_role("button", name="Propose closing the episode").click()
    expect(worker.locator("body")).to_contain_text("Closure of the child in need episode proposed")

    # Mo agrees it from his queue; the episode closes and Ruby's chronology says who proposed and who agreed.
    manager.goto("/casework/team/")
    closures = manager.get_by_role("table", name=re.compile("Closures proposed"))
    expect(closures).to_contain_text("Ruby Smith")
    closures.get_by_role("link", name=re.compile("Agree or send back")).click()
    found["closure answer"] = violations(manager)
    manager.get_by_label("Agree the closure").check()
    manager.get_by_label("If you are agreeing it, your reasons").fill("Ruby is settled at school and Mum is using the family hub.")
    manager.get_by_role("button", name="Save your decision").click()
    expect(manager.get_by_role("heading", level=1)).to_contain_text("Ruby Smith")
    story = manager.locator("body")
    expect(story).to_contain_text("Closure of the child in need episode agreed")
    expect(story).to_contain_text("Ruby is settled at school and Mum is using the family hub.")
    expect(story).to_contain_text("Child in need episode closed")
    manager.goto("/casework/team/")
    expect(manager.locator("body")).to_contain_text("No closure is waiting for you.")
    assert {name: v for name, v in found.items() if v} == {}
