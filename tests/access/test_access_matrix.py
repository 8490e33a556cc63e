"""Every role against every page and API endpoint that shows a child's data, for children they should and should
not see. Each cell is asserted: allowed pages answer 200, denied ones the same 403 "no access" page.

The expectations are written out by hand below (``MAY_OPEN``), not computed from the rules under test, so a change
to the rules that lets someone see a child they should not, or hides a child from the people working with them,
fails here. ``test_every_child_page_is_in_the_matrix`` fails when a page showing a child is added without a row.
"""
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from journey.accounts.models import Role
from journey.api.actions import create_user_token
from journey.casework.actions import allocate, propose_closure, propose_transfer, record_visit, start_assessment, write_case_note
from journey.casework.plan_actions import PlanContent, Step, write_plan
from journey.documents.actions import attach_document
from journey.feedback.actions import Subject, record_feedback
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.people.models import Household, HouseholdMembership, Person, Relationship
from journey.protection.actions import Participant, complete_section_47, record_strategy_discussion, start_section_47
from journey.protection.conference_actions import Attendee, Conference, record_initial_conference
from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
from journey.protection.report_actions import Report, submit_conference_report
from tests.conftest import make_user
from tests.learning.audits import a_round

PERSONAS = ["alice", "bea", "mo", "helen", "charlie", "sam", "officer", "teacher", "admin_user", "carol", "dpo", "chris", "audra"]
ROLE_OF = {
    "alice": "allocated social worker (Team A)", "bea": "social worker in the allocated team (Team A)",
    "mo": "Team A's manager", "helen": "head of service above Teams A and B", "charlie": "social worker in Team B",
    "sam": "front door screener", "officer": "police partner", "teacher": "school partner",
    "admin_user": "administrator", "carol": "Caldicott guardian", "dpo": "data protection officer",
    "chris": "child protection chair (chaired Ruby's initial conference)",
    "audra": "case auditor (named on Mo's audit round, which sampled Ruby)",
}

# Who may open each child's record (staff) or its shared page (partners). Everything not listed is denied.
MAY_OPEN = {
    # Team A holds Ruby; the police raised her contact; Chris chaired her initial conference today (and her plan is open);
    # Mo's audit round drew her, and Audra audits it while its access lasts.
    "ruby": {"alice", "bea", "mo", "helen", "officer", "chris", "audra"},
    "bertie": {"helen", "charlie", "teacher"},  # Team B holds Bertie; the school raised his contact
    "freya": {"sam", "teacher"},  # the school's contact about Freya awaits screening at the front door
    "rosa": {"helen", "charlie"},  # restricted: Team B holds her; never shown to a partner, though the school raised her
}
PARTNERS = {"officer", "teacher"}
MANAGERS = {"mo", "helen"}
# Staff who read a child's record without holding her casework: the chair and the auditor read Ruby's record, but the pages that
# record casework (a plan, a strategy discussion, an enquiry, a conference) are the worker's.
READERS = {"chris", "audra"}
WRITING = {
    "casework:new-plan", "casework:review-plan", "protection:new-discussion", "protection:further-discussion", "protection:start-enquiry",
    "protection:new-initial-conference", "protection:new-review-conference", "protection:new-core-group",
}

