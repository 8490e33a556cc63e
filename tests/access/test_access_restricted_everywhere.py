"""Restricted means restricted everywhere: a restricted child is never named to anyone who may not open her record.

Wren Penhallow (an adoptive placement, so her record is restricted) is the sister and household member of Tom
Morgan, whom Team A holds and the police raised a contact about, and of Paddy Morgan, whom the school raised a
contact about that awaits screening. Each contact names Wren beside her brother. Her name, middle name, the name she
is known by and her date of birth (in every format a page or the API writes one) must appear in no response to
anyone who may not open her, on any page or endpoint, and must appear on her own pages to those who may.

The list of addresses is built by walking the URL conf: every route is walked with every id the family's records
give it, or is listed in ``NOT_WALKED`` with the reason it cannot name a child. A new route that is neither fails
``test_every_route_is_walked_or_listed_with_a_reason``. Who may open Wren is written out by hand (``MAY_OPEN_WREN``),
not computed from the rules under test.
"""
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.html import escape

from journey.access.actions import grant_access
from journey.accounts.admin import site as accounts_admin_site
from journey.accounts.models import Role, Team, TeamKind
from journey.api.actions import create_user_token
from journey.casework.actions import (
    Attendee,
    open_episode,
    propose_closure,
    propose_transfer,
    record_visit,
    start_assessment,
    write_case_note,
)
from journey.casework.codes import EpisodeKind
from journey.casework.plan_actions import PlanContent, Step, write_plan
from journey.dataprotection.actions import record_information_share, record_subject_access_request
from journey.documents.actions import attach_document
from journey.feedback.actions import Subject, create_feedback_link, record_feedback
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact, screen_contact
from journey.learning.recommendation_actions import record_recommendation
from journey.learning.review_actions import add_member, commission_review
from journey.lib.dates import today
from journey.people.actions import create_child
from journey.people.models import Child, Household, HouseholdMembership, Person, Relationship
from journey.people.relations import children_hidden_from, family_of
from journey.practice.actions import Decision, Discussion, record_supervision
from journey.practice.unit_actions import Entry as UnitEntry
from journey.practice.unit_actions import record_unit_meeting
from journey.protection.actions import Participant, complete_section_47, record_strategy_discussion, start_section_47
from journey.protection.conference_actions import Attendee as ConferenceAttendee
from journey.protection.conference_actions import Conference, record_initial_conference
from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
from journey.protection.models import ConferenceReport
from journey.protection.report_actions import Report, submit_conference_report
from tests.conftest import make_user
from tests.learning.audits import a_round, an_audit

pytestmark = pytest.mark.django_db

PERSONAS = ["alice", "bea", "mo", "helen", "charlie", "sam", "officer", "teacher", "admin_user", "carol", "dee", "chris"]

# Who may open Wren's record: Charlie holds her for Team B, Helen manages the service above Team B, and Sam at
# the front door while the school's contact naming her awaits screening. Nobody else: not Tom's workers, not the
# partners (a restricted child is never shown to a partner), not the administrator, the Caldicott guardian or the
# data protection officer, who have no relationship with her; nor Chris, who chaired her brother Tom's conference (hers
# was chaired by another chair).
MAY_OPEN_WREN = {"charlie", "helen", "sam"}

# The officer's own duties reach every record, restricted ones included (docs/data-protection.md, "the officer's
# scope is every record"): the person search, the open requests, retention, the sharing log, and Wren's own subject
# access export. Another person's export is not among them: there Wren is left out like anywhere else.
OFFICERS_OWN_SCOPE = {"dataprotection:start", "dataprotection:new-sar", "dataprotection:retention", "dataprotection:sharing-log"}
OFFICERS_SAR_ROUTES = {"dataprotection:sar", "dataprotection:sar-json", "dataprotection:sar-response"}

