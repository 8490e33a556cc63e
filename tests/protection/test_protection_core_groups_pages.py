"""Core group meeting pages, each paired allow/deny: the worker, her team and its managers record a meeting from the
child's page and the plan's page; the chair reads the meeting while chairing the child's conferences but records
nothing; an uninvolved worker and partners are refused alike, GET and POST; a meeting or plan id of another child
answers exactly like a missing one; the partner who came sees the date and agencies on the shared page, never what
was said."""
import re
from datetime import date, time, timedelta

import pytest

from journey.protection.core_group_actions import Meeting, Member, record_core_group_meeting
from journey.protection.models import CoreGroupMeeting
from tests.protection.test_protection_conferences import make_plan

pytestmark = pytest.mark.django_db
TODAY = date.today()
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
WRITERS = ["alice", "mo", "bea", "helen"]
NOT_WRITERS = ["chris", "charlie", "officer", "teacher", "nurse"]


@pytest.fixture
def plan(enquiry, ruby, alice, chris, officer, council):
    """Ruby's child protection plan, made by her initial conference today (chaired by Chris, PC Patel there)."""
    return make_plan(enquiry, ruby, alice, chris, officer, council).plan


@pytest.fixture
def held(plan, ruby, alice, council, health, officer, school):
    """Ruby's first core group meeting: Alice, a health visitor and PC Patel came; the school sent apologies."""
    return record_core_group_meeting(
        plan, child=ruby, acting_user=alice,
        record=Meeting(held_on=TODAY, starts_at=time(15, 30), progress="Mum has been home by 3:30 every day.",
                       childs_views="Ruby said tea with Mum is the best bit.", decisions="Health visitor to see the baby by Friday."),
        members=[Member("Alice Akers", council), Member("Hana Hill", health, "Health visitor"),
                 Member("Priya Patel", officer.agency, email=officer.email), Member("Tess Turner", school, sent_apologies=True)],
    )


def _same(one: bytes, other: bytes) -> bool:
    """The same page, but for the form's own CSRF token (a sign-out form on every page)."""
    return CSRF.sub(b"", one) == CSRF.sub(b"", other)


def new_url(ruby, plan) -> str:
    return f"/protection/children/{ruby.pk}/plans/{plan.pk}/core-group/new/"


def form(date_fields, council, **changes) -> dict:
    data = {
        **date_fields("held_on", TODAY), "starts_at": "15:30", "member_rows": "4", "member_1_name": "Alice Akers", "member_1_agency": str(council.pk),
        "progress": "Mum has been home by 3:30 every day.", "childs_views": "", "decisions": "Carry on; next meeting in six weeks.",
    }
    return data | changes


