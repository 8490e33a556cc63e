"""Every page a user meets has no WCAG 2.2 A or AA failures that axe-core can detect, including pages showing errors.

axe-core finds only part of what WCAG asks (roughly a third); keyboard and screen-reader checks by a person still
matter. What it finds, it finds reliably, so a regression here fails the build.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.casework.managers import tariq  # noqa: F401  (a fixture: Team B's manager)
from tests.people.family_world import family  # noqa: F401  (a fixture: Ruby's family, at home and elsewhere)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, "resultTypes": ["violations"]}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_practitioner_pages_have_no_detectable_wcag_failures(sign_in, ruby, alice):
    page = sign_in("alice")
    episode = ruby.episodes.get()
    paths = [
        "/casework/",
        f"/children/{ruby.pk}/",
        f"/children/{ruby.pk}/?order=oldest&kind=visit",
        "/children/find/?name=Ruby+Smith",
        "/children/find/?nhs_number=123",
        f"/casework/children/{ruby.pk}/visits/new/",
        f"/casework/children/{ruby.pk}/visits/{ruby.visits.get().pk}/",
        f"/casework/children/{ruby.pk}/episodes/new/",
        f"/casework/children/{ruby.pk}/episodes/{episode.pk}/close/",
        f"/casework/children/{ruby.pk}/episodes/{episode.pk}/assessments/new/",
        f"/chronology/children/{ruby.pk}/events/new/",
        f"/children/{ruby.pk}/details/",
        f"/children/{ruby.pk}/address/new/",
        "/children/999999/",
    ]
    found = {}
    for path in paths:
        page.goto(path)
        found[path] = violations(page)
    page.goto(f"/casework/children/{ruby.pk}/visits/new/")
    page.get_by_role("button", name="Save visit").click()
    found["visit form with errors"] = violations(page)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_front_door_pages_have_no_detectable_wcag_failures(sign_in, ruby, sam, teacher):
    partner = sign_in("tess")
    found = {"partner's concerns": violations(partner)}
    partner.goto("/front-door/contacts/new/")
    partner.get_by_role("button", name="Send to the front door").click()
    found["partner contact form with errors"] = violations(partner)
    screener = sign_in("sam")
    for path in ["/front-door/", "/front-door/contacts/new/", f"/front-door/contacts/{ruby.contact_links.get().contact_id}/"]:
        screener.goto(path)
        found[path] = violations(screener)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_sign_in_page_has_no_detectable_wcag_failures(browser, live_server, db):
    page = browser.new_page()
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_guardians_and_the_managers_pages_have_no_detectable_wcag_failures(sign_in, ruby, carol, charlie, mo, helen):
    from journey.access.actions import break_glass

    break_glass(ruby, acting_user=charlie, reason="Police at the hospital with Ruby out of hours; need her address history.")
    found = {}
    guardian = sign_in("carol")
    found["break-glass uses"] = violations(guardian)
    for user, paths in (("mo", ["/casework/team/", "/casework/service/", "/casework/team/without-by-when/", "/feedback/team/"]), ("helen", ["/casework/service/"])):
        page = sign_in(user)
        for path in paths:
            page.goto(path)
            found[f"{user} {path}"] = violations(page)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_family_notes_transfer_plan_and_partner_pages_have_no_detectable_wcag_failures(sign_in, officer, family, alice, mo, tariq, team_b):
    from journey.casework.actions import propose_transfer
    from journey.people.models import HouseholdMembership, Relationship

    ruby = family.ruby
    episode = ruby.episodes.get()
    mother = Relationship.objects.get(from_person=family.jo, to_person=ruby.person)
    lives_with = HouseholdMembership.objects.get(person=family.jo)
    transfer = propose_transfer(episode, to_team=team_b, reason="Longer-term work with the family.", acting_user=mo)
    visit_id = ruby.visits.get().pk
    worker_paths = [
        f"/children/{ruby.pk}/family/", f"/children/{ruby.pk}/family/add/", f"/children/{ruby.pk}/family/link/",
        f"/children/{ruby.pk}/family/relationships/{mother.pk}/end/", f"/children/{ruby.pk}/family/household/join/",
        f"/children/{ruby.pk}/family/household/{lives_with.pk}/leave/", f"/children/{ruby.pk}/family/household/move/",
        f"/casework/children/{ruby.pk}/notes/new/", f"/casework/children/{ruby.pk}/notes/new/meeting/",
        f"/casework/children/{ruby.pk}/notes/new/email/", f"/casework/children/{ruby.pk}/plans/",
        f"/documents/children/{ruby.pk}/visits/{visit_id}/attach/", f"/casework/children/{ruby.pk}/transfers/{transfer.pk}/",
    ]
    found = {}
    worker = sign_in("alice")
    for path in worker_paths:
        worker.goto(path)
        found[path] = violations(worker)
    worker.goto(f"/children/{ruby.pk}/family/add/")
    worker.get_by_role("button", name="Add to the family").click()
    found["family form with errors"] = violations(worker)
    worker.goto(f"/documents/children/{ruby.pk}/visits/{visit_id}/attach/")
    worker.get_by_role("button", name="Attach document").click()
    found["attach form with errors"] = violations(worker)
    manager = sign_in("mo")
    manager.goto(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/allocate/")
    found["allocate with a transfer waiting"] = violations(manager)
    police = sign_in("priya")
    for path in ["/front-door/my-concerns/", f"/front-door/children/{ruby.pk}/information/new/"]:
        police.goto(path)
        found[f"police {path}"] = violations(police)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_core_group_pages_have_no_detectable_wcag_failures(sign_in, officer, ruby, alice, chris, council, school):
    from datetime import time, timedelta

    from django.utils import timezone

    from journey.lib.dates import today
    from journey.protection.actions import Participant, complete_section_47, record_strategy_discussion, start_section_47
    from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
    from tests.protection.test_protection_conferences import make_plan

    discussion = record_strategy_discussion(
        ruby.episodes.get(), held_at=timezone.now() - timedelta(days=1), what_was_shared="Police: two call-outs.", decision="section_47",
        reasons="Possible significant harm.", acting_user=alice, participants=[Participant("Priya Patel", officer.agency, email=officer.email)],
    )
    enquiry = start_section_47(discussion, started_on=today(), due_on=today() + timedelta(days=10), due_reason="Half term.", acting_user=alice)
    complete_section_47(enquiry, findings="Bruising.", concerns_substantiated=True, continuing_risk=True, conference_needed=True,
                        outcome_reasons="Continuing risk.", completed_on=today(), child_seen=True, child_seen_alone=True, acting_user=alice)
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    held = record_core_group_meeting(
        plan, child=ruby, acting_user=alice,
        members=[Member("Alice Akers", council), Member("Priya Patel", officer.agency, email=officer.email), Member("Tess Turner", school, sent_apologies=True)],
        record=Meeting(held_on=today(), starts_at=time(15, 30), progress="Mum home after school.", decisions="Carry on.", childs_views="Happier."),
    )
    new = f"/protection/children/{ruby.pk}/plans/{plan.pk}/core-group/new/"
    found = {}
    worker = sign_in("alice")
    for path in [new, f"/protection/children/{ruby.pk}/core-group/{held.pk}/", f"/casework/children/{ruby.pk}/plans/{plan.pk}/", f"/children/{ruby.pk}/"]:
        worker.goto(path)
        found[path] = violations(worker)
    worker.goto(new)
    worker.get_by_role("button", name="Save meeting").click()
    found["core group form with errors"] = violations(worker)
    police = sign_in("priya")
    police.goto(f"/front-door/children/{ruby.pk}/shared/")
    found["police shared page with a core group meeting"] = violations(police)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_case_audit_pages_have_no_detectable_wcag_failures(sign_in, ruby, alice, mo, council):
    from journey.accounts.models import Role
    from journey.learning.audit_actions import record_practitioner_view
    from journey.lib.dates import today
    from tests.conftest import make_user
    from tests.learning.audits import a_round, an_audit

    audra = make_user("audra", Role.AUDITOR, council, None, "Audra", "Adams", "Case auditor")
    made = a_round(mo, [audra])
    audit = an_audit(made.sample.get(), audra)
    unaudited = a_round(mo, [audra], title="Again").sample.get()
    found = {}
    manager = sign_in("mo")
    for path in ["/learning/audits/", "/learning/audits/rounds/new/", f"/learning/audits/rounds/{made.pk}/",
                 f"/learning/audits/rounds/{made.pk}/access/", f"/learning/audits/{audit.pk}/", "/learning/audits/themes/"]:
        manager.goto(path)
        found[f"mo {path}"] = violations(manager)
    manager.goto("/learning/audits/rounds/new/")
    manager.get_by_role("button", name="Draw the sample and make the round").click()
    found["round form with errors"] = violations(manager)
    auditor = sign_in("audra")
    auditor.goto(f"/learning/audits/sample/{unaudited.pk}/audit/")
    found["audit form"] = violations(auditor)
    auditor.get_by_role("button", name="Save the audit").click()
    found["audit form with errors"] = violations(auditor)
    worker = sign_in("alice")
    worker.goto(f"/learning/audits/{audit.pk}/practitioner-view/")
    found["practitioner's view form"] = violations(worker)
    record_practitioner_view(audit, talked_through_on=today(), view="Fair.", acting_user=alice)
    worker.goto(f"/learning/audits/{audit.pk}/")
    found["audit with the practitioner's view"] = violations(worker)
    theme = audit.findings.first()
    manager.goto(f"/learning/audits/themes/?year={today().year}&quarter={(today().month - 1) // 3 + 1}&theme={theme.theme_id}&grade={theme.grade_id}")
    found["the audits behind a figure"] = violations(manager)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_learning_pages_have_no_detectable_wcag_failures(sign_in, mo, helen):
    """The case review and recommendation pages met with nothing in them yet; with a review, its episodes and findings,
    every page is checked on the way through tests/browser/test_browser_case_review.py."""
    found = {}
    head = sign_in("helen")
    for path in ["/learning/reviews/", "/learning/reviews/new/", "/learning/recommendations/", "/learning/recommendations/?status=closed",
                 "/learning/recommendations/new/"]:
        head.goto(path)
        found[path] = violations(head)
    head.get_by_role("button", name="Save the recommendation").click()
    head.get_by_role("heading", name="There is a problem").wait_for()
    found["recommendation form with errors"] = violations(head)
    assert {path: v for path, v in found.items() if v} == {}
