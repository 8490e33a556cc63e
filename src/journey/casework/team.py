"""What a manager runs their week from: the work waiting for allocation in the teams they manage, transfers and
closures waiting for their answer, each practitioner's caseload, and (for a head of service) each team's figures.

Everything is computed from the record (an episode's dates, its allocations, the transfers that moved it), never
typed, so it cannot be massaged. Lists come a page at a time from a fixed number of queries however long they are;
the children in them are chosen through ``Child.objects.visible_to`` like every other list.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, DateField, Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from journey.accounts.models import Role, Team, User
from journey.lib.dates import today
from journey.people.models import Child

from .codes import Decision
from .models import Allocation, ClosureProposal, Episode, Transfer
from .rules import teams_managed_by

PAGE_SIZE = 25
MAX_PAGE = 10_000
RETURNED_SHOWN_DAYS = 28  # a returned transfer stays on the sending team's page this long, so they see why
# Roles that hold children's work: a manager or consultant social worker may hold a child too.
HOLDING_ROLES = (Role.PRACTITIONER, Role.TEAM_MANAGER)


def queue_teams(user) -> QuerySet[Team]:
    """The teams whose queue ``user`` reads: those they manage (with their units), or else their own team, read-only."""
    managed = teams_managed_by(user)
    if managed.exists():
        return managed
    if user.team_id is not None and not user.is_partner:
        return Team.objects.filter(pk=user.team_id)
    return Team.objects.none()


def _received_on() -> Coalesce:
    """The day the team received the episode: the last accepted transfer into its team, the last hand-on by a worker
    who gave it back, or the day it opened, whichever is latest."""
    moved_in = Transfer.objects.filter(episode=OuterRef("pk"), to_team=OuterRef("team"), decision=Decision.ACCEPTED).order_by("-decided_at")
    handed_back = Allocation.objects.filter(episode=OuterRef("pk")).order_by("-ended_on").values("ended_on")[:1]
    latest = Greatest(
        "started_on",
        # The local day it was accepted: a cast would take the database's (UTC) day, one early after midnight in summer.
        Coalesce(TruncDate(Subquery(moved_in.values("decided_at")[:1]), tzinfo=timezone.get_current_timezone()), "started_on"),
        Coalesce(Subquery(handed_back), "started_on"),
    )
    return Coalesce(latest, "started_on", output_field=DateField())


def waiting(user, teams: QuerySet[Team]) -> QuerySet[Episode]:
    """Open episodes held by ``teams`` with nobody allocated, of children ``user`` may see, the longest waiting first."""
    allocated = Allocation.objects.filter(episode=OuterRef("pk"), ended_on__isnull=True)
    return (
        Episode.objects.filter(ended_on__isnull=True, team__in=teams, child__in=Child.objects.visible_to(user))
        .exclude(Exists(allocated))
        .annotate(received_on=_received_on())
        .select_related("child__person", "team")
        .order_by("received_on", "pk")
    )


def transfers_in(user, teams: QuerySet[Team]) -> QuerySet[Transfer]:
    """Transfers waiting for ``teams`` to answer, of children ``user`` may see, the oldest first."""
    return (
        Transfer.objects.pending().filter(to_team__in=teams, child__in=Child.objects.visible_to(user))
        .select_related("child__person", "episode", "from_team", "to_team", "proposed_by")
        .order_by("proposed_at", "pk")
    )


def transfers_out(user, teams: QuerySet[Team]) -> QuerySet[Transfer]:
    """Transfers ``teams`` proposed that are still waiting, or were returned in the last 28 days (so the sender sees why)."""
    recent = timezone.now() - timedelta(days=RETURNED_SHOWN_DAYS)
    return (
        Transfer.objects.filter(from_team__in=teams, child__in=Child.objects.visible_to(user))
        .filter(Q(decision=Decision.PENDING) | Q(decision=Decision.RETURNED, decided_at__gte=recent))
        .select_related("child__person", "episode", "from_team", "to_team", "decided_by")
        .order_by("proposed_at", "pk")
    )


def closures_waiting(user) -> QuerySet[ClosureProposal]:
    """Closures proposed in teams ``user`` manages, waiting for a manager to agree them, the oldest first."""
    return (
        ClosureProposal.objects.pending().filter(episode__team__in=teams_managed_by(user), child__in=Child.objects.visible_to(user))
        .select_related("child__person", "episode", "proposed_by")
        .order_by("proposed_at", "pk")
    )


def page_of(rows: QuerySet, number: str | int | None) -> Page:
    """One page of ``rows`` (the first for a missing or nonsense number, the last past the end): two queries."""
    try:
        wanted = max(1, min(int(number or 1), MAX_PAGE))
    except (TypeError, ValueError):
        wanted = 1
    return Paginator(rows, PAGE_SIZE).get_page(wanted)


def days_waited(since: date | datetime) -> int:
    day = timezone.localdate(since) if isinstance(since, datetime) else since
    return (today() - day).days


@dataclass(frozen=True)
class Practitioner:
    user: User
    caseload: int

    @property
    def label(self) -> str:
        name = ", ".join(dict.fromkeys(part for part in (self.user.display_name, self.user.job_title, self.user.unit_role_label) if part))
        children = "1 child" if self.caseload == 1 else f"{self.caseload} children"
        return f"{name} ({self.user.team}): {children}"


def with_caseloads(users: QuerySet[User]) -> QuerySet[User]:
    """``users`` with ``caseload``: the children each holds now (a current allocation on an open episode)."""
    current = Q(allocations__ended_on__isnull=True, allocations__episode__ended_on__isnull=True)
    return users.annotate(caseload=Count("allocations__episode__child", filter=current, distinct=True))


def practitioners_of(teams: QuerySet[Team]) -> QuerySet[User]:
    """The active staff of ``teams`` who hold children's work, each with their caseload, by team then name."""
    users = User.objects.filter(is_active=True, team__in=teams, role__in=HOLDING_ROLES, agency__is_local_authority=True)
    return with_caseloads(users).select_related("team").order_by("team__name", "first_name", "last_name", "username")


