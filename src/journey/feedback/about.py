"""What a piece of feedback is about, offered and resolved as one choice: "visit:12", "plan:3", "conference:5",
"closure:7" (one of the child's own records), or "other" (described in words). A record of another child is never
offered, and one posted by hand is refused, so feedback only ever links to its own child's record."""
from journey.casework.models import Episode, Plan, Visit
from journey.protection.models import ChildProtectionConference

from .models import About

OTHER = About.OTHER.value
NOT_THIS_CHILD = "Choose what the feedback is about from the list"


def describe(about: str, record, other: str = "") -> str:
    """What it is about, as the record shows it."""
    if record is None:
        return f"Something else: {other}" if about == OTHER and other else About(about).label if about in About.values else ""
    if about == About.VISIT:
        return f"The visit on {record.visited_at:%-d %B %Y}"
    if about == About.PLAN:
        return f"The {record.get_kind_display().lower()} plan from {record.started_on:%-d %B %Y}"
    if about == About.CONFERENCE:
        return f"The {record.get_kind_display().lower()} conference on {record.held_on:%-d %B %Y}"
    return f"The closure of the {record.get_kind_display().lower()} episode on {record.ended_on:%-d %B %Y}"


def _records(child) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    found += [(About.VISIT, v) for v in Visit.objects.filter(child=child).order_by("-visited_at", "-pk")[:50]]
    found += [(About.PLAN, p) for p in Plan.objects.filter(child=child).order_by("-started_on", "-pk")]
    found += [(About.CONFERENCE, c) for c in ChildProtectionConference.objects.filter(child=child).order_by("-held_on", "-pk")]
    found += [(About.CLOSURE, e) for e in Episode.objects.filter(child=child, ended_on__isnull=False).order_by("-ended_on", "-pk")]
    return found


def choices_for(child) -> list[tuple[str, str]]:
    """The child's visits (the latest 50), plans, conferences and closed episodes, then "Something else"."""
    return [(f"{about}:{record.pk}", describe(about, record)) for about, record in _records(child)] + [(OTHER, "Something else")]  # type: ignore[attr-defined]


def resolve(child, choice: str) -> tuple[str, object | None]:
    """(about, record) for a posted choice; ValueError when it names no record of ``child``."""
    if choice == OTHER:
        return OTHER, None
    about, _, pk = choice.partition(":")
    model = {About.VISIT: Visit, About.PLAN: Plan, About.CONFERENCE: ChildProtectionConference, About.CLOSURE: Episode}.get(about)  # type: ignore[call-overload]
    if model is None or not pk.isdigit() or len(pk) > 18:
        raise ValueError(NOT_THIS_CHILD)
    rows = model.objects.filter(pk=int(pk), child=child)
    if about == About.CLOSURE:
        rows = rows.filter(ended_on__isnull=False)
    record = rows.first()
    if record is None:
        raise ValueError(NOT_THIS_CHILD)
    return about, record
