"""Headline figures of a generated authority, to check it against England's (per 10,000 children).

Used by the tests and the benchmark; they read the record itself, as any performance figure should.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from journey.accounts.models import AgencyKind
from journey.casework.codes import EpisodeKind, PlanKind
from journey.casework.models import Episode, Plan
from journey.frontdoor.models import Contact, Referral
from journey.protection.codes import ConferenceDecision, ConferenceKind
from journey.protection.models import ChildProtectionConference, ConferenceReport, CoreGroupMeeting, Section47Enquiry, StrategyDiscussion

from .context import HISTORY_YEARS

PER = 10_000


@dataclass(frozen=True)
class Measures:
    referrals_per_10k_per_year: float
    contacts_per_referral: float
    re_referral_share: float
    protection_per_10k: float
    looked_after_per_10k: float
    source_shares: dict[str, float]


def measure(children: int, today: date | None = None) -> Measures:
    """Rates over the history window for an authority of ``children`` children."""
    today = today or timezone.localdate()
    since = today - timedelta(days=int(HISTORY_YEARS * 365.25))
    window = Referral.objects.filter(referred_at__date__gte=since)
    referrals = window.count()
    contacts = Contact.objects.filter(received_at__date__gte=since)
    by_child: dict[int, list] = defaultdict(list)
    for child_id, at in Referral.objects.order_by("referred_at").values_list("child_id", "referred_at"):
        by_child[child_id].append(at)
    repeats = sum(
        1 for times in by_child.values() for before, after in zip(times, times[1:], strict=False)
        if after.date() >= since and after - before <= timedelta(days=365)
    )
    open_today = Episode.objects.filter(ended_on__isnull=True).values("kind").annotate(n=Count("id"))
    open_by_kind = {row["kind"]: row["n"] for row in open_today}
    sources = contacts.values("agency__kind").annotate(n=Count("id"))
    total = sum(row["n"] for row in sources) or 1
    return Measures(
        referrals_per_10k_per_year=referrals / HISTORY_YEARS / children * PER,
        contacts_per_referral=contacts.count() / max(1, referrals),
        re_referral_share=repeats / max(1, referrals),
        protection_per_10k=open_by_kind.get(EpisodeKind.CHILD_PROTECTION, 0) / children * PER,
        looked_after_per_10k=open_by_kind.get(EpisodeKind.LOOKED_AFTER, 0) / children * PER,
        source_shares={AgencyKind(row["agency__kind"]).label: row["n"] / total for row in sources},
    )


@dataclass(frozen=True)
class ProtectionMeasures:
    """Child protection as England's children in need figures count it (DfE, Characteristics of children in need)."""

    discussions_per_10k_per_year: float
    enquiries_per_10k_per_year: float
    initial_conferences_per_10k_per_year: float
    on_plan_at_31_march_per_10k: float
    enquiries_to_conference: float  # share of the enquiries completed in the window whose initial conference was held
    conferences_to_plan: float  # share of initial conferences that made a plan
    core_group_meetings_per_child_on_plan: float  # core group meetings held in the window, per child on a plan in it
    core_group_meetings_per_plan_year: float  # core group meetings held in the window, per year of plan open in it
    reports_per_conference: float  # partners' reports sent from their own page, per conference held in the window


def last_31_march(today: date) -> date:
    """The census day most recently past: the last 31 March before ``today``."""
    march = date(today.year, 3, 31)
    return march if march < today else date(today.year - 1, 3, 31)


def measure_protection(children: int, today: date | None = None) -> ProtectionMeasures:
    """Rates a year over the history window, and children on a plan at the last census day, for ``children``."""
    today = today or timezone.localdate()
    since = today - timedelta(days=int(HISTORY_YEARS * 365.25))
    initial = ChildProtectionConference.objects.filter(kind=ConferenceKind.INITIAL, held_on__gte=since)
    completed = Section47Enquiry.objects.filter(completed_on__gte=since)
    census_day = last_31_march(today)
    on_plan = Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION, started_on__lte=census_day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=census_day),
    ).values("child_id").distinct().count()
    conferences = initial.count()
    per_year = PER / HISTORY_YEARS / children
    plans = Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=since))
    plan_days = sum(((ended or today) - max(started, since)).days for started, ended in plans.values_list("started_on", "ended_on"))
    meetings = CoreGroupMeeting.objects.filter(held_on__gte=since).count()
    held = ChildProtectionConference.objects.filter(held_on__gte=since)
    return ProtectionMeasures(
        discussions_per_10k_per_year=StrategyDiscussion.objects.filter(held_at__date__gte=since).count() * per_year,
        enquiries_per_10k_per_year=Section47Enquiry.objects.filter(started_on__gte=since).count() * per_year,
        initial_conferences_per_10k_per_year=conferences * per_year,
        on_plan_at_31_march_per_10k=on_plan / children * PER,
        enquiries_to_conference=completed.filter(conferences__kind=ConferenceKind.INITIAL).count() / max(1, completed.count()),
        conferences_to_plan=initial.filter(decision=ConferenceDecision.PLAN).count() / max(1, conferences),
        core_group_meetings_per_child_on_plan=meetings / max(1, plans.values("child_id").distinct().count()),
        core_group_meetings_per_plan_year=meetings / max(1, plan_days) * 365.25,
        reports_per_conference=ConferenceReport.objects.filter(conference__in=held).count() / max(1, held.count()),
    )