# Pages showing a child's data: (url name, audience, what the URL needs besides the child).
# audience: "staff" = LA staff who may open the record; "partner" = partner users who may open the child's shared page;
# "managers" = the child's manager line only; "report" = staff who may open the record and the partner who wrote it.
PAGES = [
    ("people:child", "staff", None),
    ("people:edit-details", "staff", None),
    ("people:move-address", "staff", None),
    ("people:family", "staff", None),
    ("people:add-family-member", "staff", None),
    ("people:link-family-member", "staff", None),
    ("people:end-relationship", "staff", "relationship_id"),
    ("people:join-household", "staff", None),
    ("people:leave-household", "staff", "membership_id"),
    ("people:move-household", "staff", None),
    ("casework:new-visit", "staff", None),
    ("casework:visit", "staff", "visit_id"),
    ("casework:new-household-visit", "staff", None),
    ("casework:choose-note", "staff", None),
    ("casework:new-note", "staff", None),
    ("casework:new-phone-call", "staff", None),
    ("casework:new-email", "staff", None),
    ("casework:new-letter", "staff", None),
    ("casework:new-meeting", "staff", None),
    ("casework:note", "staff", "note_id"),
    ("casework:open-episode", "staff", None),
    ("casework:close-episode", "staff", "episode_id"),
    ("casework:new-assessment", "staff", "episode_id"),
    ("casework:assessment", "staff", "assessment_id"),
    ("casework:allocate", "managers", "episode_id"),
    ("casework:propose-transfer", "managers", "episode_id"),
    ("casework:transfer", "staff", "transfer_id"),
    ("casework:closure", "staff", "closure_id"),
    ("casework:plans", "staff", None),
    ("casework:new-plan", "staff", "episode_id"),
    ("casework:plan", "staff", "plan_id"),
    ("casework:plan-version", "staff", ("plan_id", "number")),
    ("casework:review-plan", "staff", "plan_id"),
    ("casework:print-plan", "staff", "plan_id"),
    ("protection:new-discussion", "staff", "episode_id"),
    ("protection:discussion", "staff", "discussion_id"),
    ("protection:further-discussion", "staff", "discussion_id"),
    ("protection:start-enquiry", "staff", "discussion_id"),
    ("protection:enquiry", "staff", "enquiry_id"),
    ("protection:new-initial-conference", "staff", "enquiry_id"),
    ("protection:new-review-conference", "staff", "cp_plan_id"),
    ("protection:conference", "staff", "conference_id"),
    ("protection:new-core-group", "staff", "cp_plan_id"),
    ("protection:core-group", "staff", "core_group_id"),
    ("protection:new-report", "partner", None),
    ("protection:report", "report", "report_id"),
    ("documents:attach-note", "staff", "note_id"),
    ("documents:attach-visit", "staff", "visit_id"),
    ("documents:attach-plan", "staff", "plan_id"),
    ("documents:download", "staff", "document_id"),
    ("chronology:add-event", "staff", None),
    ("chronology:flag", "staff", "entry"),
    ("chronology:print", "staff", None),
    ("access:grants", "managers", None),
    ("frontdoor:shared-record", "partner", None),
    ("frontdoor:add-information", "partner", None),
    ("audit:child-reads", "managers", None),
    ("dataprotection:child-shares", "staff", None),
    ("dataprotection:new-share", "staff", None),
    ("feedback:child", "staff", None),
    ("feedback:new", "staff", None),
    ("feedback:new-link", "staff", None),
    ("feedback:feedback", "staff", "feedback_id"),
    ("feedback:respond", "staff", "feedback_id"),
]
API = [
    ("api:get_child", "/api/children/{id}", "staff+partner"),
    ("api:get_chronology", "/api/children/{id}/chronology", "staff"),
]
# URLs taking a child id that show nothing of the child: break-glass (the way in for those denied), and writes
# that only accept a POST (each has paired allowed/denied tests beside its view's tests).
NOT_A_VIEW_OF_THE_CHILD = {"access:break-glass", "access:revoke", "casework:change-by-when", "casework:authorise-assessment", "api:add_information",
                           "casework:decide-transfer", "casework:decide-closure", "casework:end-plan",
                           "protection:complete-enquiry", "protection:enquiry-by-when"}


def expected(audience: str, persona: str, child: str, page: str = "") -> bool:
    if persona not in MAY_OPEN[child] or (persona in READERS and page in WRITING):
        return False
    if audience == "partner":
        return persona in PARTNERS
    if audience == "managers":
        return persona in MANAGERS
    if audience == "staff+partner":
        return True
    if audience == "report":  # a partner's conference report: staff who open the record, and the partner who wrote it (Priya)
        return persona not in PARTNERS or persona == "officer"
    return persona not in PARTNERS