@pytest.mark.parametrize("who", WRITERS)
def test_the_worker_her_team_and_managers_record_a_meeting(client_for, request, plan, ruby, council, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(new_url(ruby, plan)).status_code == 200
    response = client.post(new_url(ruby, plan), form(date_fields, council))
    made = CoreGroupMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/protection/children/{ruby.pk}/core-group/{made.pk}/"


@pytest.mark.parametrize("who", NOT_WRITERS)
def test_the_chair_an_uninvolved_worker_and_partners_may_not_record_one(client_for, request, plan, ruby, council, date_fields, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(new_url(ruby, plan)).status_code == 403
    assert client.post(new_url(ruby, plan), form(date_fields, council)).status_code == 403
    assert not CoreGroupMeeting.objects.exists()


def test_the_form_names_each_missing_answer_keeps_what_was_typed_and_saves_nothing(client_for, alice, plan, ruby, council, date_fields):
    response = client_for(alice).post(new_url(ruby, plan), form(date_fields, council, decisions="", member_1_agency="",
                                                                progress="Mum was home every day but one."))
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and "Error: Record a core group meeting" in page
    assert "Select the agency of member 1" in page and "Enter what the core group decided and the next steps" in page
    assert "Mum was home every day but one." in page and 'value="Alice Akers"' in page
    assert not CoreGroupMeeting.objects.exists()


def test_a_meeting_before_the_plan_began_is_refused_on_the_page(client_for, alice, plan, ruby, council, date_fields):
    response = client_for(alice).post(new_url(ruby, plan), form(date_fields, council, **date_fields("held_on", TODAY - timedelta(days=1))))
    assert "The meeting cannot be held before the plan began" in response.content.decode() and not CoreGroupMeeting.objects.exists()


def test_another_member_row_posts_back_without_saving(client_for, alice, plan, ruby, council, date_fields):
    response = client_for(alice).post(new_url(ruby, plan), form(date_fields, council, add_member="1"))
    page = response.content.decode()
    assert 'name="member_5_name"' in page and 'value="Alice Akers"' in page and "govuk-error-summary" not in page
    assert not CoreGroupMeeting.objects.exists()


def test_a_plan_with_no_core_group_answers_like_a_missing_one(client_for, alice, plan, ruby):
    from journey.casework.models import Plan

    child_in_need = Plan.objects.create(child=ruby, episode=ruby.episodes.get(kind="child_in_need"), kind="child_in_need",
                                        started_on=plan.started_on, author=alice, what_needs_to_change="Jo to attend the parenting group.")
    missing = client_for(alice).get(f"/protection/children/{ruby.pk}/plans/{plan.pk + 1000}/core-group/new/")
    other = client_for(alice).get(f"/protection/children/{ruby.pk}/plans/{child_in_need.pk}/core-group/new/")
    assert missing.status_code == other.status_code == 403 and _same(other.content, missing.content)


@pytest.mark.parametrize("who, status", [("alice", 200), ("mo", 200), ("bea", 200), ("chris", 200),
                                         ("charlie", 403), ("officer", 403), ("teacher", 403), ("nurse", 403)])
def test_who_reads_the_meeting(client_for, request, held, ruby, who, status):
    response = client_for(request.getfixturevalue(who)).get(f"/protection/children/{ruby.pk}/core-group/{held.pk}/")
    assert response.status_code == status
    if status == 403:
        assert b"Ruby" not in response.content and b"tea with Mum" not in response.content


def test_the_meeting_page_shows_who_came_by_agency_what_changed_the_childs_views_and_decisions(client_for, alice, held, ruby):
    page = client_for(alice).get(f"/protection/children/{ruby.pk}/core-group/{held.pk}/").content.decode()
    assert "Northfield Community Health" in page and "Hana Hill, Health visitor" in page and "Sent apologies" in page
    assert "Mum has been home by 3:30 every day." in page and "tea with Mum is the best bit" in page and "see the baby by Friday" in page
    assert f"{TODAY:%-d %B %Y} at 15:30" in page and f"/protection/children/{ruby.pk}/plans/{held.plan_id}/core-group/new/" in page


def test_the_chair_reads_the_meeting_but_is_offered_no_recording(client_for, chris, held, ruby):
    page = client_for(chris).get(f"/protection/children/{ruby.pk}/core-group/{held.pk}/").content.decode()
    assert "Mum has been home" in page and "core-group/new/" not in page


def test_a_forbidden_meeting_answers_exactly_like_a_missing_one(client_for, alice, charlie, held, ruby):
    forbidden = client_for(charlie).get(f"/protection/children/{ruby.pk}/core-group/{held.pk}/")
    missing = client_for(charlie).get(f"/protection/children/{ruby.pk}/core-group/{held.pk + 1000}/")
    assert forbidden.status_code == missing.status_code == 403 and _same(forbidden.content, missing.content)
    for_alice = client_for(alice).get(f"/protection/children/{ruby.pk}/core-group/{held.pk + 1000}/")
    assert for_alice.status_code == 403


def test_a_meeting_is_read_only_through_its_own_child(client_for, alice, sam, team_a, held):
    from journey.casework.actions import open_episode
    from journey.people.actions import create_child

    max_ = create_child(acting_user=sam, first_name="Max", last_name="Smith", date_of_birth=TODAY - timedelta(days=5 * 366))
    open_episode(max_, "child_in_need", started_on=TODAY - timedelta(days=10), acting_user=sam, worker=alice, team=team_a)
    assert client_for(alice).get(f"/protection/children/{max_.pk}/core-group/{held.pk}/").status_code == 403


def test_the_childs_page_links_recording_beside_the_review_and_lists_the_meetings(client_for, alice, chris, held, ruby):
    page = client_for(alice).get(f"/children/{ruby.pk}/").content.decode()
    assert "Record a core group meeting" in page and f"/protection/children/{ruby.pk}/plans/{held.plan_id}/core-group/new/" in page
    assert "Record a review conference" in page and f"/protection/children/{ruby.pk}/core-group/{held.pk}/" in page
    chairs_view = client_for(chris).get(f"/children/{ruby.pk}/").content.decode()
    assert f"/protection/children/{ruby.pk}/core-group/{held.pk}/" in chairs_view and "Record a core group meeting" not in chairs_view


def test_the_plan_page_shows_its_conferences_category_history_and_meetings(client_for, alice, chris, held, ruby):
    url = f"/casework/children/{ruby.pk}/plans/{held.plan_id}/"
    page = client_for(alice).get(url).content.decode()
    conference = held.plan.conferences.get()
    assert f"/protection/children/{ruby.pk}/conferences/{conference.pk}/" in page and "Neglect" in page and "Initial" in page
    assert f"/protection/children/{ruby.pk}/core-group/{held.pk}/" in page
    assert "core-group/new/" in page and "review-conference/" in page
    chairs_view = client_for(chris).get(url).content.decode()
    assert f"/protection/children/{ruby.pk}/core-group/{held.pk}/" in chairs_view and "core-group/new/" not in chairs_view


def test_the_partner_who_came_sees_the_date_and_agencies_never_what_was_said(client_for, officer, held, ruby):
    page = client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    assert "Core group meetings you came to" in page and f"{TODAY:%-d %b %Y}" in page and "Northfield Community Health" in page
    assert "Oakfield" not in page.split("Core group meetings you came to")[1].split("</table>")[0]  # apologies are not "came"
    assert "home by 3:30" not in page and "tea with Mum" not in page and "see the baby" not in page


def test_a_partner_who_sent_apologies_or_a_colleague_sees_nothing_of_it(client_for, officer, held, ruby):
    from journey.accounts.models import Role
    from tests.conftest import make_user

    held.members.filter(user=officer).update(sent_apologies=True)
    assert "Core group meetings you came to" not in client_for(officer).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()
    colleague = make_user("dc-green", Role.PARTNER, officer.agency, None, "Dan", "Green", "Detective constable")
    assert "Core group meetings you came to" not in client_for(colleague).get(f"/front-door/children/{ruby.pk}/shared/").content.decode()


def test_the_subject_access_export_lists_the_members_as_third_parties(held, ruby):
    from journey.dataprotection.export_sections import core_group_meetings

    rows = {field.label: (field.value, field.redact) for field in core_group_meetings(ruby).items[0].fields}
    assert rows["Member 2"] == ("Hana Hill, Health visitor, Northfield Community Health", "third party: people present")
    assert rows["Member 4"][0] == "Tess Turner, Oakfield Primary School (sent apologies)"
    assert rows["What has changed against the plan"] == ("Mum has been home by 3:30 every day.", "may identify another person")


def test_a_child_in_need_plan_page_shows_no_protection_section(client_for, alice, ruby):
    from journey.casework.plan_actions import PlanContent, Step, write_plan

    episode = ruby.episodes.get()
    plan = write_plan(episode, kind="child_in_need", started_on=episode.started_on, acting_user=alice,
                      steps=[Step("Jo", "Go to the group.", TODAY + timedelta(days=14), "It starts then.")],
                      content=PlanContent("Shouting at home.", "Jo to attend the parenting group.", "A meeting with the family."))
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/").content.decode()
    assert "Jo to attend the parenting group." in page
    assert "Conferences and core group" not in page and "core-group/new/" not in page


def test_a_health_partner_in_the_core_group_opens_the_shared_page_while_the_plan_is_open(client_for, plan, ruby, alice, council, nurse, health):
    """Nia's agency raised nothing about Ruby and she was at no conference; coming to the core group lets her see
    the shared page (and send a report for the next review) while the plan is open, and not after it has ended."""
    shared = f"/front-door/children/{ruby.pk}/shared/"
    assert client_for(nurse).get(shared).status_code == 403
    record_core_group_meeting(
        plan, child=ruby, acting_user=alice, members=[Member("Alice Akers", council), Member("Nia Nash", health, email=nurse.email)],
        record=Meeting(held_on=TODAY, starts_at=time(15, 30), progress="Better.", decisions="Carry on."),
    )
    assert b"Core group meetings you came to" in client_for(nurse).get(shared).content
    plan.ended_on = TODAY
    plan.save()
    CoreGroupMeeting.objects.filter(plan=plan).update(held_on=TODAY - timedelta(days=40))  # long ago, and the plan has ended
    assert client_for(nurse).get(shared).status_code == 403
