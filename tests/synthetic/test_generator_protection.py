"""The generator writes child protection work as protection's records, in England's proportions: a strategy
discussion before its enquiry, an initial conference after the enquiry that called it, a plan starting on its
initial conference's day, reviews about three then six months apart, and a review ending the plan on its last day.
While the plan lasts its core group meets, first within ten working days of the initial conference, then about every
six weeks; partners on Journey send some conferences their reports beforehand, each for one conference."""
from collections import defaultdict
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from journey.accounts.models import AgencyKind, Role
from journey.casework.codes import EpisodeKind, PlanKind
from journey.casework.models import CaseNote, Plan
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.codelists import lookup
from journey.lib.dates import age_in_years
from journey.protection.codes import CATEGORY_LIST, ConferenceDecision, ConferenceKind, StrategyDecision
from journey.protection.models import (
    ChildProtectionConference,
    ConferenceAttendee,
    ConferenceReport,
    CoreGroupMeeting,
    CoreGroupMember,
    EnquiryByWhen,
    PlanCategoryChange,
    Section47Enquiry,
    StrategyDiscussion,
    StrategyParticipant,
)
from journey.protection.rules import chair_refusal
from journey.synthetic.measures import measure_protection

pytestmark = pytest.mark.django_db

CHILDREN = 2000
FORMER_MILESTONES = ("Strategy discussion", "Initial child protection conference", "Review child protection conference")


def test_it_writes_discussions_enquiries_conferences_and_category_changes(authority_2000):
    for model in (StrategyDiscussion, StrategyParticipant, Section47Enquiry, EnquiryByWhen, ChildProtectionConference, ConferenceAttendee,
                  PlanCategoryChange):
        assert model.objects.exists(), model.__name__
    assert set(StrategyDiscussion.objects.values_list("decision", flat=True)) == set(StrategyDecision.values)
    assert set(ChildProtectionConference.objects.values_list("decision", flat=True)) == set(ConferenceDecision.values)


def test_no_case_note_stands_in_for_a_discussion_or_conference_any_more(authority_2000):
    assert not CaseNote.objects.filter(subject__in=FORMER_MILESTONES).exists()


def test_a_discussion_is_held_in_an_open_child_in_need_episode_on_or_after_its_referral(authority_2000):
    for discussion in StrategyDiscussion.objects.select_related("episode", "referral"):
        held_on = timezone.localdate(discussion.held_at)
        assert discussion.episode.kind == EpisodeKind.CHILD_IN_NEED
        assert discussion.episode.started_on <= held_on
        assert discussion.episode.ended_on is None or held_on <= discussion.episode.ended_on
        if discussion.referral is not None:
            assert discussion.referral.referred_at <= discussion.held_at


def test_police_health_and_the_worker_are_invited_to_every_discussion(authority_2000):
    kinds = defaultdict(set)
    for discussion_id, kind in StrategyParticipant.objects.values_list("discussion_id", "agency__kind"):
        kinds[discussion_id].add(kind)
    assert len(kinds) == StrategyDiscussion.objects.count()
    assert all({AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.POLICE, AgencyKind.HEALTH} <= found for found in kinds.values())
    assert StrategyParticipant.objects.filter(user__isnull=False, user__role=Role.PARTNER).exists()


def test_every_enquiry_follows_a_discussion_that_decided_one(authority_2000):
    for enquiry in Section47Enquiry.objects.select_related("strategy_discussion", "episode"):
        discussion = enquiry.strategy_discussion
        assert discussion.decision == StrategyDecision.SECTION_47
        assert timezone.localdate(discussion.held_at) <= enquiry.started_on
        assert enquiry.episode.ended_on is None or enquiry.started_on <= enquiry.episode.ended_on
        assert enquiry.episode_id == discussion.episode_id
        assert enquiry.by_when_dates.exists()
    assert not StrategyDiscussion.objects.filter(decision=StrategyDecision.SECTION_47, enquiry__isnull=True).exists()


