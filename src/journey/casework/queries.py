"""Questions casework answers about one child, for the child's journey page and others."""
from dataclasses import dataclass
from datetime import datetime

from .models import Allocation, Assessment, Episode, Plan


def open_episodes(child) -> list[Episode]:
    episodes = child.episodes.filter(ended_on__isnull=True).select_related("team").prefetch_related("allocations__worker", "allocations__team")
    return list(episodes.order_by("started_on"))


def latest_assessment(child) -> Assessment | None:
    return child.assessments.select_related("author", "authorised_by").prefetch_related("by_when_dates").first()


def latest_plan(child) -> Plan | None:
    return child.plans.select_related("author").first()


@dataclass(frozen=True)
class Seen:
    last_seen: datetime | None
    last_seen_alone: datetime | None


def seen(child) -> Seen:
    visits = child.visits.all()
    last = visits.filter(child_seen=True).order_by("-visited_at").values_list("visited_at", flat=True).first()
    alone = visits.filter(child_seen_alone=True).order_by("-visited_at").values_list("visited_at", flat=True).first()
    return Seen(last_seen=last, last_seen_alone=alone)


def current_allocations(child) -> list[Allocation]:
    return list(
        Allocation.objects.current().filter(episode__child=child)
        .select_related("worker__agency", "team__manager", "episode")
    )
