"""Every address that takes any id (a child, a contact, a child named in a contact, a visit, an assessment, an
episode, a plan and its version number, a grant, a subject access request, a document), GET and POST, for every persona, against
objects of four children.

Who may reach each one is written out by hand (``MAY_OPEN`` in test_access_matrix and the audiences below), not
computed from the rules under test. Denied answers are the same 403 page, byte for byte, as a missing id in the
same place (bar the form's CSRF token); a denied POST changes nothing. ``test_every_id_route_is_in_the_matrix``
walks the URL conf and fails when an address taking an id is neither walked here nor exempted with a reason.
"""
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from journey.access.actions import grant_access
from journey.api.actions import create_user_token
from journey.audit.models import AuditEvent
from journey.codelists.models import Code, CodeList
from journey.dataprotection.actions import record_subject_access_request
from journey.learning.models import CaseAuditRound
from journey.learning.recommendation_actions import record_recommendation
from journey.learning.review_actions import add_member, commission_review
from journey.lib.dates import today
from journey.practice.actions import Decision, Discussion, record_supervision
from tests.access.test_access_matrix import (  # noqa: F401  (world is a fixture)
    MANAGERS,
    MAY_OPEN,
    PARTNERS,
    PERSONAS,
    READERS,
    ROLE_OF,
    named_patterns,
    oak_unit_with_a_meeting,
    world,
)
from tests.learning.audits import a_round, an_audit, framework

FRONT_DOOR = {"sam"}
# Who recorded each child's contact in the world: Sam took the police call about Ruby; the school raised the rest.
RECORDED_BY = {"ruby": "sam", "bertie": "teacher", "freya": "teacher", "rosa": "teacher"}
RAISING_AGENCY_USERS = {"ruby": {"officer"}, "bertie": {"teacher"}, "freya": {"teacher"}, "rosa": {"teacher"}}
STAFF_ONLY = set(PERSONAS) - PARTNERS
REVIEW_TEAM = {"helen", "alice", "officer"}


def may(audience: str, persona: str, child: str) -> bool:
    """The hand-written rule for each audience."""
    opens = persona in MAY_OPEN[child]
    restricted = child == "rosa"
    if audience == "staff":
        return opens and persona in STAFF_ONLY
    if audience == "writers":  # recording casework: those who hold the child's casework, not those who only read her record
        return opens and persona in STAFF_ONLY and persona not in READERS
    if audience == "managers":
        return opens and persona in MANAGERS
    if audience == "partner":
        return opens and persona in PARTNERS
    if audience == "report":  # a partner's conference report: staff who open the record, and Priya, who wrote Ruby's
        return opens and (persona in STAFF_ONLY or persona == "officer")
    if audience == "contact page":  # the front door (never a restricted child it cannot find), the recorder, a linked child's staff
        # (a contact opens only to staff whose role searches the record: not to the chair, who reads the child's record alone)
        return persona in STAFF_ONLY and (
            (persona in FRONT_DOOR and not restricted) or (persona == RECORDED_BY[child] and not restricted) or (opens and persona not in READERS)
        )
    if audience == "front door work":
        return persona in FRONT_DOOR and not restricted
    if audience == "contact sent":
        return persona == RECORDED_BY[child]
    if audience == "api contact":
        if persona in PARTNERS:
            return persona in RAISING_AGENCY_USERS[child] and not restricted
        return may("contact page", persona, child)
    if audience == "officer":
        return persona == "dpo"
    if audience == "team manager":  # authorising an assessment: a team manager who may open the child
        return opens and persona == "mo"
    if audience == "alice's managers":  # recording Alice's supervision: her line manager and the manager above
        return persona in MANAGERS
    if audience == "alice's supervision":  # reading it, the private reflection with it: Alice and her manager line
        return persona in MANAGERS | {"alice"}
    if audience == "oak":  # a unit's caseload and meetings: its members and its manager line, of the personas Helen alone
        return persona == "helen"
    if audience == "audit round":  # Mo's round of Ruby: Mo who made it, Audra while its access lasts
        return persona in {"mo", "audra"}
    if audience == "audit round's maker":  # extending or ending its access
        return persona == "mo"
    if audience == "auditor":  # recording the audit of a sampled child
        return persona == "audra"
    if audience == "ruby's audit":  # the round's maker, its auditor and Alice, whose work it audited
        return persona in {"mo", "audra", "alice"}
    if audience == "ruby's review":  # Helen commissioned it; Alice and Priya of the police are its team
        return child == "ruby" and persona in REVIEW_TEAM
    if audience == "ruby's review lead":  # naming the team and closing it: Helen, who commissioned it
        return child == "ruby" and persona == "helen"
    if audience == "board":  # the partnership's recommendations: every member of the council's staff
        return persona in STAFF_ONLY
    if audience == "recommendation changers":  # its owner (Mo) and the head of service who recorded it (Helen)
        return persona in MANAGERS
    if audience == "receiving manager":  # answering Ruby's transfer to Team B: Team B's manager line, Helen alone
        return opens and persona == "helen" and child == "ruby"
    raise AssertionError(audience)


