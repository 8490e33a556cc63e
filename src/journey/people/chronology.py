"""The family's story on a child's chronology: relationships recorded, begun and ended, and people joining and
leaving the child's household ("Dan Price (parent's partner) joined the household").

Only changes someone recorded make an entry (rows with ``recorded_by``, ``ended_by`` or ``left_recorded_by``): the
history a record arrives with (the generator's, an import's) dates from birth, and a chronology filled with "born
into the household" says nothing. A person's joining or leaving shows on the chronology of each child who lived in
that household at the time. A restricted child is never named on another child's chronology, which anyone who
may open that other child reads.
"""
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from journey.chronology.registry import Entry, as_aware, author, entry_key, link, register

from .models import Child, HouseholdMembership, Relationship
from .relations import kind_label_from

KIND = "family"


def _children(person_ids: Iterable[int]) -> list[int]:
    return list(Child.objects.filter(pk__in=set(person_ids)).values_list("pk", flat=True))


def _household_children(household_id: int) -> list[int]:
    return list(Child.objects.filter(person__household_memberships__household_id=household_id).values_list("pk", flat=True).distinct())


def _relationship_children(row: Relationship) -> list[int]:
    return _children([row.from_person_id, row.to_person_id])


def _membership_children(row: HouseholdMembership) -> list[int]:
    return _household_children(row.household_id)


def _person_children(person_id: int) -> list[int]:
    """Every child whose family entries may name this person: those related to them, or who shared a household."""
    related = Relationship.objects.filter(Q(from_person_id=person_id) | Q(to_person_id=person_id)).values_list("from_person_id", "to_person_id")
    households = HouseholdMembership.objects.filter(person_id=person_id).values("household_id")
    housemates = HouseholdMembership.objects.filter(household_id__in=households).values_list("person_id", flat=True)
    return _children({person_id, *(pid for pair in related for pid in pair), *housemates})


def _when(day: date | None, recorded_at: datetime | None) -> datetime:
    """When a change happened: the moment it was recorded when that was on the day it happened (or its day is not
    known), so it sorts after what led to it; otherwise the start of the day it happened."""
    if recorded_at is not None and (day is None or timezone.localdate(recorded_at) == day):
        return recorded_at
    return as_aware(day)


def _said(label: str) -> str:
    return label[0].lower() + label[1:] if label else label


@register("family", "Family and household", sources={
    "people.Relationship": _relationship_children,
    "people.HouseholdMembership": _membership_children,
    "people.Household": lambda row: _household_children(row.pk),
    "people.Person": lambda row: _person_children(row.pk),
    "people.Child": lambda row: _person_children(row.pk),
})
def family(child_ids: Sequence[int]):
    ids = set(child_ids)
    yield from _relationship_entries(ids)
    yield from _household_entries(ids)


def _names(person_ids: Iterable[int]) -> dict[int, tuple[str, bool]]:
    """Each person's full name, and whether they are a restricted child."""
    from .models import Person

    rows = Person.objects.filter(pk__in=set(person_ids)).values_list("pk", "first_name", "last_name", "child_record__is_restricted")
    return {pk: (f"{first} {last}".strip(), bool(restricted)) for pk, first, last, restricted in rows}