@pytest.fixture
def world(db, alice, bea, mo, helen, charlie, sam, officer, teacher, admin_user, carol, chris, council, school, team_b, ruby):
    """Four children, each in a different relationship to the personas, built with the actions the pages use."""
    dpo = make_user("dpo", Role.DATA_PROTECTION_OFFICER, council, None, "Dee", "Officer", "Data protection officer")
    audra = make_user("audra", Role.AUDITOR, council, None, "Audra", "Adams", "Case auditor")
    people = {"alice": alice, "bea": bea, "mo": mo, "helen": helen, "charlie": charlie, "sam": sam, "officer": officer,
              "teacher": teacher, "admin_user": admin_user, "carol": carol, "dpo": dpo, "chris": chris, "audra": audra}

    def held_by_team_b(first_name: str, *, restricted: bool = False):
        child = create_child(acting_user=sam, first_name=first_name, last_name="Morgan", date_of_birth=today() - timedelta(days=3000))
        child.is_restricted = restricted
        child.save()
        contact = record_contact(acting_user=teacher, agency=school, concern="Bruising noticed in PE.",
                                 children=[NamedChild(first_name, "Morgan")], received_at=timezone.now() - timedelta(days=20))
        link_contact_to_child(contact.children_named.get(), child, acting_user=sam)
        screen_contact(contact, acting_user=sam, outcome="referral", rationale="Needs assessment.", team=team_b,
                       decided_at=timezone.now() - timedelta(days=19))
        allocate(child.episodes.get(), worker=charlie, team=team_b, started_on=today() - timedelta(days=19), acting_user=helen)
        return child

    bertie = held_by_team_b("Bertie")
    rosa = held_by_team_b("Rosa", restricted=True)
    freya = create_child(acting_user=sam, first_name="Freya", last_name="Ng", date_of_birth=today() - timedelta(days=2000))
    waiting = record_contact(acting_user=teacher, agency=school, concern="Freya said she is scared at home.",
                             children=[NamedChild("Freya", "Ng")], received_at=timezone.now() - timedelta(hours=2))
    link_contact_to_child(waiting.children_named.get(), freya, acting_user=sam)

    children = {"ruby": ruby, "bertie": bertie, "freya": freya, "rosa": rosa}
    objects = {}
    for name, child in children.items():
        episode = child.episodes.first()
        if episode is None:
            continue
        visit = record_visit(child, acting_user=sam, visited_at=timezone.now() - timedelta(days=1), child_seen=True, child_seen_alone=False)
        assessment = start_assessment(episode, acting_user=sam, started_on=today(), due_on=today() + timedelta(days=20), due_reason="School holidays.")
        note = write_case_note(child, acting_user=sam, occurred_at=timezone.now() - timedelta(hours=3), subject="Call", text="Rang school.")
        mother = Person.objects.create(first_name="Jo", last_name=child.person.last_name, sex="F")
        relationship = Relationship.objects.create(from_person=mother, to_person=child.person, kind="mother")
        membership = HouseholdMembership.objects.create(household=Household.objects.create(name="Home"), person=mother, role="parent")
        objects[name] = {"episode_id": episode.pk, "visit_id": visit.pk, "assessment_id": assessment.pk, "entry": f"visit:{visit.pk}",
                         "note_id": note.pk, "relationship_id": relationship.pk, "membership_id": membership.pk}
        HouseholdMembership.objects.create(household=membership.household, person=child.person, role="child")
        worker = episode.current_allocation().worker
        objects[name]["document_id"] = attach_document(note, SimpleUploadedFile("school letter.txt", b"Letter from school."), acting_user=worker).pk
        objects[name]["closure_id"] = propose_closure(episode, ended_on=today(), reason="needs_met", acting_user=worker).pk
        objects[name]["plan_id"] = write_plan(
            episode, kind="child_in_need", started_on=today(), acting_user=worker,
            content=PlanContent(worries="Missing school.", what_needs_to_change="School every day.", contingency="A meeting."),
            steps=[Step("Mum", "Walk to school.", today() + timedelta(days=7), "Before half term.")],
        ).pk
        objects[name]["number"] = 1
        objects[name]["feedback_id"] = record_feedback(
            child, subject=Subject("visit", visit), source="parent_carer", kind="complaint", received_on=today(), said="Nobody rang back.",
            themes=["communication"], acting_user=worker).pk
        # A strategy discussion with the police taking part (Priya, by her account, for Ruby), and the enquiry it decided.
        discussion = record_strategy_discussion(
            episode, held_at=timezone.now() - timedelta(hours=1), what_was_shared="Police: call-outs.", decision="section_47",
            reasons="Possible significant harm.", acting_user=worker,
            participants=[Participant("Priya Patel", officer.agency, email=officer.email if name == "ruby" else "")],
        )
        objects[name]["discussion_id"] = discussion.pk
        objects[name]["enquiry_id"] = start_section_47(discussion, started_on=today(), due_on=today() + timedelta(days=10),
                                                       due_reason="Before half term.", acting_user=worker).pk
    # Ruby's episode waits to move to Team B, whose manager line is Helen alone: nobody gains sight of her by it.
    objects["ruby"]["transfer_id"] = propose_transfer(ruby.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo).pk
    # Ruby's enquiry found an initial conference needed; Chris chaired it today, with Priya there, and it made a plan.
    enquiry = ruby.section_47_enquiries.get()
    complete_section_47(enquiry, findings="Bruising.", concerns_substantiated=True, continuing_risk=True, conference_needed=True,
                        outcome_reasons="Continuing risk.", completed_on=today(), child_seen=True, child_seen_alone=True, acting_user=alice)
    conference = record_initial_conference(
        enquiry, child=ruby, acting_user=alice, attendees=[Attendee("Priya Patel", officer.agency, email=officer.email, report_submitted=True)],
        record=Conference(held_on=today(), starts_at=timezone.localtime().time(), chair=chris, child_heard="social_worker", childs_views="Sad.",
                          parents_views="", decision="plan", category="NEG", reasons="Neglect."),
        plan_content=PlanContent(worries="Left alone.", what_needs_to_change="An adult at home.", contingency="Court."),
        first_step=Step("Mum", "Be home after school.", today() + timedelta(days=7), "Before the core group."),
    )
    objects["ruby"]["conference_id"], objects["ruby"]["cp_plan_id"] = conference.pk, conference.plan_id
    # Ruby's core group met today, Priya there.
    objects["ruby"]["core_group_id"] = record_core_group_meeting(
        conference.plan, child=ruby, acting_user=alice, members=[Member("Priya Patel", officer.agency, email=officer.email)],
        record=Meeting(held_on=today(), starts_at=timezone.localtime().time(), progress="Mum home after school.", decisions="Carry on."),
    ).pk
    # Mo's audit round of Team A's children (Ruby alone, today), audited by Audra while its 30 days last.
    objects["ruby"]["round_id"] = a_round(mo, [audra]).pk
    # Priya sends the police report for the review of Ruby's plan, from her own page.
    objects["ruby"]["report_id"] = submit_conference_report(
        ruby, Report("Two call-outs.", "Left alone at night.", "Gran helps.", True), acting_user=officer,
    ).pk
    return people, children, objects