# (url name, methods, audience, the ids after the child's, or without a child)
ROUTES = [
    ("people:child", "GET", "staff", ["child"]),
    ("people:edit-details", "GET POST", "staff", ["child"]),
    ("people:move-address", "GET POST", "staff", ["child"]),
    ("people:family", "GET", "staff", ["child"]),
    ("people:add-family-member", "GET POST", "staff", ["child"]),
    ("people:link-family-member", "GET POST", "staff", ["child"]),
    ("people:end-relationship", "GET POST", "staff", ["child", "relationship"]),
    ("people:join-household", "GET POST", "staff", ["child"]),
    ("people:leave-household", "GET POST", "staff", ["child", "membership"]),
    ("people:move-household", "GET POST", "staff", ["child"]),
    ("casework:new-visit", "GET POST", "staff", ["child"]),
    ("casework:visit", "GET", "staff", ["child", "visit"]),
    ("casework:new-household-visit", "GET POST", "staff", ["child"]),
    ("casework:choose-note", "GET", "staff", ["child"]),
    ("casework:new-note", "GET POST", "staff", ["child"]),
    ("casework:new-phone-call", "GET POST", "staff", ["child"]),
    ("casework:new-email", "GET POST", "staff", ["child"]),
    ("casework:new-letter", "GET POST", "staff", ["child"]),
    ("casework:new-meeting", "GET POST", "staff", ["child"]),
    ("casework:note", "GET", "staff", ["child", "note"]),
    ("casework:open-episode", "GET POST", "staff", ["child"]),
    ("casework:allocate", "GET POST", "managers", ["child", "episode"]),
    ("casework:close-episode", "GET POST", "staff", ["child", "episode"]),
    ("casework:propose-transfer", "GET POST", "managers", ["child", "episode"]),
    ("casework:transfer", "GET", "staff", ["child", "transfer"]),
    ("casework:decide-transfer", "POST", "receiving manager", ["child", "transfer"]),
    ("casework:closure", "GET", "staff", ["child", "closure"]),
    ("casework:decide-closure", "POST", "managers", ["child", "closure"]),
    ("casework:new-assessment", "GET POST", "staff", ["child", "episode"]),
    ("casework:assessment", "GET POST", "staff", ["child", "assessment"]),
    ("casework:change-by-when", "POST", "staff", ["child", "assessment"]),
    ("casework:authorise-assessment", "POST", "team manager", ["child", "assessment"]),
    ("casework:plans", "GET", "staff", ["child"]),
    ("casework:new-plan", "GET POST", "writers", ["child", "episode"]),
    ("casework:plan", "GET", "staff", ["child", "plan"]),
    ("casework:plan-version", "GET", "staff", ["child", "plan", "number"]),
    ("casework:review-plan", "GET POST", "writers", ["child", "plan"]),
    ("casework:end-plan", "POST", "writers", ["child", "plan"]),
    ("casework:print-plan", "GET", "staff", ["child", "plan"]),
    ("protection:new-discussion", "GET POST", "writers", ["child", "episode"]),
    ("protection:discussion", "GET", "staff", ["child", "discussion"]),
    ("protection:further-discussion", "GET POST", "writers", ["child", "discussion"]),
    ("protection:start-enquiry", "GET POST", "writers", ["child", "discussion"]),
    ("protection:enquiry", "GET", "staff", ["child", "enquiry"]),
    ("protection:complete-enquiry", "POST", "writers", ["child", "enquiry"]),
    ("protection:enquiry-by-when", "POST", "writers", ["child", "enquiry"]),
    ("protection:new-initial-conference", "GET POST", "writers", ["child", "enquiry"]),
    ("protection:new-review-conference", "GET POST", "writers", ["child", "cp_plan"]),
    ("protection:conference", "GET", "staff", ["child", "conference"]),
    ("protection:new-core-group", "GET POST", "writers", ["child", "cp_plan"]),
    ("protection:core-group", "GET", "staff", ["child", "core_group"]),
    ("protection:new-report", "GET POST", "partner", ["child"]),
    ("protection:report", "GET", "report", ["child", "report"]),
    ("documents:attach-note", "GET POST", "staff", ["child", "note"]),
    ("documents:attach-visit", "GET POST", "staff", ["child", "visit"]),
    ("documents:attach-plan", "GET POST", "staff", ["child", "plan"]),
    ("documents:download", "GET", "staff", ["child", "document"]),
    ("chronology:add-event", "GET POST", "staff", ["child"]),
    ("chronology:flag", "POST", "staff", ["child"]),
    ("chronology:print", "GET", "staff", ["child"]),
    ("access:grants", "GET POST", "managers", ["child"]),
    ("access:revoke", "POST", "managers", ["child", "grant"]),
    ("audit:child-reads", "GET", "managers", ["child"]),
    ("dataprotection:child-shares", "GET", "staff", ["child"]),
    ("dataprotection:new-share", "GET POST", "staff", ["child"]),
    ("frontdoor:shared-record", "GET", "partner", ["child"]),
    ("frontdoor:add-information", "GET POST", "partner", ["child"]),
    ("frontdoor:contact", "GET", "contact page", ["contact"]),
    ("frontdoor:contact-sent", "GET", "contact sent", ["contact"]),
    ("frontdoor:link", "POST", "front door work", ["contact", "named"]),
    ("frontdoor:create-child", "POST", "front door work", ["contact", "named"]),
    ("frontdoor:screen", "POST", "front door work", ["contact"]),
    ("dataprotection:sar", "GET", "officer", ["sar"]),
    ("feedback:child", "GET", "staff", ["child"]),
    ("feedback:new", "GET POST", "staff", ["child"]),
    ("feedback:new-link", "GET POST", "staff", ["child"]),
    ("feedback:feedback", "GET", "staff", ["child", "feedback"]),
    ("feedback:respond", "GET POST", "staff", ["child", "feedback"]),
    ("practice:new-supervision", "GET POST", "alice's managers", ["practitioner"]),
    ("practice:session", "GET", "alice's supervision", ["session"]),
    ("practice:unit", "GET", "oak", ["unit"]),
    ("practice:new-unit-meeting", "GET POST", "oak", ["unit"]),
    ("practice:unit-meeting", "GET", "oak", ["unit_meeting"]),
    ("dataprotection:sar-json", "GET", "officer", ["sar"]),
    ("learning:audit-round", "GET", "audit round", ["round"]),
    ("learning:audit-grant", "GET POST", "audit round's maker", ["round"]),
    ("learning:new-case-audit", "GET POST", "auditor", ["sample"]),
    ("learning:case-audit", "GET", "ruby's audit", ["audit"]),
    ("learning:practitioner-view", "GET POST", "ruby's audit", ["audit"]),
    ("learning:review", "GET", "ruby's review", ["review"]),
    ("learning:timeline", "GET", "ruby's review", ["review"]),
    ("learning:new-episode", "GET POST", "ruby's review", ["review"]),
    ("learning:new-finding", "GET POST", "ruby's review", ["review"]),
    ("learning:add-member", "POST", "ruby's review lead", ["review"]),
    ("learning:close-review", "POST", "ruby's review lead", ["review"]),
    ("learning:recommendation", "GET", "board", ["recommendation"]),
    ("learning:add-action", "POST", "recommendation changers", ["recommendation"]),
    ("learning:add-progress", "POST", "recommendation changers", ["recommendation"]),
    ("learning:close-recommendation", "POST", "recommendation changers", ["recommendation"]),
    ("dataprotection:sar-response", "POST", "officer", ["sar"]),
]
API = [
    ("api:get_child", "/api/children/{child}", "staff+partner"),
    ("api:get_chronology", "/api/children/{child}/chronology", "staff"),
    ("api:get_contact", "/api/contacts/{contact}", "api contact"),
]
# The administrator's pages about accounts, teams, agencies and the code lists (no child's record is reachable from them): the
# administrator alone, everyone else sent to sign in as an administrator.
ADMIN = [
    ("accounts-admin:accounts_user_change", "user"), ("accounts-admin:accounts_user_history", "user"),
    ("accounts-admin:accounts_user_delete", "user"), ("accounts-admin:auth_user_password_change", "user"),
    ("accounts-admin:accounts_team_change", "team"), ("accounts-admin:accounts_team_history", "team"),
    ("accounts-admin:accounts_team_delete", "team"), ("accounts-admin:accounts_agency_change", "agency"),
    ("accounts-admin:accounts_agency_history", "agency"), ("accounts-admin:accounts_agency_delete", "agency"),
    ("accounts-admin:codelists_codelist_change", "code list"), ("accounts-admin:codelists_codelist_history", "code list"),
    ("accounts-admin:codelists_codelist_delete", "code list"), ("accounts-admin:codelists_code_change", "code"),
    ("accounts-admin:codelists_code_history", "code"), ("accounts-admin:codelists_code_delete", "code"),
    ("accounts-admin:learning_auditframework_change", "framework"), ("accounts-admin:learning_auditframework_history", "framework"),
    ("accounts-admin:learning_auditframework_delete", "framework"),
]
# Addresses with an id that are not a view of someone's record, each with the reason.
EXEMPT = {
    "access:break-glass": "the way in for those denied: it answers every child id alike until a reason is given (tests/access/test_access_break_glass.py)",
    "accounts-admin:view_on_site": "Django admin's redirect to an object's own page; accounts have none (it answers 404)",
    "accounts-admin:None": "Django admin's catch-all that redirects to the admin index, which asks for an administrator",
    "api:add_information": "a partner system's write, POST only: paired allow/deny for every persona in tests/api/test_api_partner_information.py",
    "news:open": "one item of the user's own news (a kind and the id of its record), opened and marked read: every persona "
                 "against every item, and forbidden answering as missing byte for byte, in tests/news/test_news_access.py",
}
MISSING_ID = 987654321
NO_ACCESS = b"You do not have access"