def _relationship_entries(ids: set[int]):
    recorded = Q(recorded_by__isnull=False) | Q(ended_by__isnull=False)
    rows = list(
        Relationship.objects.filter(Q(from_person_id__in=ids) | Q(to_person_id__in=ids)).filter(recorded).order_by().values_list(
            "pk", "from_person_id", "to_person_id", "kind", "has_parental_responsibility", "started_on", "ended_on",
            "recorded_by_id", "recorded_at", "ended_by_id", "ended_recorded_at",
        )
    )
    names = _names(pid for row in rows for pid in row[1:3])
    for pk, from_id, to_id, kind, responsibility, started_on, ended_on, recorded_by, recorded_at, ended_by, ended_at in rows:
        for child_id, other in ((from_id, to_id), (to_id, from_id)):
            if child_id not in ids:
                continue
            name, restricted = names[other]
            if restricted:
                continue
            who = f"{name}, {_said(kind_label_from(kind, to_id, child_id))}"
            details = (("Parental responsibility", "Yes"),) if responsibility and other == from_id else ()
            url = link("people:family", child_id)
            if recorded_by is not None:
                agency, by = author(recorded_by)
                yield Entry(
                    kind=KIND, occurred_at=_when(started_on, recorded_at),
                    title=f"Relationship began: {who}" if started_on else f"Relationship recorded: {who}",
                    agency=agency, author=by, url=url, key=entry_key("relationship", pk), details=details, child_id=child_id,
                )
            if ended_by is not None and ended_on is not None:
                agency, by = author(ended_by)
                yield Entry(
                    kind=KIND, occurred_at=_when(ended_on, ended_at), title=f"Relationship ended: {who}",
                    agency=agency, author=by, url=url, key=entry_key("relationship_ended", pk), child_id=child_id,
                )


def _household_entries(ids: set[int]):
    stays: dict[int, dict[int, list[tuple[date | None, date | None]]]] = defaultdict(lambda: defaultdict(list))
    for household_id, person_id, joined_on, left_on in HouseholdMembership.objects.filter(person_id__in=ids).order_by().values_list(
        "household_id", "person_id", "joined_on", "left_on",
    ):
        stays[household_id][person_id].append((joined_on, left_on))
    if not stays:
        return
    recorded = Q(recorded_by__isnull=False) | Q(left_recorded_by__isnull=False)
    rows = list(
        HouseholdMembership.objects.filter(household_id__in=stays).filter(recorded).order_by().values_list(
            "pk", "household_id", "household__name", "person_id", "joined_on", "left_on",
            "recorded_by_id", "recorded_at", "left_recorded_by_id", "left_recorded_at",
        )
    )
    if not rows:
        return
    subjects = {row[3] for row in rows}
    names = _names(subjects)
    labels: dict[tuple[int, int], str] = {}
    pairs = Relationship.objects.filter(
        Q(from_person_id__in=ids, to_person_id__in=subjects) | Q(from_person_id__in=subjects, to_person_id__in=ids)
    ).order_by("ended_on", "pk").values_list("from_person_id", "to_person_id", "kind", "ended_on")
    for from_id, to_id, kind, _ended in pairs:  # current relationships (ended_on empty) sort last and win
        if from_id in ids:
            labels[(from_id, to_id)] = kind_label_from(kind, to_id, from_id)
        if to_id in ids:
            labels[(to_id, from_id)] = kind_label_from(kind, to_id, to_id)
    for pk, household_id, household, person_id, joined_on, left_on, recorded_by, recorded_at, left_by, left_at in rows:
        name, restricted = names[person_id]
        events = []
        if recorded_by is not None:
            events.append(("joined", joined_on, recorded_at, recorded_by, "household_joined"))
        if left_by is not None and left_on is not None:
            events.append(("left", left_on, left_at, left_by, "household_left"))
        for child_id, periods in stays[household_id].items():
            own = child_id == person_id
            if restricted and not own:
                continue
            for verb, day, at, by, key in events:
                when = _when(day, at)
                if not own and not any(_within(timezone.localdate(when), start, end) for start, end in periods):
                    continue
                agency, writer = author(by)
                if own:
                    title = f"{name} {verb} the household" if day else f"{name} recorded as living in the household"
                    if verb == "left":
                        title = f"{name} left the household"
                else:
                    label = labels.get((child_id, person_id))
                    title = f"{name}{f' ({_said(label)})' if label else ''} {verb} the household"
                yield Entry(
                    kind=KIND, occurred_at=when, title=title, summary=household, agency=agency, author=writer,
                    url=link("people:family", child_id), key=entry_key(key, pk), child_id=child_id,
                )


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)