def needed(needs: str | tuple | None) -> tuple:
    """The ids a page's address takes after the child's (a plan's version takes the plan's id and its number)."""
    return () if needs in (None, "entry") else needs if isinstance(needs, tuple) else (needs,)


def page_url(name: str, child, needs: str | tuple | None, objects: dict) -> str | None:
    from django.urls import reverse

    if needs == "entry":
        return reverse(name, args=[child.pk]) + f"?entry={objects['entry']}"
    return reverse(name, args=[child.pk, *(objects[key] for key in needed(needs))])


def child_pages(children: dict, objects: dict):
    """(child's name, page name, audience, address) for every page of every child that has what the page needs."""
    for child_name, child in children.items():
        for name, audience, needs in PAGES:
            if needs and any(key not in objects.get(child_name, {}) for key in needed(needs) or (needs,)):
                continue  # Freya has no episode, visit or assessment yet, and only Ruby a transfer: no such page to open
            yield child_name, name, audience, page_url(name, child, needs, objects.get(child_name, {}))


def test_every_role_against_every_child_page(client, world):
    people, children, objects = world
    cells, wrong = 0, []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for child_name, name, audience, url in child_pages(children, objects):
            status = client.get(url).status_code
            allowed = expected(audience, persona, child_name, name)
            cells += 1
            if (status == 200) != allowed or status not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> {name} for {child_name}: got {status}, expected {'200' if allowed else '403'}")
    assert wrong == []
    assert cells >= 11 * 4 * 10