@pytest.fixture
def ids(world, mo, sam, council):
    """Every id each child's addresses need: the world's episode, visit and assessment, the contact about the child
    and the child named in it, a grant on the child's record, and one subject access request (about Ruby)."""
    people, children, objects = world
    found = {}
    for name, child in children.items():
        named = child.contact_links.select_related("contact").first()
        row = {"child": child.pk, "contact": named.contact_id, "named": named.pk, **objects.get(name, {})}
        row["visit"], row["episode"], row["assessment"] = row.pop("visit_id", None), row.pop("episode_id", None), row.pop("assessment_id", None)
        row["note"], row["document"] = row.pop("note_id", None), row.pop("document_id", None)
        row["plan"], row["number"] = row.pop("plan_id", None), row.pop("number", None)
        row["discussion"], row["enquiry"] = row.pop("discussion_id", None), row.pop("enquiry_id", None)
        row["conference"], row["cp_plan"] = row.pop("conference_id", None), row.pop("cp_plan_id", None)
        row["core_group"] = row.pop("core_group_id", None)
        row["report"] = row.pop("report_id", None)
        row["feedback"] = row.pop("feedback_id", None)
        row["transfer"], row["closure"] = row.pop("transfer_id", None), row.pop("closure_id", None)
        row["relationship"], row["membership"] = row.pop("relationship_id", None), row.pop("membership_id", None)
        found[name] = row
    grant = grant_access(children["ruby"], acting_user=mo, reason="Covering Alice's visits this week.", user=people["bea"])
    found["ruby"]["grant"] = grant.pk
    sar = record_subject_access_request(children["ruby"].person, acting_user=people["dpo"], requested_by_name="Ruby's mother", received_on=today())
    # Mo's supervision of Alice, discussing Ruby with a decision and a private reflection.
    session = record_supervision(practitioner=people["alice"], held_on=today(), acting_user=mo, discussions=[Discussion(
        children["ruby"], feelings="Anxious before visits.", decisions=[Decision("Visit weekly", "Attendance fell.", people["alice"])])])
    # Helen's case review of Ruby's case, Alice and Priya on its team (no finding yet, so an empty "close" changes
    # nothing), and a recommendation on the board, recorded by Helen and owned by Mo.
    review = commission_review(children["ruby"], reason="serious_harm", terms_of_reference="How was the police history shared?",
                               period_from=today() - timedelta(days=30), period_to=today(), acting_user=people["helen"])
    add_member(review, people["alice"], acting_user=people["helen"])
    add_member(review, people["officer"], acting_user=people["helen"])
    recommendation = record_recommendation(title="Notifications carry their history", source_kind="practice", finding=None, source_detail="",
                                           options_weighed="A template.", owner=mo, acting_user=people["helen"])
    oak, unit_meeting = oak_unit_with_a_meeting(people, council, sam)
    for row in found.values():
        row["sar"] = sar.pk
        row["practitioner"] = people["alice"].pk
        row["unit"] = oak.pk
        row["recommendation"] = recommendation.pk
    found["ruby"]["session"] = session.pk
    found["ruby"]["unit_meeting"] = unit_meeting.pk
    # Mo's round of Ruby (in the world), audited by Audra; a second round's sample waits for her audit.
    round_ = CaseAuditRound.objects.get(pk=found["ruby"].pop("round_id"))
    found["ruby"]["round"] = round_.pk
    found["ruby"]["audit"] = an_audit(round_.sample.get(), people["audra"]).pk
    found["ruby"]["sample"] = a_round(mo, [people["audra"]], title="Again").sample.get().pk
    found["ruby"]["review"] = review.pk
    return found


