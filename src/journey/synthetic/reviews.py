"""A systems case review and the partnership's recommendations board for the generated authority (decision record 0021).

The head of service commissioned, a month after its period ended, a review of the case of the child whose section 47
enquiry began from a police contact and went furthest in the last two years (to a conference, where one was held).
Its team is the child's worker then, their team manager, and a police and a health reviewer, who are their agencies'
members of the safeguarding partnership (so they read its board). It has marked two key
practice episodes on the child's real chronology entries (the contact and its screening; the strategy discussion
and the enquiry), each with contributory factors, and written a finding from them; it is still open, so its team
can read the timeline. The board holds four recommendations: one answering the finding, one from the latest case
audit round, one from practitioners' experience and one from an inspection, closed with its outcome and evidence.

Written with ``bulk_create`` before the chronology is rebuilt (so the child's chronology shows the review), and the
episodes name entries by the keys the rebuild gives them (``kind:id``). Deterministic: no draws at all, only the
record's own order, so a seed's authority is as it was.
"""
from collections import Counter
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from journey.accounts.models import AgencyKind, Role, User
from journey.casework.models import Allocation
from journey.frontdoor.models import ContactChild
from journey.learning.models import (
    CaseReview,
    ContributoryFactor,
    EpisodeEntry,
    FindingEpisode,
    PracticeEpisode,
    ProgressUpdate,
    Recommendation,
    RecommendationAction,
    ReviewFinding,
    ReviewMember,
)
from journey.learning.recommendation_models import RecommendationStatus, SourceKind
from journey.learning.review_models import FactorCategory, ReviewReason
from journey.protection.models import ChildProtectionConference, Section47Enquiry

from .context import at_hour

LOOK_BACK_DAYS = 730
DAYS_BEFORE_CONTACT = 14  # the period starts a fortnight before the police contact, to hold what led to it


def _enquiry(today: date, head: User) -> Section47Enquiry | None:
    """The enquiry of the last two years, from a police contact, about a child whose record the head of service may
    open (as commissioning asks), that went furthest: one that led to a conference first, then the earliest, so the
    review has the most of the system to look at."""
    from journey.people.models import Child

    since = today - timedelta(days=LOOK_BACK_DAYS)
    found = (
        Section47Enquiry.objects.filter(
            child__in=Child.objects.visible_to(head), started_on__gte=since, started_on__lte=today - timedelta(days=90),
            strategy_discussion__referral__contact__agency__kind=AgencyKind.POLICE, strategy_discussion__referral__contact__decision__isnull=False,
        )
        .annotate(conference_count=Count("conferences")).select_related("strategy_discussion__referral__contact__decision")
        .order_by("-conference_count", "started_on", "pk")
    )
    return found.first()


def _held_by_then(child_id: int, on: date) -> tuple[User | None, User | None]:
    """The child's lead worker on the day, and the manager of the team that held the child."""
    allocation = (Allocation.objects.filter(episode__child_id=child_id, started_on__lte=on).exclude(ended_on__lt=on)
                  .select_related("worker", "team__manager").order_by("-started_on", "pk").first())
    return (allocation.worker, allocation.team.manager) if allocation else (None, None)


def _partner(kind: str) -> User | None:
    return User.objects.filter(role=Role.PARTNER, agency__kind=kind, is_active=True).order_by("username").first()