# Routes not walked, each with the reason it cannot name a child.
NOT_WALKED = {
    "accounts:sign-out": "signs the user out (POST only); names nobody",
    "accounts-admin:logout": "signs the user out of the administrator's site (POST only); names nobody",
    "access:revoke": "a POST that withdraws a grant with no form to fill; its error page is access:grants, walked",
    "casework:authorise-assessment": "a POST of the manager's reasons from the form on casework:assessment (walked), which is also its error page",
    "frontdoor:create-child": "a POST that makes a record with no form to fill; its error page is frontdoor:contact, walked",
    "news:open": "marks an item of the user's own news read and redirects to the item's page (walked), with an empty body; "
                 "news about her is opened by those who may open her only (tests/news/test_news_access.py)",
}
# The administrator's site: one agency, team or account, or its history, by object id. The site registers no
# child data (``test_the_administrators_site_registers_no_child_data``), so no page on it can name a child.
ADMIN_NAMESPACE = "accounts-admin"

# Search pages walked with a search that finds Wren or her family, besides being walked empty.
SEARCHES = {
    "people:find": lambda w, _about: [{"last_name": "Penhallow"}, {"first_name": "Wren", "last_name": "Penhallow"}, {"first_name": "Birdie"},
                                      {"last_name": "Morgan"}, _dob_search(w.wren_dob)],
    "dataprotection:new-sar": lambda w, _about: [{"name": "Penhallow"}, {"name": "Morgan"}] + [
        {"person": person.pk} for person in (w.kerry, w.tom.person, w.wren.person)],
    "api:list_children": lambda w, _about: [{"name": "Penhallow"}, {"name": "Morgan"}],
    "chronology:flag": lambda w, about: [{"entry": f"visit:{w.ids[about]['visit_id']}"}] if "visit_id" in w.ids[about] else [],
}