def post_data(name: str, row: dict) -> dict:
    """An empty form, except where an empty one is itself refused as malformed (linking names a child)."""
    return {"child_id": row["child"]} if name == "frontdoor:link" else {}


def address(name: str, keys: list[str], row: dict) -> str | None:
    if any(row.get(key) is None for key in keys):
        return None  # this child has no such object (Freya has no episode yet)
    url = reverse(name, args=[row[key] for key in keys])
    return url + f"?entry={row['entry']}" if name == "chronology:flag" and "entry" in row else url


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def same_page(forbidden: bytes, missing: bytes, real_id: int) -> bool:
    """The two 403 pages match byte for byte, but for the form's CSRF token (masked afresh on every page) and the id
    the user typed, which the break-glass form on a child's page echoes back."""
    normal = CSRF.sub(b"csrf", forbidden)
    other = CSRF.sub(b"csrf", missing).replace(str(MISSING_ID).encode(), str(real_id).encode())
    return normal == other


def test_every_persona_against_every_address_that_takes_an_id(client, world, ids):
    people, children, _objects = world
    wrong, cells = [], 0
    for persona in PERSONAS:
        client.force_login(people[persona])
        for child_name in children:
            row = ids[child_name]
            for name, methods, audience, keys in ROUTES:
                url = address(name, keys, row)
                if url is None:
                    continue
                allowed = may(audience, persona, child_name)
                for method in methods.split():
                    before = AuditEvent.objects.exclude(action__in=["read", "refused"]).count()
                    response = client.get(url) if method == "GET" else client.post(url, post_data(name, row))
                    cells += 1
                    status = response.status_code
                    body = b"".join(response.streaming_content) if response.streaming else response.content  # a download streams
                    if allowed and (status >= 500 or NO_ACCESS in body):
                        wrong.append(f"{ROLE_OF[persona]} {method} {name} for {child_name}: {status}, expected access")
                    if not allowed:
                        if status != 403:
                            wrong.append(f"{ROLE_OF[persona]} {method} {name} for {child_name}: {status}, expected 403")
                        if AuditEvent.objects.exclude(action__in=["read", "refused"]).count() != before:
                            wrong.append(f"{ROLE_OF[persona]} {method} {name} for {child_name}: a refused request changed the record")
    print("\n".join(wrong))
    assert wrong == []
    assert cells >= len(PERSONAS) * len(children) * 30