def test_only_a_completed_enquiry_that_found_a_conference_needed_has_an_initial_conference_after_it(authority_2000):
    initial = ChildProtectionConference.objects.filter(kind=ConferenceKind.INITIAL).select_related("enquiry")
    assert initial.exists()
    for conference in initial:
        assert conference.enquiry.conference_needed and conference.enquiry.completed_on <= conference.held_on
        assert conference.episode_id == conference.enquiry.episode_id
    called = set(initial.values_list("enquiry_id", flat=True))
    assert called <= set(Section47Enquiry.objects.filter(conference_needed=True).values_list("pk", flat=True))


def test_every_child_protection_plan_starts_at_its_initial_conference_with_its_first_category(authority_2000):
    plans = Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION)
    assert plans.exists()
    for plan in plans:
        initial = plan.conferences.get(kind=ConferenceKind.INITIAL)
        assert (initial.held_on, initial.decision) == (plan.started_on, ConferenceDecision.PLAN)
        first = plan.category_changes.order_by("from_date", "pk").first()
        assert (first.conference_id, first.from_date, first.category) == (initial.pk, plan.started_on, initial.category)
    assert not ChildProtectionConference.objects.filter(kind=ConferenceKind.INITIAL, decision=ConferenceDecision.NO_PLAN, plan__isnull=False).exists()


def test_a_plan_is_reviewed_after_about_three_months_then_about_six_monthly_and_a_review_ends_it_on_its_last_day(authority_2000):
    for plan in Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION).prefetch_related("conferences"):
        conferences = sorted(plan.conferences.all(), key=lambda c: (c.held_on, c.pk))
        reviews = [c for c in conferences if c.kind == ConferenceKind.REVIEW]
        continuing = [c for c in reviews if c.decision == ConferenceDecision.CONTINUE]
        if continuing:
            assert timedelta(days=80) <= continuing[0].held_on - plan.started_on <= timedelta(days=100)
        for earlier, later in zip(continuing, continuing[1:], strict=False):
            assert timedelta(days=165) <= later.held_on - earlier.held_on <= timedelta(days=200)
        ending = [c for c in reviews if c.decision == ConferenceDecision.END]
        if plan.ended_on is None:
            assert ending == []
        else:
            assert [c.held_on for c in ending] == [plan.ended_on] and conferences[-1] == ending[0]


def test_categories_are_the_dfe_codes_and_the_plan_shows_the_latest(authority_2000):
    assert all(lookup.exists(CATEGORY_LIST, code) for code in PlanCategoryChange.objects.values_list("category", flat=True))
    for plan in Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION):
        changes = list(plan.category_changes.order_by("from_date", "pk"))
        assert plan.category == changes[-1].category
        assert all(earlier.category != later.category for earlier, later in zip(changes, changes[1:], strict=False))
    for conference in ChildProtectionConference.objects.all():
        assert bool(conference.category) == conference.made_or_kept_plan
        if conference.category:
            assert lookup.exists(CATEGORY_LIST, conference.category)


def test_conferences_are_chaired_independently_and_someone_came(authority_2000):
    assert ChildProtectionConference.objects.values("chair").distinct().count() > 1
    for conference in ChildProtectionConference.objects.select_related("chair", "child")[:80]:
        assert conference.chair.role == Role.CP_CHAIR and chair_refusal(conference.chair, conference.child) is None
    came = set(ConferenceAttendee.objects.filter(sent_apologies=False).values_list("conference_id", flat=True))
    assert came == set(ChildProtectionConference.objects.values_list("pk", flat=True))


def test_the_childs_chronology_shows_them_as_written(authority_2000):
    kinds = set(ChronologyEntry.objects.values_list("kind", flat=True))
    assert {"strategy_discussion", "section_47", "conference", "core_group", "conference_report"} <= kinds
    children = list(ChildProtectionConference.objects.order_by("child_id").values_list("child_id", flat=True).distinct()[:25])
    children += list(ConferenceReport.objects.order_by("child_id").values_list("child_id", flat=True).distinct()[:15])
    assert differences(children) == []
    assert ChronologyEntry.objects.filter(kind="core_group").count() == CoreGroupMeeting.objects.count()
    assert ChronologyEntry.objects.filter(kind="conference_report").count() == ConferenceReport.objects.count()