def test_every_role_against_every_api_endpoint(client, world):
    people, children, _objects = world
    wrong = []
    for persona in PERSONAS:
        secret = create_user_token(people[persona], name="matrix", acting_user=people["admin_user"])[1]
        for child_name, child in children.items():
            for _name, template, audience in API:
                response = client.get(template.format(id=child.pk), headers={"Authorization": f"Bearer {secret}"})
                allowed = expected(audience, persona, child_name)
                if (response.status_code == 200) != allowed or response.status_code not in (200, 403):
                    wrong.append(f"{ROLE_OF[persona]} -> {template} for {child_name}: got {response.status_code}")
                if not allowed:
                    assert child.person.last_name.encode() not in response.content
    assert wrong == []


def named_patterns(keep, resolver=None, prefix=""):
    """The namespaced name of every address in the URL conf whose parameter names ``keep`` accepts."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from named_patterns(keep, entry, namespace)
        elif isinstance(entry, URLPattern) and keep(entry.pattern.regex.groupindex):
            yield f"{prefix}{entry.name}"


def _child_patterns():
    return named_patterns(lambda parameters: "child_id" in parameters)


def test_every_child_page_is_in_the_matrix():
    pages = set(_child_patterns())
    covered = {name for name, _a, _n in PAGES} | {name for name, _t, _a in API}
    assert pages - covered - NOT_A_VIEW_OF_THE_CHILD == set()


def _someone_allowed(audience: str, child_name: str) -> str:
    for persona in PERSONAS:
        if expected(audience, persona, child_name):
            return persona
    raise AssertionError(f"no persona may open {audience} pages of {child_name}")


def test_every_child_page_and_endpoint_writes_a_read_to_the_audit_log(client, world):
    """Walks every page and API endpoint that takes a child (the URL conf walk above keeps the list complete): a
    read by someone allowed must leave an audit event naming that user and child. A new page without audit fails."""
    from journey.audit.models import Action, AuditEvent

    people, children, objects = world
    missing = []
    for name, audience, needs in PAGES:
        child_name = "ruby"
        persona = _someone_allowed(audience, child_name)
        user, child = people[persona], children[child_name]
        client.force_login(user)
        before = AuditEvent.objects.filter(action=Action.READ, user=user, child=child).count()
        assert client.get(page_url(name, child, needs, objects[child_name])).status_code == 200
        if AuditEvent.objects.filter(action=Action.READ, user=user, child=child).count() <= before:
            missing.append(name)
    for name, template, audience in API:
        persona = _someone_allowed(audience, "ruby")
        user, child = people[persona], children["ruby"]
        secret = create_user_token(user, name="audit walk", acting_user=people["admin_user"])[1]
        before = AuditEvent.objects.filter(action=Action.READ, user=user, child=child).count()
        assert client.get(template.format(id=child.pk), headers={"Authorization": f"Bearer {secret}"}).status_code == 200
        if AuditEvent.objects.filter(action=Action.READ, user=user, child=child).count() <= before:
            missing.append(name)
    assert missing == []


def test_the_audit_chain_is_intact_after_all_that_reading(client, world):
    from django.core.management import call_command

    people, children, _objects = world
    client.force_login(people["alice"])
    client.get(f"/children/{children['ruby'].pk}/")
    call_command("audit_verify")


@pytest.mark.parametrize("forged", [0, 2**31, 2**63, 2**70])
def test_forged_ids_answer_no_access_never_an_error(client, world, forged):
    """Ids that do not exist, or that no database could hold, in any place of any child page's address."""
    from django.urls import reverse

    people, children, objects = world
    client.force_login(people["alice"])
    ruby, own = children["ruby"], objects["ruby"]
    wrong = []
    for name, _audience, needs in PAGES:
        ids = [own[key] for key in needed(needs)]
        addresses = [reverse(name, args=[forged, *ids])]
        for position in range(len(ids)):
            addresses.append(reverse(name, args=[ruby.pk, *ids[:position], forged, *ids[position + 1:]]))
        for address in addresses:
            status = client.get(address).status_code
            if status not in (403, 404):
                wrong.append(f"{address}: {status}")
    other_childs_visit = reverse("casework:visit", args=[ruby.pk, objects["bertie"]["visit_id"]])
    if client.get(other_childs_visit).status_code != 403:
        wrong.append(f"{other_childs_visit}: another child's visit under Ruby's address")
    assert wrong == []