def test_every_persona_against_every_api_endpoint_that_takes_an_id(client, world, ids):
    people, children, _objects = world
    wrong = []
    for persona in PERSONAS:
        secret = create_user_token(people[persona], name="id matrix", acting_user=people["admin_user"])[1]
        for child_name, child in children.items():
            for _name, template, audience in API:
                allowed = (
                    may("staff", persona, child_name) or may("partner", persona, child_name) if audience == "staff+partner"
                    else may(audience, persona, child_name)
                )
                response = client.get(template.format(**ids[child_name]), headers={"Authorization": f"Bearer {secret}"})
                if (response.status_code == 200) != allowed or response.status_code not in (200, 403):
                    wrong.append(f"{ROLE_OF[persona]} GET {template} for {child_name}: {response.status_code}")
                if not allowed and child.person.first_name.encode() in response.content:
                    wrong.append(f"{ROLE_OF[persona]} GET {template} for {child_name}: names the child")
    assert wrong == []


def test_a_forbidden_id_and_a_missing_one_answer_byte_for_byte_alike(client, world, ids):
    """For each address and each id in it, a persona who may not see the object gets exactly the page they would
    get for an id that does not exist."""
    people, children, _objects = world
    different = []
    for name, methods, audience, keys in ROUTES:
        for child_name in children:
            denied = next((p for p in PERSONAS if not may(audience, p, child_name) and p not in MAY_OPEN[child_name]), None)
            row = ids[child_name]
            url = address(name, keys, row)
            if denied is None or url is None:
                continue
            client.force_login(people[denied])
            method = methods.split()[0]
            for position, key in enumerate(keys):
                missing_row = {**row, key: MISSING_ID}
                missing_url = address(name, keys, missing_row)
                fetch = client.get if method == "GET" else (lambda u: client.post(u, post_data(name, row)))  # noqa: B023  (called at once, in this iteration)
                forbidden, missing = fetch(url), fetch(missing_url)
                if forbidden.status_code != 403 or missing.status_code != 403 or not same_page(forbidden.content, missing.content, row[key]):
                    different.append(f"{name} as {denied} for {child_name}, id {position + 1} ({key})")
    assert different == []