def _dob_search(born: date) -> dict:
    return {"date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year}


def wren_markers(born: date) -> list[bytes]:
    """Everything that would name Wren: her names, and her date of birth as any page, export or the API writes it."""
    dates = {born.isoformat(), f"{born.day} {born:%B %Y}", f"{born.day} {born:%b %Y}", f"{born:%d/%m/%Y}"}
    return [text.encode() for text in ("Wren", "Isolde", "Penhallow", "Birdie", *sorted(dates))]


@dataclass
class World:
    people: dict
    kerry: Person
    tom: Child
    paddy: Child
    wren: Child
    wren_dob: date
    ids: dict  # child name -> the ids of things on that child's record
    contacts: list
    sars: dict  # whose request -> SubjectAccessRequest


@pytest.fixture
def world(alice, bea, mo, helen, charlie, sam, officer, teacher, admin_user, carol, chris, council, police, school, team_a, team_b,
          childrens_service) -> World:
    dee = make_user("dee", Role.DATA_PROTECTION_OFFICER, council, None, "Dee", "Dixon", "Data protection officer")
    people = {"alice": alice, "bea": bea, "mo": mo, "helen": helen, "charlie": charlie, "sam": sam, "officer": officer,
              "teacher": teacher, "admin_user": admin_user, "carol": carol, "dee": dee, "chris": chris}
    wren_dob = today() - timedelta(days=7 * 365 + 123)
    kerry = Person.objects.create(first_name="Kerry", last_name="Morgan", date_of_birth=date(1988, 2, 9), sex="F")
    tom = create_child(acting_user=sam, first_name="Tom", last_name="Morgan", date_of_birth=today() - timedelta(days=10 * 365 + 40))
    paddy = create_child(acting_user=sam, first_name="Paddy", last_name="Morgan", date_of_birth=today() - timedelta(days=4 * 365 + 77))
    wren = create_child(acting_user=sam, first_name="Wren", last_name="Penhallow", date_of_birth=wren_dob, middle_names="Isolde",
                        known_as="Birdie")
    wren.is_restricted = True
    wren.save()

    for child in (tom, paddy, wren):
        Relationship.objects.create(from_person=kerry, to_person=child.person, kind="mother", has_parental_responsibility=True)
    Relationship.objects.create(from_person=wren.person, to_person=tom.person, kind="sibling")
    Relationship.objects.create(from_person=paddy.person, to_person=wren.person, kind="sibling")
    Relationship.objects.create(from_person=tom.person, to_person=paddy.person, kind="sibling")
    home = Household.objects.create(name="Morgan household, Elm Road")
    for person, role in ((kerry, "parent"), (tom.person, "child"), (paddy.person, "child"), (wren.person, "child")):
        HouseholdMembership.objects.create(household=home, person=person, role=role)

    open_episode(tom, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=30), acting_user=sam, worker=alice, team=team_a)
    open_episode(wren, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=30), acting_user=sam, worker=charlie, team=team_b)

    both = [NamedChild("Tom", "Morgan", tom.date_of_birth), NamedChild("Wren", "Penhallow", wren_dob)]
    screened = record_contact(acting_user=officer, agency=police, concern="Officers called to the house; the children were there.",
                              children=both, received_at=timezone.now() - timedelta(days=12))
    for named, child in zip(screened.children_named.order_by("pk"), (tom, wren), strict=False):
        link_contact_to_child(named, child, acting_user=sam)
    screen_contact(screened, acting_user=sam, outcome="advice", rationale="Advice to the police; already known.",
                   decided_at=timezone.now() - timedelta(days=11))
    waiting = record_contact(acting_user=teacher, agency=school, concern="Paddy said home is frightening.",
                             children=[NamedChild("Paddy", "Morgan", paddy.date_of_birth), NamedChild("Wren", "Penhallow", wren_dob)],
                             received_at=timezone.now() - timedelta(hours=3))
    for named, child in zip(waiting.children_named.order_by("pk"), (paddy, wren), strict=False):
        link_contact_to_child(named, child, acting_user=sam)

    ids = {}
    for name, child, worker in (("tom", tom, alice), ("wren", wren, charlie)):
        episode = child.episodes.get()
        visit = record_visit(child, acting_user=worker, visited_at=timezone.now() - timedelta(days=2), child_seen=True,
                             child_seen_alone=False, who_was_present="Kerry Morgan (mother)", observations="Kerry Morgan was warm.")
        assessment = start_assessment(episode, acting_user=worker, started_on=today(), due_on=today() + timedelta(days=20), due_reason="Holidays.")
        record_information_share(child, acting_user=worker, shared_with_agency=police, shared_with_person="DS Khan",
                                 what_was_shared="Dates", lawful_basis="ca1989_s47", reason="Strategy discussion", shared_on=today())
        note = write_case_note(child, acting_user=worker, kind="meeting", occurred_at=timezone.now() - timedelta(days=1), subject="Core group",
                               text="Kerry Morgan attended.", attendees=[Attendee(name="Kerry Morgan", agency="Family")])
        document = attach_document(note, SimpleUploadedFile("minutes.txt", b"Minutes of the core group."), acting_user=worker)
        ids[name] = {"episode_id": episode.pk, "visit_id": visit.pk, "assessment_id": assessment.pk, "note_id": note.pk, "document_id": document.pk}
        plan = write_plan(episode, kind="early_help", started_on=today(), acting_user=worker, content=PlanContent(
            worries="Kerry Morgan is worried about mornings.", what_needs_to_change="School every day.", contingency="A meeting.",
            familys_comments="Kerry Morgan agrees."), steps=[Step("Kerry Morgan", "Walk to school.", today() + timedelta(days=7), "Half term.")])
        ids[name] |= {"plan_id": plan.pk, "number": 1}
    ids["paddy"] = {}
    for name, child in (("tom", tom), ("paddy", paddy), ("wren", wren)):
        ids[name]["relationship_id"] = Relationship.objects.get(from_person=kerry, to_person=child.person).pk
        ids[name]["membership_id"] = HouseholdMembership.objects.get(person=child.person).pk
    for name, child, worker in (("tom", tom, alice), ("wren", wren, charlie)):
        ids[name]["proposal_id"] = propose_closure(child.episodes.get(), ended_on=today(), reason="needs_met", acting_user=worker).pk
    # Tom's episode waits to move to Team B, whose manager line is Helen: she may open Tom already.
    ids["tom"]["transfer_id"] = propose_transfer(tom.episodes.get(), to_team=team_b, reason="Longer-term work.", acting_user=mo).pk
    # Each holds a strategy discussion (in a child in need episode) with the police taking part, and its enquiry.
    for name, child, worker in (("tom", tom, alice), ("wren", wren, charlie)):
        episode = open_episode(child, EpisodeKind.CHILD_IN_NEED, started_on=today() - timedelta(days=3), acting_user=sam, worker=worker,
                               team=worker.team)
        discussion = record_strategy_discussion(
            episode, held_at=timezone.now() - timedelta(hours=5), what_was_shared="Kerry Morgan told the police.", decision="section_47",
            reasons="Possible significant harm.", acting_user=worker, participants=[Participant("Priya Patel", police, email=officer.email)],
        )
        ids[name] |= {"discussion_id": discussion.pk, "enquiry_id": start_section_47(
            discussion, started_on=today(), due_on=today() + timedelta(days=10), due_reason="Half term.", acting_user=worker).pk}
    # Each enquiry called an initial conference that made a plan: Chris chaired Tom's, another chair Wren's.
    other_chair = make_user("cora", Role.CP_CHAIR, council, None, "Cora", "Quinn", "Child protection chair")
    for name, child, worker, chair in (("tom", tom, alice, chris), ("wren", wren, charlie, other_chair)):
        enquiry = complete_section_47(
            child.section_47_enquiries.get(), findings="Kerry Morgan told us.", concerns_substantiated=True, continuing_risk=True,
            conference_needed=True, outcome_reasons="Continuing risk.", completed_on=today(), child_seen=True, child_seen_alone=True, acting_user=worker,
        )
        ids[name]["conference_id"] = record_initial_conference(
            enquiry, child=child, acting_user=worker, attendees=[ConferenceAttendee("Priya Patel", police, email=officer.email)],
            record=Conference(held_on=today(), starts_at=timezone.localtime().time(), chair=chair, child_heard="social_worker",
                              childs_views="Kerry Morgan shouts.", parents_views="Kerry Morgan disagrees.", decision="plan", category="EMO",
                              reasons="Continuing risk."),
            plan_content=PlanContent(worries="Shouting.", what_needs_to_change="Calm at home.", contingency="Court."),
            first_step=Step("Kerry Morgan", "Go to the parenting group.", today() + timedelta(days=7), "It starts then."),
        ).pk
    # Each plan's core group met today with Priya there: Tom's recorded by Alice, Wren's by Charlie.
    for name, child, worker in (("tom", tom, alice), ("wren", wren, charlie)):
        ids[name]["meeting_id"] = record_core_group_meeting(
            child.plans.get(kind="child_protection"), child=child, acting_user=worker, members=[Member("Priya Patel", police, email=officer.email)],
            record=Meeting(held_on=today(), starts_at=timezone.localtime().time(), progress="Kerry Morgan went to the group.", decisions="Carry on."),
        ).pk
    # A police report waits for the review of each plan: Priya sent Tom's; Wren's, from the same force, is set down as
    # it would be (no partner may open a restricted child's page to send one).
    ids["tom"]["report_id"] = submit_conference_report(
        tom, Report("Kerry Morgan called us.", "Shouting.", "School is good.", True), acting_user=officer).pk
    ids["wren"]["report_id"] = ConferenceReport.objects.create(
        child=wren, plan=wren.plans.get(kind="child_protection"), agency=police, author=officer, what_we_know="Kerry Morgan called us about Wren.",
        worries="Shouting.", going_well="School is good.", shared_with_family=True).pk
    # Supervision: Mo supervises Alice about Tom, Helen supervises Charlie about Wren (a private reflection in each).
    for name, child, worker, manager in (("tom", tom, alice, mo), ("wren", wren, charlie, helen)):
        ids[name]["session_id"] = record_supervision(practitioner=worker, held_on=today(), acting_user=manager, discussions=[Discussion(
            child, feelings="Kerry Morgan frightens me.", decisions=[Decision("Visit weekly", "Kerry Morgan asked.", worker)])]).pk
        ids[name]["practitioner_id"] = worker.pk
    # Wren is also looked after by Oak, a social work unit in Helen's service, which discussed her at its meeting.
    oak = Team.objects.create(name="Social Work Unit: Oak", kind=TeamKind.UNIT, agency=council, parent=childrens_service)
    olu = make_user("olu", Role.TEAM_MANAGER, council, oak, "Olu", "Okafor", "Consultant social worker")
    oak.manager = olu
    oak.save()
    open_episode(wren, EpisodeKind.LOOKED_AFTER, started_on=today() - timedelta(days=5), acting_user=sam, worker=olu)
    ids["wren"]["unit_id"] = oak.pk
    ids["wren"]["meeting_id"] = record_unit_meeting(oak, held_on=today(), attendees=[olu], acting_user=olu, entries=[
        UnitEntry(wren, "Kerry Morgan visited Wren at her placement.", "Keep contact monthly", olu)]).pk
    # Feedback: Kerry Morgan's complaint about each child's care, and a link for each child's own feedback (its public
    # form, opened without signing in, names nobody).
    for name, child, worker in (("tom", tom, alice), ("wren", wren, charlie)):
        ids[name]["feedback_id"] = record_feedback(
            child, subject=Subject("other", None, "Kerry Morgan's calls"), source="parent_carer", kind="complaint", received_on=today(),
            said="Kerry Morgan was not told.", themes=["kept_informed"], acting_user=worker).pk
        ids[name]["token"] = create_feedback_link(child, subject=Subject("other", None, "Visits"), for_whom="child", acting_user=worker)[1]
    # Helen's audit round of the service's children: Tom alone (Wren is restricted, so never drawn), audited by Mo.
    audit_round = a_round(helen, [mo], size=50)
    assert [s.child for s in audit_round.sample.all()] == [tom]
    ids["tom"]["round_id"] = audit_round.pk
    ids["tom"]["audit_id"] = an_audit(audit_round.sample.get(), mo).pk
    ids["tom"]["sample_id"] = a_round(helen, [mo], title="Again").sample.get().pk
    # Case reviews: Helen reviews Tom's case with Alice and Priya of the police, and Wren's with Charlie; a recommendation
    # on the partnership's board (about the system: it names no child).
    for name, child, team in (("tom", tom, [alice, officer]), ("wren", wren, [charlie])):
        review = commission_review(child, reason="serious_harm", terms_of_reference="How did agencies share what they knew?",
                                   period_from=today() - timedelta(days=60), period_to=today(), acting_user=helen)
        for member in team:
            add_member(review, member, acting_user=helen)
        ids[name]["review_id"] = review.pk
    ids["tom"]["recommendation_id"] = record_recommendation(
        title="Notifications carry their history", source_kind="practice", finding=None, source_detail="", options_weighed="A template.",
        owner=mo, acting_user=helen).pk
    sars = {who: record_subject_access_request(person, acting_user=dee, requested_by_name="The person", received_on=today())
            for who, person in (("kerry", kerry), ("tom", tom.person), ("wren", wren.person))}
    return World(people, kerry, tom, paddy, wren, wren_dob, ids, [screened, waiting], sars)