# The supervision pages take no child: the managers' list, and Alice's supervision (recorded by her manager line, read
# by her and them). Written out by hand, as above.
SUPERVISION_PAGES = {"practice:supervision": MANAGERS, "practice:new-supervision": MANAGERS, "practice:session": MANAGERS | {"alice"}}


def test_every_role_against_the_supervision_pages(client, world):
    from django.urls import reverse

    from journey.practice.actions import Decision, Discussion, record_supervision

    people, children, _objects = world
    session = record_supervision(practitioner=people["alice"], held_on=today(), acting_user=people["mo"], discussions=[
        Discussion(children["ruby"], feelings="Anxious before visits.", decisions=[Decision("Visit weekly", "Attendance fell.", people["alice"])])])
    args = {"practice:supervision": [], "practice:new-supervision": [people["alice"].pk], "practice:session": [session.pk]}
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for name, allowed in SUPERVISION_PAGES.items():
            response = client.get(reverse(name, args=args[name]))
            if (response.status_code == 200) != (persona in allowed) or response.status_code not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> {name}: got {response.status_code}")
            if response.status_code == 200:  # no page names a child its reader may not open
                for child_name, child in children.items():
                    if persona not in MAY_OPEN[child_name] and child.person.last_name.encode() in without_csrf(response.content):
                        wrong.append(f"{ROLE_OF[persona]} -> {name} names {child_name}")
    assert wrong == []



def without_csrf(content: bytes) -> bytes:
    """The page without its form's random token, which may hold a short surname ("Ng") by chance."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)

# A social work unit's pages take no child: its caseload, its meeting form and a meeting. Oak sits in the service
# Helen heads; none of the personas is in it, so Helen alone (its manager line) opens them. Written out by hand.
UNIT_PAGES = {"practice:unit": {"helen"}, "practice:new-unit-meeting": {"helen"}, "practice:unit-meeting": {"helen"}}


def oak_unit_with_a_meeting(people, council, sam):
    """Oak, a unit in Helen's service, holding Uma (its consultant her lead worker), and its meeting today about her."""
    from journey.accounts.models import Team, TeamKind, UnitRole
    from journey.casework.actions import open_episode
    from journey.casework.codes import EpisodeKind
    from journey.practice.unit_actions import Entry, record_unit_meeting

    oak = Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=council, parent=people["helen"].team)
    olu = make_user("olu", Role.TEAM_MANAGER, council, oak, "Olu", "Okafor", "Consultant social worker")
    olu.unit_role = UnitRole.CONSULTANT_SOCIAL_WORKER
    olu.save()
    oak.manager = olu
    oak.save()
    uma = create_child(acting_user=sam, first_name="Uma", last_name="Underwood", date_of_birth=today() - timedelta(days=2500))
    open_episode(uma, EpisodeKind.CHILD_IN_NEED, started_on=today() - timedelta(days=9), acting_user=sam, worker=olu)
    meeting = record_unit_meeting(oak, held_on=today(), attendees=[olu], entries=[Entry(uma, "Uma is settling.")], acting_user=olu)
    return oak, meeting