def write_case_reviews(today: date) -> Counter:
    """Write the review and the board; the rows written, by model (none where no enquiry fits or no head of service
    is on record, nor the board where no team manager is)."""
    head = User.objects.filter(role=Role.HEAD_OF_SERVICE, is_active=True, agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE).order_by("username").first()
    enquiry = _enquiry(today, head) if head else None
    if enquiry is None or head is None:
        return Counter()
    contact = enquiry.strategy_discussion.referral.contact
    conference = ChildProtectionConference.objects.filter(enquiry=enquiry).order_by("held_on", "pk").first()
    period_from = contact.received_at.astimezone(timezone.get_current_timezone()).date() - timedelta(days=DAYS_BEFORE_CONTACT)
    period_to = min(today - timedelta(days=45), (conference.held_on if conference else enquiry.started_on) + timedelta(days=14))
    commissioned_on = min(today - timedelta(days=7), period_to + timedelta(days=30))
    worker, manager = _held_by_then(enquiry.child_id, enquiry.started_on)
    partners = [u for u in (_partner(AgencyKind.POLICE), _partner(AgencyKind.HEALTH)) if u is not None]
    team = [u for u in (worker, manager, *partners) if u is not None and u.pk != head.pk]
    # The police and health reviewers are their agencies' members of the safeguarding partnership: they read its board.
    User.objects.filter(pk__in=[u.pk for u in partners]).update(partnership_member=True)
    if not ContactChild.objects.filter(contact=contact, child_id=enquiry.child_id).exists():
        return Counter()

    review = CaseReview.objects.bulk_create([CaseReview(
        child_id=enquiry.child_id, reason=ReviewReason.SERIOUS_HARM, period_from=period_from, period_to=period_to,
        terms_of_reference=("How did the police, health and children's social care share what each knew about the family, from the "
                            "police notification to the first conference? What helped and what got in the way of seeing the child's "
                            "experience? Outside it: the family's court proceedings."),
        commissioned_by=head, commissioned_at=at_hour(commissioned_on),
    )])[0]
    members = ReviewMember.objects.bulk_create([ReviewMember(review=review, user=u, added_at=at_hour(commissioned_on, 11)) for u in team])
    author = worker or head
    marked_on = min(today, commissioned_on + timedelta(days=21))
    screened = PracticeEpisode(
        review=review, title="The police notification is screened", recorded_by=author, recorded_at=at_hour(marked_on),
        what_happened="The notification described one incident. The front door screened it within the day, from what the notification said.",
        why_it_made_sense=("Twelve contacts were waiting that morning and the notification looked like others the team had seen close "
                           "with advice; the earlier incidents were on the police system, not in the notification."),
    )
    enquired = PracticeEpisode(
        review=review, title="The strategy discussion and the enquiry", recorded_by=author, recorded_at=at_hour(marked_on, 14),
        what_happened="The strategy discussion was held by phone; health joined by email afterwards. The enquiry began the same week.",
        why_it_made_sense=("The health visitor was on a clinic day and the discussion could not wait; the worker took the view that "
                           "health's information would reach the enquiry in time."),
    )
    PracticeEpisode.objects.bulk_create([screened, enquired])
    EpisodeEntry.objects.bulk_create([
        EpisodeEntry(episode=screened, entry_key=f"contact:{contact.pk}"),
        EpisodeEntry(episode=screened, entry_key=f"decision:{contact.decision.pk}"),
        EpisodeEntry(episode=enquired, entry_key=f"strategy_discussion:{enquiry.strategy_discussion_id}"),
        EpisodeEntry(episode=enquired, entry_key=f"section_47:{enquiry.pk}"),
    ])
    factors = ContributoryFactor.objects.bulk_create([
        ContributoryFactor(episode=screened, category=FactorCategory.INTER_AGENCY, description="The notification carries one incident, not the history."),
        ContributoryFactor(episode=screened, category=FactorCategory.WORKLOAD, description="Contacts waiting at the front door on a Monday morning."),
        ContributoryFactor(episode=enquired, category=FactorCategory.TOOLS, description="Strategy discussions are booked by phone; there is no shared call."),
        ContributoryFactor(episode=enquired, category=FactorCategory.FAMILY_PROFESSIONAL,
                           description="The family were wary of health after a missed appointment, so health held back."),
    ])
    finding = ReviewFinding.objects.bulk_create([ReviewFinding(
        review=review, recorded_by=author, recorded_at=at_hour(min(today, marked_on + timedelta(days=14))),
        title="Police notifications reach the front door without the history behind them",
        pattern=("Each notification describes the latest incident alone. Screeners decide from it under time pressure, and the "
                 "history is gathered only if the case goes on to a strategy discussion."),
        evidence="The front door's own sample of a month's notifications found the same in most of them.",
    )])[0]
    FindingEpisode.objects.bulk_create([FindingEpisode(finding=finding, episode=screened), FindingEpisode(finding=finding, episode=enquired)])
    return Counter({
        "learning.CaseReview": 1, "learning.ReviewMember": len(members), "learning.PracticeEpisode": 2, "learning.EpisodeEntry": 4,
        "learning.ContributoryFactor": len(factors), "learning.ReviewFinding": 1, "learning.FindingEpisode": 2,
    }) + _write_board(today, head, finding, commissioned_on)


