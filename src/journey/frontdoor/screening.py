"""What the contact page asks of the record while a screener links and decides a contact: which contacts the
user may open, each candidate's history, and whether a referral is a re-referral. Answered in a few grouped
queries however many children are shown; nothing here changes the record (the actions do that).
"""
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max

from journey.access.rules import is_front_door
from journey.casework.models import Episode
from journey.people.matching import Candidate, find_existing_children
from journey.people.models import Child

from .actions import given_details
from .models import Contact, ContactChild, Referral
from .rules import is_rereferral


@dataclass
class History:
    """What the record already holds about a child, so a screener sees at once that this is not a first contact."""

    other_contacts: int = 0
    contacts_by_agency: dict[str, int] = field(default_factory=dict)
    open_episodes: list[str] = field(default_factory=list)
    last_referral: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.other_contacts or self.open_episodes or self.last_referral)


def histories(child_ids: set[int], *, excluding: Contact | None = None) -> dict[int, History]:
    """Each child's history (leaving out the contact being screened, if any), in three grouped queries whatever
    the number of children."""
    found = {pk: History() for pk in child_ids}
    if not child_ids:
        return found
    links = ContactChild.objects.filter(child_id__in=child_ids)
    if excluding is not None:
        links = links.exclude(contact=excluding)
    contacts = (
        links.values("child_id", "contact__agency__name").annotate(n=Count("contact_id", distinct=True))
    )
    for row in contacts:
        found[row["child_id"]].other_contacts += row["n"]
        found[row["child_id"]].contacts_by_agency[row["contact__agency__name"]] = row["n"]
    for child_id, label in _open_episodes(child_ids):
        found[child_id].open_episodes.append(label)
    for row in Referral.objects.filter(child_id__in=child_ids).values("child_id").annotate(last=Max("referred_at")):
        found[row["child_id"]].last_referral = row["last"]
    return found


def _open_episodes(child_ids: set[int]) -> list[tuple[int, str]]:
    rows = Episode.objects.filter(child_id__in=child_ids, ended_on__isnull=True).order_by("started_on")
    return [(episode.child_id, f"{episode.get_kind_display()} since {episode.started_on:%-d %b %Y}") for episode in rows.only(
        "child_id", "kind", "started_on"
    )]


@dataclass
class Match:
    """A child on record who may be the one named, with why they matched and what the record already holds."""

    candidate: Candidate
    history: History

    @property
    def child(self) -> Child:
        return self.candidate.child  # type: ignore[return-value]

    @property
    def current_postcode(self) -> str:
        """From the addresses the search prefetched, so showing a postcode costs no query."""
        return next((a.postcode for a in self.child.person.addresses.all() if a.moved_out_on is None), "")


@dataclass
class NamedRow:
    """One child named in a contact, as the page shows it: the details given, then the record or the candidates."""

    named: ContactChild
    record_shown: bool = False  # the linked record's identity and history: for the front door, or staff who may open it
    history: History | None = None
    matches: list[Match] = field(default_factory=list)
    is_rereferral: bool = False


def named_rows(contact: Contact, user) -> list[NamedRow]:
    """The contact's named children, each with its linked record's history or, while the contact is open and the
    user is the front door, the candidates found among the children the user may find (identifying details only).
    Others who may read the contact (its recorder, staff holding a linked child) see the details as given, and a
    linked record only where they may open it."""
    matchable = Child.objects.matchable_by(user)
    front_door = is_front_door(user)
    openable = set(Child.objects.visible_to(user).filter(contact_links__contact=contact).values_list("pk", flat=True))
    rows, found = [], {}
    for named in contact.children_named.select_related("child__person", "linked_by").order_by("pk"):
        rows.append(NamedRow(named=named, record_shown=front_door or named.child_id in openable))
        if named.child_id is None and contact.is_open and front_door:
            found[named.pk] = find_existing_children(given_details(named), matchable)
    shown = {row.named.child_id for row in rows if row.named.child_id and row.record_shown}
    shown |= {candidate.child.pk for candidates in found.values() for candidate in candidates}  # type: ignore[attr-defined]
    history = histories(shown, excluding=contact)
    for row in rows:
        if row.named.child_id and row.record_shown:
            row.history = history[row.named.child_id]
        row.matches = [Match(candidate, history[candidate.child.pk]) for candidate in found.get(row.named.pk, [])]  # type: ignore[attr-defined]
    _mark_rereferrals(contact, rows)
    return rows


def _mark_rereferrals(contact: Contact, rows: list[NamedRow]) -> None:
    """A referral from this contact is a re-referral when the child was referred in the 12 months before it."""
    child_ids = {row.named.child_id for row in rows if row.named.child_id}
    times: dict[int, list[datetime]] = {}
    this_contact: dict[int, datetime] = {}
    for referral in Referral.objects.filter(child_id__in=child_ids).only("child_id", "contact_id", "referred_at"):
        times.setdefault(referral.child_id, []).append(referral.referred_at)
        if referral.contact_id == contact.pk:
            this_contact[referral.child_id] = referral.referred_at
    for row in rows:
        at = this_contact.get(row.named.child_id)  # type: ignore[arg-type]
        row.is_rereferral = bool(at and is_rereferral(at, times[row.named.child_id]))  # type: ignore[index]