def test_every_role_against_the_unit_pages(client, world, council, sam):
    from django.urls import reverse

    people, children, _objects = world
    oak, meeting = oak_unit_with_a_meeting(people, council, sam)
    args = {"practice:unit": [oak.pk], "practice:new-unit-meeting": [oak.pk], "practice:unit-meeting": [meeting.pk]}
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for name, allowed in UNIT_PAGES.items():
            response = client.get(reverse(name, args=args[name]))
            if (response.status_code == 200) != (persona in allowed) or response.status_code not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> {name}: got {response.status_code}")
            if response.status_code != 200 and b"Underwood" in response.content:
                wrong.append(f"{ROLE_OF[persona]} -> {name} names Uma")
            if response.status_code == 200:
                for child_name, child in children.items():
                    if persona not in MAY_OPEN[child_name] and child.person.last_name.encode() in without_csrf(response.content):
                        wrong.append(f"{ROLE_OF[persona]} -> {name} names {child_name}")
    assert wrong == []


def test_the_auditor_sees_no_child_once_the_rounds_access_has_ended(client, world):
    """Audra reached Ruby through Mo's round alone: once its last day has passed, or Mo ends it, every page of every
    child answers 403 to her, as it always did for the children outside the sample."""
    from journey.learning.audit_actions import end_grant
    from journey.learning.models import CaseAuditRound

    people, children, objects = world
    found = CaseAuditRound.objects.get(pk=objects["ruby"]["round_id"])
    client.force_login(people["audra"])
    for ending in ("past its last day", "ended by its maker"):
        if ending == "past its last day":
            CaseAuditRound.objects.filter(pk=found.pk).update(grant_starts_on=today() - timedelta(days=40), grant_ends_on=today() - timedelta(days=1))
        else:
            CaseAuditRound.objects.filter(pk=found.pk).update(grant_starts_on=today(), grant_ends_on=today() + timedelta(days=30))
            end_grant(found, acting_user=people["mo"])
        opened = [f"{name} for {child_name} ({ending})" for child_name, name, _audience, url in child_pages(children, objects)
                  if client.get(url).status_code != 403]
        assert opened == []


# The case audit pages take no child: the list and the themes (any staff, each seeing only what they may), making a
# round (managers), Mo's round of Ruby (Mo, and Audra while it lasts), its access (Mo), Ruby's audit (Mo, Audra, and
# Alice, whose work it audited). Written out by hand, as above.
STAFF = set(PERSONAS) - PARTNERS
AUDIT_PAGES = {
    "learning:audits": STAFF, "learning:audit-themes": STAFF, "learning:new-audit-round": MANAGERS,
    "learning:audit-round": {"mo", "audra"}, "learning:audit-grant": {"mo"}, "learning:new-case-audit": {"audra"},
    "learning:case-audit": {"mo", "audra", "alice"}, "learning:practitioner-view": {"mo", "audra", "alice"},
}