def test_the_rows_pass_the_models_own_validation(authority_2000):
    for model in (StrategyDiscussion, Section47Enquiry, EnquiryByWhen, ChildProtectionConference, PlanCategoryChange, ConferenceReport,
                  CoreGroupMeeting, CoreGroupMember):
        for row in model.objects.order_by("pk")[:60]:
            row.full_clean()


# Core group meetings.
def _meetings_by_plan() -> dict[int, list[CoreGroupMeeting]]:
    found = defaultdict(list)
    for meeting in CoreGroupMeeting.objects.order_by("held_on", "pk"):
        found[meeting.plan_id].append(meeting)
    return found


def test_a_core_group_meets_only_while_its_child_protection_plan_runs_after_the_initial_conference(authority_2000):
    by_plan = _meetings_by_plan()
    assert by_plan
    yesterday = timezone.localdate() - timedelta(days=1)
    for plan in Plan.objects.filter(pk__in=by_plan).prefetch_related("conferences"):
        initial = next(c for c in plan.conferences.all() if c.kind == ConferenceKind.INITIAL)
        assert plan.kind == PlanKind.CHILD_PROTECTION
        for meeting in by_plan[plan.pk]:
            assert (meeting.child_id, meeting.episode_id) == (plan.child_id, plan.episode_id)
            assert initial.held_on < meeting.held_on <= yesterday and meeting.held_on >= plan.started_on
            assert plan.ended_on is None or meeting.held_on <= plan.ended_on
            assert meeting.held_on.weekday() < 5


def test_the_first_meeting_is_within_ten_working_days_of_the_initial_conference_then_about_every_six_weeks(authority_2000):
    by_plan = _meetings_by_plan()
    yesterday = timezone.localdate() - timedelta(days=1)
    for plan in Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION):
        last = min(plan.ended_on or yesterday, yesterday)
        meetings = by_plan.get(plan.pk, [])
        if last - plan.started_on > timedelta(days=14):
            assert meetings, f"plan {plan.pk} ran for {(last - plan.started_on).days} days without its core group meeting"
        if meetings:
            assert meetings[0].held_on - plan.started_on <= timedelta(days=14)
        for earlier, later in zip(meetings, meetings[1:], strict=False):
            assert timedelta(days=35) <= later.held_on - earlier.held_on <= timedelta(days=51)


def test_the_worker_and_the_family_are_at_every_meeting_with_health_and_others_by_agency(authority_2000):
    kinds = defaultdict(list)
    for meeting_id, kind, role, user_role, apologies in CoreGroupMember.objects.values_list(
        "meeting_id", "agency__kind", "role", "user__role", "sent_apologies",
    ):
        kinds[meeting_id].append((kind, role, user_role, apologies))
    assert len(kinds) == CoreGroupMeeting.objects.count()
    for members in kinds.values():
        assert (AgencyKind.CHILDRENS_SOCIAL_CARE, False) in {(kind, apologies) for kind, _, _, apologies in members}
        assert (AgencyKind.FAMILY, "Mum") in {(kind, role) for kind, role, _, _ in members}
        assert AgencyKind.HEALTH in {kind for kind, *_ in members}
    every = [member for members in kinds.values() for member in members]
    assert {AgencyKind.SCHOOL, AgencyKind.POLICE} <= {kind for kind, *_ in every}
    assert any(apologies for *_, apologies in every) and any(user_role == Role.PARTNER for _, _, user_role, _ in every)


def test_what_a_meeting_says_fits_the_childs_age(authority_2000):
    meetings = CoreGroupMeeting.objects.select_related("child__person")
    ages = {meeting.pk: age_in_years(meeting.child.person.date_of_birth, meeting.held_on) for meeting in meetings}
    assert all(meeting.progress and meeting.decisions and meeting.childs_views for meeting in meetings)
    babies = [meeting for meeting in meetings if ages[meeting.pk] < 3]
    assert babies and all(meeting.childs_views.startswith("Too young to say") for meeting in babies)
    assert not [meeting.pk for meeting in babies if "school" in f"{meeting.progress} {meeting.decisions}".lower()]
    assert not [meeting.pk for meeting in meetings if ages[meeting.pk] >= 3 and meeting.childs_views.startswith("Too young")]