@dataclass(frozen=True)
class TeamFigures:
    team: Team
    practitioners: list[Practitioner]
    children_allocated: int
    waiting: int
    oldest_waiting_on: date | None
    transfers_waiting: int

    @property
    def oldest_waited_days(self) -> int | None:
        return None if self.oldest_waiting_on is None else days_waited(self.oldest_waiting_on)


def service_figures(user) -> list[TeamFigures]:
    """For each team ``user`` manages (a head of service: every team of the service): its practitioners and their
    caseloads, the children allocated, the work waiting and how long the oldest has waited, and the transfers
    waiting for it. Five queries, however many teams; counts only, no child named."""
    teams = list(teams_managed_by(user).select_related("manager", "parent").order_by("name"))
    ids = [team.pk for team in teams]
    staff: dict[int, list[Practitioner]] = {pk: [] for pk in ids}
    for worker in practitioners_of(Team.objects.filter(pk__in=ids)):
        staff[worker.team_id].append(Practitioner(worker, worker.caseload))  # type: ignore[attr-defined, index]
    held = dict(
        Allocation.objects.current().filter(team_id__in=ids).values_list("team_id").annotate(n=Count("episode__child", distinct=True))
    )
    unallocated = Allocation.objects.filter(episode=OuterRef("pk"), ended_on__isnull=True)
    queue = {
        row["team_id"]: row for row in
        Episode.objects.filter(ended_on__isnull=True, team_id__in=ids).exclude(Exists(unallocated)).annotate(received_on=_received_on())
        .order_by().values("team_id").annotate(n=Count("pk"), oldest=Min("received_on"))
    }
    transfers = dict(Transfer.objects.pending().filter(to_team_id__in=ids).order_by().values_list("to_team_id").annotate(n=Count("pk")))
    return [
        TeamFigures(
            team=team, practitioners=staff[team.pk], children_allocated=held.get(team.pk, 0),
            waiting=queue.get(team.pk, {}).get("n", 0), oldest_waiting_on=queue.get(team.pk, {}).get("oldest"),
            transfers_waiting=transfers.get(team.pk, 0),
        )
        for team in teams
    ]