# --- The walk ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the pattern where a route has no name
    name: str | None
    params: frozenset


@dataclass(frozen=True)
class Address:
    route: str
    url: str
    about: str  # whose record or request the address is about ("wren", "tom", "sar:kerry"...), or ""
    is_api: bool
    searched: tuple = ()  # what the viewer typed, which a search page rightly puts back in its form

    def body_without_the_search(self, body: bytes) -> bytes:
        """The response, less the viewer's own words echoed in the search form's boxes."""
        for typed in self.searched:
            body = body.replace(f'value="{escape(str(typed))}"'.encode(), b"")
        return body


def _routes(resolver=None, prefix="", pattern="") -> list[Route]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += _routes(entry, namespace, pattern + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            full = pattern + str(entry.pattern)
            found.append(Route(f"{prefix}{entry.name}" if entry.name else f"{prefix}{full}", entry.name and f"{prefix}{entry.name}",
                               frozenset(entry.pattern.regex.groupindex) | frozenset(re.findall(r"<(?:\w+:)?(\w+)>", full))))
    return found


def _fillings(route: Route, w: World) -> list[tuple[dict, str]]:
    """Every way the family's records fill the route's parameters, each with whose record it is about."""
    params = set(route.params)
    if not params:
        return [({}, "")]
    if params == {"app_label"}:
        return [({"app_label": "accounts"}, "")]
    if "child_id" in params:
        rows = []
        for name, child in (("tom", w.tom), ("paddy", w.paddy), ("wren", w.wren)):
            own = w.ids[name]
            if params - {"child_id"} <= own.keys():
                rows.append(({"child_id": child.pk, **{p: own[p] for p in params - {"child_id"}}}, name))
        return rows
    if params == {"contact_id"}:
        return [({"contact_id": c.pk}, "contact") for c in w.contacts]
    if params == {"contact_id", "named_id"}:
        return [({"contact_id": c.pk, "named_id": n.pk}, "contact") for c in w.contacts for n in c.children_named.all()]
    if params in ({"session_id"}, {"practitioner_id"}):  # a supervision about Tom or Wren, and its practitioner's form
        (param,) = params
        return [({param: w.ids[name][param]}, name) for name in ("tom", "wren")]
    if params in ({"unit_id"}, {"meeting_id"}):  # Oak, the unit that holds Wren, and its meeting about her
        (param,) = params
        return [({param: w.ids["wren"][param]}, "wren")]
    if params in ({"round_id"}, {"sample_id"}, {"audit_id"}):  # Helen's audit round of Tom, its sample and Tom's audit
        (param,) = params
        return [({param: w.ids["tom"][param]}, "tom")]
    if params == {"sar_id"}:
        return [({"sar_id": sar.pk}, f"sar:{who}") for who, sar in w.sars.items()]
    if params == {"token"}:  # the family's feedback form for Tom and for Wren, open without signing in
        return [({"token": w.ids[name]["token"]}, name) for name in ("tom", "wren")]
    if params == {"review_id"}:  # a case review of Tom's case or of Wren's
        return [({"review_id": w.ids[name]["review_id"]}, name) for name in ("tom", "wren")]
    if params == {"recommendation_id"}:  # about the system, never a child
        return [({"recommendation_id": w.ids["tom"]["recommendation_id"]}, "")]
    return []


def _addresses(w: World) -> tuple[list[Address], set[str]]:
    """Every address to walk, and the routes that could not be filled."""
    addresses, unfilled = [], set()
    for route in _routes():
        if route.key in NOT_WALKED:
            continue
        fillings = _fillings(route, w) if route.name else []
        if not fillings:
            unfilled.add(route.key)
            continue
        for kwargs, about in fillings:
            url = reverse(route.name, kwargs=kwargs)
            queries = [{}] + (SEARCHES[route.key](w, about) if route.key in SEARCHES else [])
            for query in queries:
                address = url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
                addresses.append(Address(route.key, address, about, route.key.startswith("api:"), tuple(query.values())))
    return addresses, unfilled


def _may_be_told_of_wren(persona: str, address: Address) -> bool:
    if persona in MAY_OPEN_WREN:
        return True
    if persona == "dee":
        return address.route in OFFICERS_OWN_SCOPE or (address.route in OFFICERS_SAR_ROUTES and address.about == "sar:wren")
    return False


def _fetch(client: Client, address: Address, headers: dict):
    response = client.get(address.url, headers=headers)
    if response.status_code == 405:
        if address.is_api:
            response = client.post(address.url, data={}, content_type="application/json", headers=headers)
        else:
            response = client.post(address.url, {}, headers=headers)
    return response


def test_every_route_is_walked_or_listed_with_a_reason(world):
    _addresses_found, unfilled = _addresses(world)
    unexplained = {key for key in unfilled if not key.startswith(f"{ADMIN_NAMESPACE}:")}
    assert unexplained == set(), "walk these routes (teach _fillings their parameters) or add them to NOT_WALKED with a reason"
    routes = {route.key for route in _routes()}
    assert set(NOT_WALKED) <= routes, f"NOT_WALKED names routes that no longer exist: {set(NOT_WALKED) - routes}"


def test_the_administrators_site_registers_no_child_data():
    """Why the administrator's object pages need no walk: only agencies, teams, accounts, the DfE code lists (data
    about codes, never about a child) and the case audit frameworks (themes and grades) are registered there."""
    registered = {model._meta.label for model in accounts_admin_site._registry}
    assert registered == {"accounts.Agency", "accounts.Team", "accounts.User", "codelists.CodeList", "codelists.Code", "learning.AuditFramework"}


def test_no_page_or_endpoint_names_a_restricted_child_to_anyone_who_may_not_open_her(client, world):
    addresses, _unfilled = _addresses(world)
    markers = wren_markers(world.wren_dob)
    api = Client()
    cells, named_wrongly, errors = 0, [], []
    for persona in PERSONAS:
        user = world.people[persona]
        client.force_login(user)
        secret = create_user_token(user, name="walk", acting_user=world.people["admin_user"])[1]
        token = {"Authorization": f"Bearer {secret}"}
        for address in addresses:
            response = _fetch(api if address.is_api else client, address, token if address.is_api else {})
            cells += 1
            if response.status_code >= 500:
                errors.append(f"{persona} {address.url}: {response.status_code}")
            body = address.body_without_the_search(b"".join(response) if response.streaming else response.content)
            if not _may_be_told_of_wren(persona, address):
                found = [m.decode() for m in markers if m in body]
                link = f"/children/{world.wren.pk}/".encode()
                if address.about != "wren" and link in body:
                    found.append("a link to her record")
                if found:
                    named_wrongly.append(f"{persona} {address.url}: {', '.join(found)}")
    assert errors == []
    assert named_wrongly == [], "\n".join(named_wrongly)
    assert cells == len(PERSONAS) * len(addresses) and len(addresses) >= 100


@pytest.mark.parametrize("persona", sorted(MAY_OPEN_WREN))
def test_those_who_may_open_her_see_her_on_her_own_pages(client, world, persona):
    client.force_login(world.people[persona])
    born = f"{world.wren_dob.day} {world.wren_dob:%B %Y}"
    page = client.get(f"/children/{world.wren.pk}/").content.decode()
    assert "Wren Penhallow (known as Birdie)" in page and born in page
    secret = create_user_token(world.people[persona], name="walk", acting_user=world.people["admin_user"])[1]
    data = Client().get(f"/api/children/{world.wren.pk}", headers={"Authorization": f"Bearer {secret}"}).json()
    assert (data["name"], data["date_of_birth"]) == ("Wren Penhallow (known as Birdie)", world.wren_dob.isoformat())


def test_the_officer_sees_her_in_her_own_subject_access_export(client_for, world):
    data = client_for(world.people["dee"]).get(f"/data-protection/sar/{world.sars['wren'].pk}/export.json").json()
    assert data["subject"]["name"] == "Wren Penhallow"
    relatives = {f["value"] for s in data["sections"] if s["kind"] == "relationships" for i in s["items"] for f in i["fields"]
                 if f["label"] == "The other person"}
    assert relatives == {"Kerry Morgan", "Tom Morgan", "Paddy Morgan"}


# --- The family table -------------------------------------------------------------------------------------------

def _family_table(page: str) -> str:
    """The family table alone, up to the genogram (whose own test is tests/people/test_people_genogram.py)."""
    return page[page.index("Family and household"):page.index('<figure class="govuk-!-margin-0')]


def _family_names(page: str) -> set[str]:
    return {name for name in ("Kerry Morgan", "Paddy Morgan", "Tom Morgan", "Wren Penhallow") if name in _family_table(page)}


def test_a_siblings_family_table_leaves_out_a_restricted_sister_the_viewer_may_not_open(client_for, world):
    page = client_for(world.people["alice"]).get(f"/children/{world.tom.pk}/").content.decode()
    assert _family_names(page) == {"Kerry Morgan", "Paddy Morgan"}
    body = _family_table(page).split('<tbody class="govuk-table__body">')[1]
    assert body.count('<tr class="govuk-table__row">') == 2, "no placeholder row stands in for her"


def test_staff_who_may_open_the_restricted_sister_see_her_in_her_siblings_families(client_for, world):
    helen_page = client_for(world.people["helen"]).get(f"/children/{world.tom.pk}/").content.decode()
    assert _family_names(helen_page) == {"Kerry Morgan", "Paddy Morgan", "Wren Penhallow"}
    assert f'href="/children/{world.wren.pk}/"' in helen_page
    sam_page = client_for(world.people["sam"]).get(f"/children/{world.paddy.pk}/").content.decode()
    assert _family_names(sam_page) == {"Kerry Morgan", "Tom Morgan", "Wren Penhallow"}


def test_family_of_names_her_only_to_those_who_may_open_her(world):
    for persona in PERSONAS:
        names = {r.person.first_name for r in family_of(world.tom.person, viewer=world.people[persona])}
        assert ("Wren" in names) == (persona in MAY_OPEN_WREN), persona
        assert {"Kerry", "Paddy"} <= names


def test_an_explicit_grant_shows_her_in_the_family_table(client_for, world):
    alice = world.people["alice"]
    assert world.wren in children_hidden_from(alice)
    grant_access(world.wren, acting_user=world.people["helen"], user=alice, reason="Alice is visiting the whole family.")
    assert world.wren not in children_hidden_from(alice)
    page = client_for(alice).get(f"/children/{world.tom.pk}/").content.decode()
    assert "Wren Penhallow" in _family_names(page)


# --- Subject access exports of another person --------------------------------------------------------------------

def _export(client, sar) -> dict:
    response = client.get(f"/data-protection/sar/{sar.pk}/export.json")
    assert response.status_code == 200
    return response.json()


def _values(data: dict) -> list[str]:
    return [f["value"] for s in data["sections"] for i in s["items"] for f in i["fields"]] + [i["title"] for s in data["sections"] for i in s["items"]]


def test_a_parents_export_leaves_out_a_restricted_child_the_officer_may_not_open(client_for, world):
    data = _export(client_for(world.people["dee"]), world.sars["kerry"])
    values = " ".join(_values(data))
    assert "Tom Morgan" in values and "Paddy Morgan" in values
    assert "Wren" not in values and "Penhallow" not in values
    named = next(s for s in data["sections"] if s["kind"] == "named_in_other_records")
    assert {f["value"] for i in named["items"] for f in i["fields"] if f["label"] == "The child whose record it is"} == {"Tom Morgan"}


def test_a_siblings_export_leaves_her_out_of_the_contact_that_named_them_both(client_for, world):
    data = _export(client_for(world.people["dee"]), world.sars["tom"])
    contacts = next(s for s in data["sections"] if s["kind"] == "contacts")
    assert [f["value"] for i in contacts["items"] for f in i["fields"] if f["label"] == "Another child named"] == []
    assert "Penhallow" not in " ".join(_values(data))


def test_a_grant_to_the_officer_brings_her_into_another_persons_export(client_for, world):
    dee = world.people["dee"]
    grant_access(world.wren, acting_user=world.people["helen"], user=dee, reason="Subject access request from Kerry Morgan.")
    values = " ".join(_values(_export(client_for(dee), world.sars["kerry"])))
    assert "Wren Penhallow" in values


def test_the_exports_notes_do_not_say_whether_a_restricted_child_was_left_out(client_for, world):
    dee = world.people["dee"]

    def notes() -> list:
        data = _export(client_for(dee), world.sars["kerry"])
        return data["covers"] + [s["note"] for s in data["sections"]]

    left_out = notes()
    grant_access(world.wren, acting_user=world.people["helen"], user=dee, reason="Subject access request from Kerry Morgan.")
    assert notes() == left_out


# --- Counts and the API ------------------------------------------------------------------------------------------

def test_the_api_counts_no_restricted_child_the_caller_may_not_open(world):
    for persona in PERSONAS:
        secret = create_user_token(world.people[persona], name="count", acting_user=world.people["admin_user"])[1]
        data = Client().get("/api/children", {"name": "Penhallow"}, headers={"Authorization": f"Bearer {secret}"}).json()
        assert data.get("count", 0) == (1 if persona in MAY_OPEN_WREN else 0), persona


def test_find_a_child_does_not_count_her_for_those_who_may_not_open_her(client_for, world):
    page = client_for(world.people["alice"]).get("/children/find/", {"name": "Wren Penhallow"}).content.decode()
    assert "0 children found" in page
    page = client_for(world.people["charlie"]).get("/children/find/", {"name": "Wren Penhallow"}).content.decode()
    assert "1 child found" in page