def _id_routes():
    return named_patterns(lambda parameters: any(name.endswith("id") for name in parameters))


def test_every_id_route_is_in_the_matrix():
    routes = set(_id_routes())
    covered = {name for name, *_ in ROUTES} | {name for name, *_ in API} | {name for name, _ in ADMIN} | set(EXEMPT)
    assert routes - covered == set(), "add each new address that takes an id to ROUTES (or EXEMPT, with the reason)"
    assert covered - routes == set(), "ROUTES names an address that no longer exists"


def test_only_the_administrator_reaches_the_admin_pages_that_take_an_id(client, world, alice, team_a, council):
    people, _children, _objects = world
    targets = {"user": alice.pk, "team": team_a.pk, "agency": council.pk, "code list": CodeList.objects.first().pk, "code": Code.objects.first().pk,
               "framework": framework().pk}
    wrong = []
    for persona in PERSONAS:
        client.force_login(people[persona])
        for name, kind in ADMIN:
            url = reverse(name, args=[targets[kind]])
            for response in (client.get(url), client.post(url, {})):
                if persona == "admin_user":
                    if response.status_code >= 500:
                        wrong.append(f"administrator {url}: {response.status_code}")
                elif response.status_code != 302 or "/admin/login/" not in response["Location"]:
                    wrong.append(f"{ROLE_OF[persona]} {url}: {response.status_code}")
    assert wrong == []