# Partners' reports for a conference.
def test_every_report_went_to_one_conference_sent_before_it_began_for_its_enquiry_or_its_plan(authority_2000):
    reports = ConferenceReport.objects.select_related("conference", "enquiry")
    assert reports.exists()
    assert {r.conference.kind for r in reports} == {ConferenceKind.INITIAL, ConferenceKind.REVIEW}
    for report in reports:
        conference = report.conference
        began = timezone.make_aware(datetime.combine(conference.held_on, conference.starts_at))
        assert report.submitted_at < began and report.child_id == conference.child_id
        assert (report.enquiry_id is None) != (report.plan_id is None)
        if conference.kind == ConferenceKind.INITIAL:
            assert (report.enquiry_id, report.plan_id) == (conference.enquiry_id, None)
            assert report.submitted_at > report.enquiry.completed_at
        else:
            assert (report.enquiry_id, report.plan_id) == (None, conference.plan_id)


def test_a_review_takes_only_the_reports_sent_since_the_conference_before_it(authority_2000):
    """As ``report_actions.take_reports`` would: a report sent before the last conference began went to that one."""
    for report in ConferenceReport.objects.filter(plan__isnull=False).select_related("conference"):
        earlier = ChildProtectionConference.objects.filter(plan_id=report.plan_id, held_on__lt=report.conference.held_on).order_by("-held_on").first()
        assert earlier is not None
        assert report.submitted_at > timezone.make_aware(datetime.combine(earlier.held_on, earlier.starts_at))


def test_a_report_is_written_by_a_partner_of_its_agency_who_was_invited_and_could_open_the_childs_page(authority_2000):
    for report in ConferenceReport.objects.select_related("author", "agency", "conference"):
        assert report.author.role == Role.PARTNER and report.author.agency_id == report.agency_id
        assert report.agency.kind in (AgencyKind.POLICE, AgencyKind.HEALTH, AgencyKind.SCHOOL)
        invited = report.conference.attendees.get(user=report.author)
        assert invited.report_submitted and invited.agency_id == report.agency_id
        if report.enquiry_id is not None:
            took_part = StrategyParticipant.objects.filter(discussion=report.enquiry.strategy_discussion_id, user=report.author)
        else:
            took_part = ConferenceAttendee.objects.filter(conference__plan=report.plan_id, conference__held_on__lt=report.conference.held_on,
                                                          user=report.author)
        assert took_part.exists(), f"report {report.pk}'s author could not open the child's shared page when they sent it"
    assert ConferenceReport.objects.filter(shared_with_family=True).exists() and ConferenceReport.objects.filter(shared_with_family=False).exists()


# England 2024-25 per 10,000 children (DfE, Characteristics of children in need): about 190 enquiries a year
# (230,000), about 60 initial conferences (72,000, 31% of enquiries), most of them making a plan, and 41 on a plan
# at 31 March. The bands allow for chance in 2,000 children.
@pytest.fixture(scope="module")
def figures(authority_2000):
    return measure_protection(CHILDREN)


def test_about_190_enquiries_per_10000_a_year_from_a_few_more_discussions(figures):
    assert 130 <= figures.enquiries_per_10k_per_year <= 260
    assert figures.enquiries_per_10k_per_year < figures.discussions_per_10k_per_year <= 1.3 * figures.enquiries_per_10k_per_year


def test_about_a_third_of_enquiries_lead_to_an_initial_conference(figures):
    assert 40 <= figures.initial_conferences_per_10k_per_year <= 90
    assert 0.22 <= figures.enquiries_to_conference <= 0.40


def test_most_initial_conferences_make_a_plan(figures):
    assert 0.75 <= figures.conferences_to_plan <= 0.96


def test_about_41_per_10000_on_a_plan_at_31_march(figures):
    assert 20 <= figures.on_plan_at_31_march_per_10k <= 70


def test_a_core_group_meets_about_eight_times_a_year_of_plan_and_some_conferences_have_partners_reports(figures):
    assert 6 <= figures.core_group_meetings_per_plan_year <= 10
    assert 2 <= figures.core_group_meetings_per_child_on_plan <= 12
    assert 0.1 <= figures.reports_per_conference <= 2
