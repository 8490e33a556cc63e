"""Everyday recording as a practitioner would write it: the generator's note headings become calls, emails and
multi-agency meetings with attendees by agency, so the demo's chronology reads "Phone call from health visitor" and
a core group meeting's note lists who came and who sent apologies (strategy discussions and conferences are
protection's own records, with their participants and attendees: ``synthetic.protection``).

Nothing here draws from the generator's random stream: a heading's kind, direction and other party are read from
the heading itself, and a meeting's attendees from a stream of their own seeded by the meeting, so giving notes their
kinds left every other generated row as it was (and the same seed still gives the same rows)."""
import random
from dataclasses import dataclass
from datetime import datetime

from journey.accounts.models import AgencyKind, User
from journey.casework.codes import Direction, NoteKind

from .banks import FIRST_NAMES, LAST_NAMES
from .organisation import Organisation

# Headings written as meetings; the rest of those invited to each (beyond the worker and, where the family is
# invited, the parent or carer): (role, agency kind, or the agency's name where it is not one of the authority's).
MEETINGS: dict[str, tuple[bool, tuple[tuple[str, str], ...]]] = {
    "Core group meeting": (True, (("Designated safeguarding lead", AgencyKind.SCHOOL), ("Health visitor", AgencyKind.HEALTH))),
    "Professionals meeting": (False, (("Designated safeguarding lead", AgencyKind.SCHOOL), ("School nurse", AgencyKind.HEALTH))),
    "Team around the family meeting": (True, (("Class teacher", AgencyKind.SCHOOL), ("Family support worker", AgencyKind.VOLUNTARY))),
    "Looked after review": (True, (("Foster carer", "Fostering service"), ("Designated teacher", AgencyKind.SCHOOL))),
}
EXCHANGES = (("Phone call with ", NoteKind.PHONE_CALL, Direction.OUTGOING), ("Call from ", NoteKind.PHONE_CALL, Direction.INCOMING),
             ("Email from ", NoteKind.EMAIL, Direction.INCOMING), ("Email to ", NoteKind.EMAIL, Direction.OUTGOING),
             ("Letter from ", NoteKind.LETTER, Direction.INCOMING), ("Letter to ", NoteKind.LETTER, Direction.OUTGOING))


@dataclass(frozen=True)
class Shape:
    """A generated note's kind and the fields that go with it."""

    kind: str
    direction: str = ""
    with_whom: str = ""
    subject: str = ""


def shape(heading: str) -> Shape:
    for start, kind, direction in EXCHANGES:
        if heading.startswith(start):
            return Shape(kind, direction, heading.removeprefix(start))
    if heading in MEETINGS:
        return Shape(NoteKind.MEETING, subject=heading)
    return Shape(NoteKind.NOTE, subject=heading)


AGENCY_KINDS = frozenset(AgencyKind.values)  # asked for every attendee of every generated meeting


def attendees(heading: str, when: datetime, org: Organisation, *, worker: User, carer: str) -> list[tuple[str, str, str, bool]]:
    """(name, role, agency, sent apologies) of everyone invited to the meeting ``heading`` held at ``when``: the
    worker, the family where invited, and the other agencies, one of whom now and then sends apologies."""
    rng = random.Random(f"{heading}|{when.isoformat()}|{worker.pk}|{carer}")
    family_invited, others = MEETINGS[heading]
    invited = [(worker.get_full_name() or worker.username, worker.job_title or "Social worker", org.council.name, False)]
    if family_invited:
        invited.append((carer, "Parent or carer", "Family", False))
    absent = rng.randrange(len(others)) if rng.random() < 0.25 else -1
    for number, (role, kind) in enumerate(others):
        if kind in AGENCY_KINDS:
            found = org.agencies.get(kind) or []
            agency = rng.choice(found).name if found else AgencyKind(kind).label
        else:
            agency = kind
        name = f"{rng.choice(FIRST_NAMES['british'][rng.choice('FM')])} {rng.choice(LAST_NAMES['british'])}"
        invited.append((name, role, agency, number == absent))
    return invited