def _write_board(today: date, head: User, finding: ReviewFinding, commissioned_on: date) -> Counter:
    """The partnership's recommendations: each owned by a team manager, recorded by the head of service."""
    owners = list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True, agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE).order_by("username")[:3])
    if not owners:
        return Counter()
    recorded_on = min(today, commissioned_on + timedelta(days=40))
    older = today - timedelta(days=200)
    rows = [
        Recommendation(title="Police notifications carry the history of the last year", source_kind=SourceKind.REVIEW_FINDING, finding=finding,
                       options_weighed="A new form; a call for every notification; the history attached by the police. The last costs least and reaches every screener.",
                       owner=owners[0], recorded_by=head, recorded_at=at_hour(recorded_on)),
        Recommendation(title="Plans name an owner and a date for every action", source_kind=SourceKind.AUDIT,
                       source_detail="The quarterly practice audit: most plans graded requires improvement on this",
                       options_weighed="Training alone; a change to the plan form; both. Both, since the form alone was tried in 2019.",
                       owner=owners[min(1, len(owners) - 1)], recorded_by=head, recorded_at=at_hour(today - timedelta(days=60))),
        Recommendation(title="Strategy discussions are held on a call every agency can join", source_kind=SourceKind.PRACTICE,
                       source_detail="Practitioners at the front door and in the assessment teams",
                       options_weighed="A standing daily call; calls booked as needed. A standing call, since health can plan for it.",
                       owner=owners[-1], recorded_by=head, recorded_at=at_hour(today - timedelta(days=30))),
        Recommendation(title="Children's words are recorded in their own words at every visit", source_kind=SourceKind.INSPECTION,
                       source_detail="The focused visit's letter", options_weighed="A prompt on the visit form; supervision to ask for it. Both.",
                       owner=owners[0], recorded_by=head, recorded_at=at_hour(older),
                       status=RecommendationStatus.CLOSED, closed_by=head, closed_at=at_hour(today - timedelta(days=20)),
                       outcome="The visit form asks for the child's words and whether they were seen alone; supervision asks about both.",
                       impact_evidence="The next audit round found the child's words recorded in nine visits in ten, from six in ten."),
    ]
    Recommendation.objects.bulk_create(rows)
    actions = RecommendationAction.objects.bulk_create([
        RecommendationAction(recommendation=rows[0], description="Agree the notification template with the police public protection unit",
                             owner=rows[0].owner, by_when=today + timedelta(days=45), recorded_by=head),
        RecommendationAction(recommendation=rows[1], description="Change the plan form so each step needs an owner and a date",
                             owner=rows[1].owner, by_when=today + timedelta(days=30), recorded_by=head),
        RecommendationAction(recommendation=rows[2], description="Book the daily call with health and the police for a three-month trial",
                             owner=rows[2].owner, by_when=today + timedelta(days=14), recorded_by=head),
    ])
    updates = ProgressUpdate.objects.bulk_create([
        ProgressUpdate(recommendation=rows[0], written_on=min(today, recorded_on + timedelta(days=10)), written_by=rows[0].owner,
                       text="Template drafted with the public protection unit; their sergeant is checking what their system can export."),
        ProgressUpdate(recommendation=rows[1], written_on=today - timedelta(days=30), written_by=rows[1].owner,
                       text="Practitioners asked what the plan form makes hard; the changes are agreed."),
        ProgressUpdate(recommendation=rows[3], written_on=today - timedelta(days=90), written_by=rows[3].owner,
                       text="The visit form changed in the spring release; supervision prompts added."),
    ])
    return Counter({"learning.Recommendation": len(rows), "learning.RecommendationAction": len(actions), "learning.ProgressUpdate": len(updates)})
