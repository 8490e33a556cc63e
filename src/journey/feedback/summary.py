"""A manager's summary of the feedback their teams received over a chosen period: counted by theme and kind, and
complaints by outcome, every figure counted in the database from the feedback itself and linking to the list of the
feedback behind it.

Only feedback the manager may read is counted or listed: feedback their teams received (``Feedback.team``, the team
holding the child when it came in) about children they may open. Five queries whatever the period: the counts by
kind, by theme and kind, complaints by outcome, and one page of the feedback chosen (its count and its rows); the
children on that page are logged as read.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page
from django.db.models import Count, QuerySet

from journey.audit.log import record_list_read
from journey.casework.team import page_of
from journey.lib.dates import today
from journey.people.models import Child

from .models import Feedback, FeedbackTheme, Kind, Outcome, Theme
from .rules import summary_teams

PERIODS = {"30": "the last 30 days", "91": "the last 3 months", "182": "the last 6 months", "365": "the last 12 months", "730": "the last 2 years"}
DEFAULT_PERIOD = "91"
OPEN = "open"  # a complaint with no outcome yet, counted beside the outcomes


@dataclass
class Summary:
    period: str
    since: date
    kinds: dict[str, int]
    by_theme: list[tuple[str, str, dict[str, int], int]]  # (theme, label, count per kind, all kinds)
    outcomes: list[tuple[str, str, int]]
    chosen: dict[str, str] = field(default_factory=dict)
    chosen_words: str = ""
    page: Page | None = None

    @property
    def kind_choices(self) -> list[tuple[str, str]]:
        return list(Kind.choices)

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


def readable(user, since: date) -> QuerySet[Feedback]:
    """The feedback ``user``'s summary counts: their teams', about children they may open, received since ``since``."""
    return Feedback.objects.filter(
        team__in=summary_teams(user), child__in=Child.objects.visible_to(user), received_on__gte=since, received_on__lte=today(),
    )


def _choice(params, name: str, allowed) -> str:
    value = params.get(name, "")
    return value if value in allowed else ""


def for_manager(user, params, *, request=None) -> Summary:
    period = _choice(params, "period", PERIODS) or DEFAULT_PERIOD
    since = today() - timedelta(days=int(period))
    base = readable(user, since)
    kinds = {kind: 0 for kind in Kind.values}
    kinds.update(base.order_by().values("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    cells: dict[str, dict[str, int]] = {theme: {kind: 0 for kind in Kind.values} for theme in Theme.values}
    rows = FeedbackTheme.objects.filter(feedback__in=base).order_by().values("theme", "feedback__kind").annotate(n=Count("pk"))
    for row in rows:
        cells[row["theme"]][row["feedback__kind"]] = row["n"]
    by_theme = [(theme, Theme(theme).label, cells[theme], sum(cells[theme].values())) for theme in Theme.values]
    outcome_counts = dict(base.filter(kind=Kind.COMPLAINT).order_by().values("outcome").annotate(n=Count("pk")).values_list("outcome", "n"))
    outcomes = [(OPEN, "No outcome yet", outcome_counts.get("", 0))] + [(value, label, outcome_counts.get(value, 0)) for value, label in Outcome.choices]
    result = Summary(period, since, kinds, by_theme, outcomes)
    chosen = {
        "theme": _choice(params, "theme", Theme.values), "kind": _choice(params, "kind", Kind.values),
        "outcome": _choice(params, "outcome", [OPEN, *Outcome.values]),
    }
    if any(chosen.values()) or params.get("all") == "1":
        shown = base
        if chosen["theme"]:
            shown = shown.filter(themes__theme=chosen["theme"])
        if chosen["kind"]:
            shown = shown.filter(kind=chosen["kind"])
        if chosen["outcome"]:
            shown = shown.filter(kind=Kind.COMPLAINT, outcome="" if chosen["outcome"] == OPEN else chosen["outcome"])
        result.chosen = {name: value for name, value in chosen.items() if value}
        result.chosen_words = _words(chosen)
        result.page = page_of(shown.select_related("child__person").order_by("-received_on", "-pk"), params.get("page"))
        record_list_read(user, "feedback: the teams' feedback summary", [item.child_id for item in result.page], request=request)
    return result


def _words(chosen: dict[str, str]) -> str:
    parts = []
    if chosen["kind"]:
        parts.append(f"{Kind(chosen['kind']).label.lower()}s")
    if chosen["theme"]:
        parts.append(f"on {Theme(chosen['theme']).label.lower()}")
    if chosen["outcome"]:
        parts.append("complaints with no outcome yet" if chosen["outcome"] == OPEN else f"complaints {Outcome(chosen['outcome']).label.lower()}")
    return " ".join(parts) or "all feedback"