def test_every_role_against_the_case_audit_pages(client, world):
    from django.urls import reverse

    from journey.learning.models import CaseAuditRound
    from tests.learning.audits import an_audit

    people, children, objects = world
    sample = CaseAuditRound.objects.get(pk=objects["ruby"]["round_id"]).sample.get()
    audit = an_audit(sample, people["audra"])
    # A sample not yet audited, for the auditor's form: Mo's second round, drawing Ruby again.
    unaudited = a_round(people["mo"], [people["audra"]], title="Again").sample.get()
    args = {"learning:audits": [], "learning:audit-themes": [], "learning:new-audit-round": [], "learning:audit-round": [sample.round_id],
            "learning:audit-grant": [sample.round_id], "learning:new-case-audit": [unaudited.pk], "learning:case-audit": [audit.pk],
            "learning:practitioner-view": [audit.pk]}
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for name, allowed in AUDIT_PAGES.items():
            response = client.get(reverse(name, args=args[name]))
            if (response.status_code == 200) != (persona in allowed) or response.status_code not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> {name}: got {response.status_code}")
            if response.status_code == 200:  # no page names a child its reader may not open
                for child_name, child in children.items():
                    if persona not in MAY_OPEN[child_name] and child.person.last_name.encode() in without_csrf(response.content):
                        wrong.append(f"{ROLE_OF[persona]} -> {name} names {child_name}")
    assert wrong == []


# The learning pages take no child: the user's case reviews (each sees their own), commissioning one (a head of
# service), Helen's review of Ruby's case and its work pages (Helen, and Alice and Priya on its team), the board and
# a recommendation (the council's staff), recording one (managers). Written out by hand, as above.
REVIEW_TEAM = {"helen", "alice", "officer"}
LEARNING_PAGES = {
    "learning:reviews": set(PERSONAS), "learning:new-review": {"helen"}, "learning:review": REVIEW_TEAM, "learning:timeline": REVIEW_TEAM,
    "learning:new-episode": REVIEW_TEAM, "learning:new-finding": REVIEW_TEAM, "learning:board": STAFF,
    "learning:new-recommendation": MANAGERS, "learning:recommendation": STAFF,
}


def test_every_role_against_the_learning_pages(client, world):
    from django.urls import reverse

    from journey.learning.recommendation_actions import record_recommendation
    from journey.learning.review_actions import add_member, commission_review

    people, children, _objects = world
    review = commission_review(children["ruby"], reason="serious_harm", terms_of_reference="How was the police history shared?",
                               period_from=today() - timedelta(days=30), period_to=today(), acting_user=people["helen"])
    add_member(review, people["alice"], acting_user=people["helen"])
    add_member(review, people["officer"], acting_user=people["helen"])
    made = record_recommendation(title="Notifications carry their history", source_kind="practice", finding=None, source_detail="",
                                 options_weighed="A template.", owner=people["mo"], acting_user=people["helen"])
    with_review = {"learning:review", "learning:timeline", "learning:new-episode", "learning:new-finding"}
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for name, allowed in LEARNING_PAGES.items():
            args = [review.pk] if name in with_review else [made.pk] if name == "learning:recommendation" else []
            response = client.get(reverse(name, args=args))
            if (response.status_code == 200) != (persona in allowed) or response.status_code not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> {name}: got {response.status_code}")
            if response.status_code == 200 and name not in with_review:  # only the review's own pages name its child
                for child_name, child in children.items():
                    if persona not in MAY_OPEN[child_name] and child.person.last_name.encode() in without_csrf(response.content):
                        wrong.append(f"{ROLE_OF[persona]} -> {name} names {child_name}")
    assert wrong == []


# The managers' feedback summary takes no child: the managers alone, and with every figure's list open it names no child
# its reader may not open.
def test_every_role_against_the_feedback_summary(client, world):
    people, children, _objects = world
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for query in ({}, {"all": "1"}, {"kind": "complaint"}, {"theme": "communication"}):
            response = client.get("/feedback/team/", query)
            if (response.status_code == 200) != (persona in MANAGERS) or response.status_code not in (200, 403):
                wrong.append(f"{ROLE_OF[persona]} -> feedback:summary {query}: got {response.status_code}")
            shown = without_csrf(response.content)
            for child_name, child in children.items():
                if response.status_code == 200 and persona not in MAY_OPEN[child_name] and child.person.last_name.encode() in shown:
                    wrong.append(f"{ROLE_OF[persona]} -> feedback:summary names {child_name}")
    assert wrong == []
