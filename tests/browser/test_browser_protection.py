"""Issue 14's journey in headless Debian Chromium: a school's concern; the screener decides a strategy discussion; the
worker records it with the police and health; the section 47 enquiry finds the child at continuing risk; the police
officer sends her report for the initial conference from her own page; the conference makes a plan under neglect; the
core group meets; a review conference changes the category to emotional abuse; a later review ends the plan. The
child's chronology shows each step with its agency and author, and axe finds no WCAG 2.2 AA failure on the pages."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from journey.accounts.models import Agency, AgencyKind
from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations

POLICE, HEALTH, COUNCIL = "Northfield Police (Police)", "Northfield Community Health (Health)", "Northfield Children's Services (Children's social care)"


def fill_date(page, prefix: str, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{prefix}_{part}").fill(str(value))


def person(page, prefix: str, number: int, name: str, role: str, agency: str, email: str = "") -> None:
    page.locator(f"#id_{prefix}_{number}_name").fill(name)
    page.locator(f"#id_{prefix}_{number}_role").fill(role)
    page.locator(f"#id_{prefix}_{number}_agency").select_option(label=agency)
    if email:
        page.locator(f"#id_{prefix}_{number}_email").fill(email)


def review(page, *, starts: str, decision: str, category: str | None, reasons: str) -> None:
    fill_date(page, "held_on", today())
    page.get_by_label("Time it began").fill(starts)
    page.get_by_label("Who chaired the conference?").select_option(label="Chris Chen")
    person(page, "attendee", 1, "Alice Akers", "Social worker", COUNCIL)
    person(page, "attendee", 2, "Priya Patel", "Police constable", POLICE, "priya@example.invalid")
    page.get_by_label("Through their social worker").check()
    page.get_by_label("The child's views").fill("Ruby says home is calmer but she worries when Dad shouts.")
    page.get_by_label(decision).check()
    if category:
        page.get_by_label(category, exact=True).check()
    page.get_by_label("Reasons for the decision").fill(reasons)
    page.get_by_role("button", name="Save conference").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_school_concern_becomes_a_child_protection_plan_that_changes_and_ends(sign_in, officer, ruby, teacher, sam, alice, chris):
    Agency.objects.create(name="Northfield Community Health", kind=AgencyKind.HEALTH)
    found = {}
    at = (timezone.localtime() - timedelta(minutes=2)).strftime("%H:%M")

    # The school raises its concern; the screener links Ruby and decides a strategy discussion.
    school = sign_in("tess")
    school.get_by_role("link", name="Raise a new concern").click()
    school.get_by_label("First name", exact=True).fill("Ruby")
    school.get_by_label("Last name", exact=True).fill("Smith")
    fill_date(school, "date_of_birth", ruby.person.date_of_birth)
    school.get_by_label("What is the concern?").fill("Ruby has come to school hungry all week and has a mark on her neck she would not talk about.")
    school.get_by_role("button", name=re.compile("Send|Submit|Save|Record")).click()
    expect(school.locator(".govuk-panel")).to_be_visible()
    screener = sign_in("sam")
    screener.goto("/front-door/")
    screener.locator("tr", has_text="Oakfield Primary School").get_by_role("link").first.click()
    screener.get_by_role("button", name=re.compile("This is the child")).first.click()
    screener.get_by_label("Strategy discussion").check()
    screener.get_by_label("Reasons for the decision").fill("A mark on her neck and hunger: possible significant harm. Talk to police and health now.")
    screener.get_by_role("button", name=re.compile("Save|Record|Confirm|Decide")).click()

    # Alice records the strategy discussion with the police and health, from Ruby's page.
    worker = sign_in("alice")
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name=re.compile("Record a strategy discussion")).first.click()
    fill_date(worker, "held_at", today())
    worker.get_by_label("Time", exact=True).fill(at)
    person(worker, "participant", 1, "Alice Akers", "Social worker", COUNCIL)
    person(worker, "participant", 2, "Priya Patel", "Police constable", POLICE, "priya@example.invalid")
    person(worker, "participant", 3, "Hana Hill", "Health visitor", HEALTH)
    worker.get_by_label("What did each agency share?").fill("Police: two call-outs for shouting. Health: missed immunisations.")
    worker.get_by_label("Section 47 enquiry").check()
    worker.get_by_label("Reasons for the decision").fill("Unexplained mark and neglect: reasonable cause to suspect significant harm.")
    found["strategy discussion form"] = violations(worker)
    worker.get_by_role("button", name="Save discussion").click()
    found["strategy discussion"] = violations(worker)

    # The enquiry, started and completed: continuing risk, an initial conference needed.
    worker.get_by_role("link", name="Start the section 47 enquiry").click()
    fill_date(worker, "started_on", today())
    fill_date(worker, "due_on", today() + timedelta(days=10))
    worker.get_by_label("Why is this date right for this child?").fill("Before the school holidays, while school can see Ruby daily.")
    found["start enquiry"] = violations(worker)
    worker.get_by_role("button", name="Start enquiry").click()
    worker.get_by_label("What did the enquiry find?").fill("The mark was from a grip. Ruby is often without food and alone after school.")
    for question in ("child_seen", "child_seen_alone", "concerns_substantiated", "continuing_risk", "conference_needed"):
        worker.locator(f"input[name=complete-{question}][value=yes]").check()
    worker.get_by_label("Reasons for the outcome").fill("Neglect over months and a grip mark: Ruby is at continuing risk.")
    fill_date(worker, "complete-completed_on", today())
    found["enquiry"] = violations(worker)
    worker.get_by_role("button", name="Complete enquiry").click()
    expect(worker.get_by_role("link", name="Record the initial conference")).to_be_visible()

    # PC Patel sends the police report for the conference from her own page for Ruby.
    police = sign_in("priya")
    police.goto(f"/front-door/children/{ruby.pk}/shared/")
    police.get_by_role("link", name="Send your report for the conference").click()
    police.get_by_label("What does your agency know about the child and family?").fill("Two call-outs this year for shouting at home.")
    police.get_by_label("What is your agency worried about?").fill("Ruby was alone in the house at 11pm on one call-out.")
    police.get_by_label("What is going well for the child?").fill("Ruby's gran lives nearby and Ruby trusts her.")
    police.locator("input[name=shared_with_family][value=yes]").check()
    found["report form"] = violations(police)
    police.get_by_role("button", name="Send the report").click()
    expect(police.locator("body")).to_contain_text("Ruby was alone in the house at 11pm")
    found["report"] = violations(police)

    # The initial conference, chaired by Chris, reads the police report and makes a plan under neglect.
    worker.reload()
    worker.get_by_role("link", name="Record the initial conference").click()
    expect(worker.locator("body")).to_contain_text("Northfield Police: Priya Patel")
    fill_date(worker, "held_on", today())
    worker.get_by_label("Time it began").fill(at)
    worker.get_by_label("Who chaired the conference?").select_option(label="Chris Chen")
    person(worker, "attendee", 1, "Alice Akers", "Social worker", COUNCIL)
    person(worker, "attendee", 2, "Priya Patel", "Police constable", POLICE, "priya@example.invalid")
    worker.locator("#id_attendee_2_report").check()
    worker.get_by_label("Through an advocate").check()
    worker.get_by_label("The child's views").fill("I want there to be food at home.")
    worker.get_by_label("Child protection plan", exact=True).check()
    worker.get_by_label("Neglect", exact=True).check()
    worker.get_by_label("Reasons for the decision").fill("Neglect over months; Ruby is at continuing risk of significant harm.")
    worker.get_by_label("What are we worried about?").fill("Ruby is often hungry and alone after school.")
    worker.get_by_label("What needs to change?").fill("An adult at home after school and a meal every evening.")
    worker.get_by_label("What will happen if things do not change?").fill("We may ask the court to help keep Ruby safe.")
    worker.locator("#id_step_1_who").fill("Mum")
    worker.locator("#id_step_1_does_what").fill("Be home by 3:30 every school day.")
    fill_date(worker, "step_1_by_when", today() + timedelta(days=14))
    worker.locator("#id_step_1_reason").fill("Before the first core group.")
    found["initial conference form"] = violations(worker)
    worker.get_by_role("button", name="Save conference").click()
    expect(worker.get_by_role("heading", level=1)).to_contain_text("conference")
    expect(worker.locator("body")).to_contain_text("Northfield Police: Priya Patel")
    found["conference"] = violations(worker)

    # The core group meets: Mum, the school and the police, with the health visitor's apologies.
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name="Record a core group meeting").click()
    fill_date(worker, "held_on", today())
    worker.get_by_label("Time it began").fill(at)
    person(worker, "member", 1, "Alice Akers", "Social worker", COUNCIL)
    person(worker, "member", 2, "Tess Turner", "Designated safeguarding lead", "Oakfield Primary School (School)")
    person(worker, "member", 3, "Priya Patel", "Police constable", POLICE, "priya@example.invalid")
    person(worker, "member", 4, "Hana Hill", "Health visitor", HEALTH)
    worker.locator("#id_member_4_apologies").check()
    worker.get_by_label("What has changed against the plan?").fill("Mum is home by 3:30 most days; Ruby has had breakfast club all week.")
    worker.get_by_label("Decisions and next steps").fill("School to keep breakfast club going; Alice to visit after school next week.")
    found["core group form"] = violations(worker)
    worker.get_by_role("button", name="Save meeting").click()
    expect(worker.locator("body")).to_contain_text("breakfast club all week")
    found["core group meeting"] = violations(worker)

    # A review changes the category to emotional abuse; a later review ends the plan.
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name="Record a review conference").click()
    review(worker, starts=at, decision="The plan continues", category="Emotional abuse",
           reasons="Food and care are better; the shouting at home is now the main worry.")
    expect(worker.locator("body")).to_contain_text("Emotional abuse")
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name="Record a review conference").click()
    found["review conference form"] = violations(worker)
    review(worker, starts=at, decision="The plan ends", category=None, reasons="Six months of calm at home; the family works with early help.")
    expect(worker.locator("body")).to_contain_text("The plan ends")

    # The chronology tells each step, with its agency and author.
    worker.goto(f"/children/{ruby.pk}/")
    texts = [t.replace("\n", " ") for t in worker.locator(".journey-chronology__entry").all_inner_texts()]

    def entry(*words: str) -> str:
        return next(t for t in texts if all(word in t for word in words))

    assert "Oakfield Primary School" in entry("Contact from Oakfield Primary School", "Tess Turner")
    assert entry("Decision: Strategy discussion", "Sam Shah")
    assert "Northfield Children's Services" in entry("Strategy discussion", "Alice Akers")
    assert entry("Section 47 enquiry", "Alice Akers")
    assert "Northfield Police" in entry("Report for the initial child protection conference from Northfield Police", "Priya Patel")
    assert entry("Initial child protection conference", "neglect", "Alice Akers")
    assert entry("Core group meeting", "oakfield primary school", "Alice Akers")
    assert entry("Review child protection conference", "emotional abuse")
    assert entry("Review child protection conference", "the plan ends")
    # The chair's own page lists the conferences Chris chaired.
    chair = sign_in("chris")
    chair.goto("/protection/conferences/")
    expect(chair.locator("body")).to_contain_text("Ruby Smith")
    found["the chair's conferences"] = violations(chair)
    assert {name: v for name, v in found.items() if v} == {}
