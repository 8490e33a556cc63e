"""What is new for a user about the children they hold, derived from the record each time it is asked for.

A user's children are those with a current allocation to them that ``Child.objects.visible_to(user)`` returns. For
each, news is what reached the record since the later of the day the user took the child on and ``HORIZON`` ago, and
was done by someone else:

- a contact linked to the child, received after the allocation;
- information a partner sent to the child's worker (``PartnerInformation`` sent to workers);
- the child allocated to the user;
- a visit, or a note, call, email, letter or meeting, recorded by a colleague;
- a "by when" date set on the child's assessment by someone else.

Besides, a child the user held whom someone else handed on to another worker, while the user may still open the
child. Who allocated, and when, the allocation row says; for one recorded before rows said so, the audit log's event
of its making does (an allocation with neither makes no news).

A team manager also sees, for the children their team holds, new contacts and partner information: what comes from
outside the team, which must reach the team even while its worker is away. Not the team's own visits, notes and dates
(the manager would read every day's work of the team a second time), nor its allocations (the manager makes them).
A head of service sees the news of the children they hold themselves only: the service's would flood the list.

Each kind of news is a query giving plain rows (kind, item id, child id, when it arrived), filtered by the user's
children and the read marks in the database; the kinds are united there, so a page or a count is one query however
many children. The items on a page are then described, one query for each kind on the page.
"""
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import CharField, DateTimeField, Exists, F, Field, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from journey.accounts.models import Role, User
from journey.audit.models import Action, AuditEvent
from journey.casework.models import Allocation, ByWhen, CaseNote, Visit
from journey.frontdoor.models import Contact, ContactChild, PartnerInformation
from journey.frontdoor.queries import information_for_workers
from journey.people.models import Child

from .models import NewsKind, NewsRead, NewsReadUpTo

HORIZON = timedelta(days=90)  # older than this, news is history: the child's chronology tells it
PAGE_SIZE = 25
PANEL_SIZE = 5
COUNT_CAP = 100  # the landing page says "100 or more unread" beyond this
NEVER = timezone.make_aware(datetime(1900, 1, 1))  # "read up to" for a user who never marked all read
EXCERPT_LENGTH = 160
TEAM_KINDS = (NewsKind.CONTACT, NewsKind.INFORMATION)


@dataclass(frozen=True)
class Scope:
    """Whose children the news is about, and since when for each child."""

    user: User
    own: dict[int, datetime]  # the user's children: child id -> news since
    team: dict[int, datetime]  # a team manager's team's other children
    horizon: datetime
    handed_on_lately: bool  # whether the user handed a child on within the horizon (else there is no such news)

    def children(self, kind: str) -> dict[int, datetime]:
        return {**self.team, **self.own} if kind in TEAM_KINDS else self.own

    def asks(self, kind: str) -> bool:
        """Whether there can be news of this kind (a kind with no children to be about is not asked for nothing)."""
        return self.handed_on_lately if kind == NewsKind.HANDED_ON else bool(self.children(kind))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def managed_team_id(user) -> int | None:
    """The team whose children's outside news a team manager sees too."""
    return user.team_id if user.role == Role.TEAM_MANAGER else None


def scope_for(user) -> Scope:
    """The user's children (and a team manager's team's), each with the moment its news starts, and whether they
    handed a child on lately: two queries (one when they hold nobody)."""
    horizon = timezone.now() - HORIZON
    holding = Q(worker=user)
    if team_id := managed_team_id(user):
        holding |= Q(team_id=team_id)
    columns = ("episode__child_id", "worker_id", "started_on")
    current = Allocation.objects.current().filter(holding).order_by().values_list(*columns, Value(True))
    ended = Allocation.objects.filter(worker=user, ended_on__gte=horizon.date()).order_by().values_list(*columns, Value(False))
    rows = list(current.union(ended, all=True))
    held = [(child_id, worker_id, started_on) for child_id, worker_id, started_on, is_current in rows if is_current]
    # The held children as a list, not a subquery, as the caseload does: the database goes from these few to the rule.
    visible = set(Child.objects.visible_to(user).filter(pk__in={row[0] for row in held}).values_list("pk", flat=True)) if held else set()
    own: dict[int, datetime] = {}
    team: dict[int, datetime] = {}
    for child_id, worker_id, started_on in held:
        if child_id in visible:
            found = own if worker_id == user.pk else team
            since = max(_start_of(started_on), horizon)
            found[child_id] = min(found.get(child_id, since), since)
    handed_on_lately = any(not is_current for *_row, is_current in rows)
    return Scope(user, own, {pk: since for pk, since in team.items() if pk not in own}, horizon, handed_on_lately)


def _since(children: dict[int, datetime], *also: str) -> Q:
    """Rows about these children that arrived (and, for each field in ``also``, happened) since each child's start."""
    by_start: dict[datetime, list[int]] = defaultdict(list)
    for child_id, since in children.items():
        by_start[since].append(child_id)
    condition = Q(pk__in=[])
    for since, ids in by_start.items():
        condition |= Q(about__in=sorted(ids), at__gte=since, **{f"{field}__gte": since for field in also})
    return condition


def _tagged(rows: QuerySet, kind: str, *, about: str, at) -> QuerySet:
    return rows.order_by().annotate(
        news_kind=Value(kind, output_field=CharField()), item=F("pk"), about=F(about), at=at if not isinstance(at, str) else F(at),
    )


def _allocation_event(field: str) -> Coalesce:
    """When the allocation was made (``at``) or by whom (``user_id``): from the row, or for a row made before rows
    kept it, from its creation in the audit log (the database looks there only when the row has nothing)."""
    created = AuditEvent.objects.filter(
        child_id=OuterRef("episode__child_id"), object_type="casework.allocation",
        object_id=Cast(OuterRef("pk"), output_field=CharField()), action=Action.CREATE,
    ).order_by("sequence")
    own: str = {"at": "allocated_at", "user_id": "allocated_by_id"}[field]
    kind: Field = DateTimeField() if field == "at" else IntegerField()
    return Coalesce(F(own), Subquery(created.values(field)[:1]), output_field=kind)


def _by_someone_else(rows: QuerySet, user) -> QuerySet:
    return rows.annotate(actor=_allocation_event("user_id")).filter(Q(actor__isnull=True) | ~Q(actor=user.pk))


def _contacts(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows = ContactChild.objects.filter(linked_at__isnull=False, contact__in=Contact.objects.visible_to(scope.user))
    rows = rows.exclude(contact__recorded_by=scope.user)
    return _tagged(rows, NewsKind.CONTACT, about="child_id", at="linked_at").filter(_since(children, "contact__received_at"))


def _information(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows = PartnerInformation.objects.sent_to_workers().exclude(given_by=scope.user)
    return _tagged(rows, NewsKind.INFORMATION, about="child_id", at="received_at").filter(_since(children))


def _allocated(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows: QuerySet = Allocation.objects.filter(worker=scope.user)
    rows = _tagged(rows, NewsKind.ALLOCATED, about="episode__child_id", at=_allocation_event("at")).filter(_since(children))
    return _by_someone_else(rows, scope.user)


def _handed_on(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    """The allocations that took a child over from the user, made by someone else, of a child the user may open."""
    from_user = Allocation.objects.filter(episode_id=OuterRef("episode_id"), worker=scope.user, ended_on=OuterRef("started_on"))
    rows: QuerySet = Allocation.objects.filter(Exists(from_user.exclude(pk=OuterRef("pk")))).exclude(worker=scope.user)
    rows = rows.filter(episode__child__in=Child.objects.visible_to(scope.user).values("pk"))
    rows = _tagged(rows, NewsKind.HANDED_ON, about="episode__child_id", at=_allocation_event("at")).filter(at__gte=scope.horizon)
    return _by_someone_else(rows, scope.user)


def _visits(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows = Visit.objects.exclude(recorded_by=scope.user)
    return _tagged(rows, NewsKind.VISIT, about="child_id", at="recorded_at").filter(_since(children))


def _case_notes(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows = CaseNote.objects.exclude(author=scope.user)
    return _tagged(rows, NewsKind.CASE_NOTE, about="child_id", at="recorded_at").filter(_since(children))


def _by_when(scope: Scope, children: dict[int, datetime]) -> QuerySet:
    rows = ByWhen.objects.exclude(set_by=scope.user)
    return _tagged(rows, NewsKind.BY_WHEN, about="assessment__child_id", at="set_at").filter(_since(children))


PARTS: dict[str, Callable[[Scope, dict[int, datetime]], QuerySet]] = {
    NewsKind.CONTACT: _contacts,
    NewsKind.INFORMATION: _information,
    NewsKind.ALLOCATED: _allocated,
    NewsKind.HANDED_ON: _handed_on,
    NewsKind.VISIT: _visits,
    NewsKind.CASE_NOTE: _case_notes,
    NewsKind.BY_WHEN: _by_when,
}
COLUMNS = ("news_kind", "item", "about", "at")
NEWEST_FIRST = ("-at", "-news_kind", "-item")
OLDEST_FIRST = ("at", "news_kind", "item")


@dataclass(frozen=True)
class Row:
    kind: str
    item_id: int
    child_id: int
    at: datetime


def read_up_to(user) -> datetime | None:
    return NewsReadUpTo.objects.filter(user=user).values_list("read_up_to", flat=True).first()


def _kinds_asked(scope: Scope, kinds: Iterable[str] = PARTS) -> list[str]:
    return [kind for kind in kinds if scope.asks(kind)]


def _parts(scope: Scope, *, unread: bool = False, kinds: Iterable[str] = PARTS) -> list[QuerySet]:
    """Each kind's rows for ``scope`` (the kinds ``_kinds_asked`` names, in its order); with ``unread``, only those
    arrived since the user's "read up to" and not opened."""
    parts = []
    marked = Coalesce(Subquery(NewsReadUpTo.objects.filter(user=scope.user).values("read_up_to")[:1]), Value(NEVER))
    for kind in _kinds_asked(scope, kinds):
        rows = PARTS[kind](scope, scope.children(kind))
        if unread:
            rows = rows.filter(at__gt=marked).filter(~Exists(NewsRead.objects.filter(user=scope.user, kind=kind, item_id=OuterRef("pk"))))
        parts.append(rows)
    return parts


def _united(parts: Sequence[QuerySet], order: Sequence[str] = ()) -> QuerySet:
    first, *rest = [part.values_list(*COLUMNS) for part in parts]
    return (first.union(*rest, all=True) if rest else first).order_by(*order)


# --- Describing the rows -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NewsItem:
    kind: str
    item_id: int
    at: datetime
    child: Child
    title: str
    by: str
    agency: str
    url: str
    excerpt: str = ""
    read: bool = False

    @property
    def kind_label(self) -> str:
        return NewsKind(self.kind).label

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.item_id}"


def _excerpt(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(EXCERPT_LENGTH)


def _person(user: User | None) -> tuple[str, str]:
    if user is None:
        return "Journey", ""
    return user.display_name, user.agency.name if user.agency_id else ""


def child_url(child: Child) -> str:
    return reverse("people:child", args=[child.pk])


Described = dict[int, tuple[Child, dict]]


def _describe_contacts(rows: list[Row]) -> Described:
    found = ContactChild.objects.filter(pk__in=[r.item_id for r in rows]).select_related(
        "child__person", "contact__agency", "contact__recorded_by",
    )
    described = {}
    for named in found:
        contact = named.contact
        if named.child is not None:
            described[named.pk] = (named.child, {
                "title": f"New contact from {contact.agency.name}", "excerpt": _excerpt(contact.concern),
                "by": contact.referrer_name or contact.recorded_by.display_name, "agency": contact.agency.name,
                "url": reverse("frontdoor:contact", args=[contact.pk]),
            })
    return described


def _describe_information(rows: list[Row]) -> Described:
    wanted = {r.item_id for r in rows}
    oldest = min(r.at for r in rows) - timedelta(microseconds=1)
    found = [info for info in information_for_workers({r.child_id for r in rows}, since=oldest) if info.pk in wanted]
    return {
        info.pk: (info.child, {
            "title": f"Information from {info.agency.name}", "excerpt": _excerpt(info.what_happened),
            "by": info.given_by.display_name, "agency": info.agency.name, "url": child_url(info.child),
        })
        for info in found
    }


def _describe_allocations(rows: list[Row], kind: str) -> Described:
    found = list(
        Allocation.objects.filter(pk__in=[r.item_id for r in rows]).select_related("episode__child__person", "worker")
        .annotate(actor=_allocation_event("user_id"))
    )
    actors = User.objects.select_related("agency").in_bulk({a.actor for a in found if a.actor is not None})
    described = {}
    for allocation in found:
        child = allocation.episode.child
        by, agency = _person(actors.get(allocation.actor))
        title = (
            f"Allocated to you: {allocation.episode.get_kind_display()}" if kind == NewsKind.ALLOCATED
            else f"Handed on from you to {allocation.worker.display_name}"
        )
        described[allocation.pk] = (child, {"title": title, "by": by, "agency": agency, "url": child_url(child)})
    return described


def _describe_visits(rows: list[Row]) -> Described:
    found = Visit.objects.filter(pk__in=[r.item_id for r in rows]).select_related("child__person", "recorded_by__agency")
    described = {}
    for visit in found:
        seen = "child seen alone" if visit.child_seen_alone else ("child seen" if visit.child_seen else "child not seen")
        by, agency = _person(visit.recorded_by)
        described[visit.pk] = (visit.child, {
            "title": f"Visit on {timezone.localtime(visit.visited_at):%-d %B %Y}: {seen}", "by": by, "agency": agency,
            "url": reverse("casework:visit", args=[visit.child_id, visit.pk]),
        })
    return described


def _describe_case_notes(rows: list[Row]) -> Described:
    found = CaseNote.objects.filter(pk__in=[r.item_id for r in rows]).select_related("child__person", "author__agency")
    described = {}
    for note in found:
        by, agency = _person(note.author)
        described[note.pk] = (note.child, {
            "title": note.title, "by": by, "agency": agency, "url": reverse("casework:note", args=[note.child_id, note.pk]),
        })
    return described


def _describe_by_when(rows: list[Row]) -> Described:
    found = ByWhen.objects.filter(pk__in=[r.item_id for r in rows]).select_related("assessment__child__person", "set_by__agency")
    described = {}
    for by_when in found:
        child = by_when.assessment.child
        by, agency = _person(by_when.set_by)
        described[by_when.pk] = (child, {
            "title": f"'By when' date for the assessment set to {by_when.due_on:%-d %B %Y}", "excerpt": _excerpt(by_when.reason),
            "by": by, "agency": agency, "url": reverse("casework:assessment", args=[child.pk, by_when.assessment_id]),
        })
    return described


DESCRIBE: dict[str, Callable[[list[Row]], Described]] = {
    NewsKind.CONTACT: _describe_contacts,
    NewsKind.INFORMATION: _describe_information,
    NewsKind.ALLOCATED: lambda rows: _describe_allocations(rows, NewsKind.ALLOCATED),
    NewsKind.HANDED_ON: lambda rows: _describe_allocations(rows, NewsKind.HANDED_ON),
    NewsKind.VISIT: _describe_visits,
    NewsKind.CASE_NOTE: _describe_case_notes,
    NewsKind.BY_WHEN: _describe_by_when,
}


def describe(user, rows: Sequence[Row], *, up_to: datetime | None, all_unread: bool = False) -> list[NewsItem]:
    """The items for these rows, in their order: one query for each kind among them, and one for the read marks
    (none when the rows are known to be unread)."""
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    described = {kind: DESCRIBE[kind](kind_rows) for kind, kind_rows in by_kind.items()}
    opened: set[tuple[str, int]] = set()
    if rows and not all_unread:
        marks = Q(pk__in=[])
        for kind, kind_rows in by_kind.items():
            marks |= Q(kind=kind, item_id__in=[r.item_id for r in kind_rows])
        opened = set(NewsRead.objects.filter(marks, user=user).values_list("kind", "item_id"))
    items = []
    for row in rows:
        if (found := described[row.kind].get(row.item_id)) is None:
            continue
        child, details = found
        read = not all_unread and ((up_to is not None and row.at <= up_to) or (row.kind, row.item_id) in opened)
        items.append(NewsItem(kind=row.kind, item_id=row.item_id, at=row.at, child=child, read=read, **details))
    return items


# --- What the pages ask --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unread:
    items: list[NewsItem]
    count: int  # at most COUNT_CAP
    up_to: datetime | None  # when the newest unread item arrived: what "mark all as read" marks up to

    @property
    def count_is_capped(self) -> bool:
        return self.count >= COUNT_CAP


def unread(user, *, size: int | None = None) -> Unread:
    """The newest unread items (``PANEL_SIZE`` of them) and how many are unread: for the landing page."""
    size = size or PANEL_SIZE
    scope = scope_for(user)
    parts = _parts(scope, unread=True)
    if not parts:
        return Unread([], 0, None)
    # Counted by reading up to COUNT_CAP plain rows with the newest: one query, where a count would be a second.
    found = [Row(*values) for values in _united(parts, NEWEST_FIRST)[:COUNT_CAP]]
    rows = found[:size]
    return Unread(describe(user, rows, up_to=None, all_unread=True), len(found), rows[0].at if rows else None)


@dataclass(frozen=True)
class NewsPage:
    items: list[NewsItem]
    earlier: str | None  # the key of the first item, for the link to newer news; None on the first page
    later: str | None  # the key of the last item, for the link to older news; None on the last page
    unread: int
    up_to: datetime | None  # when the newest news arrived: what "mark all as read" marks up to

    @property
    def has_other_pages(self) -> bool:
        return self.earlier is not None or self.later is not None


def cursor_key(row: Row | NewsItem) -> str:
    return f"{row.at.astimezone(UTC).isoformat()}~{row.kind}~{row.item_id}"


def parse_cursor(key: str | None) -> Row | None:
    """A page link's key as (when, kind, id), or None for anything that is not one (which gives the first page)."""
    try:
        moment, kind, item = (key or "").split("~")
        at = datetime.fromisoformat(moment)
        if kind not in NewsKind.values or at.tzinfo is None:
            return None
        return Row(kind, int(item), 0, at)
    except (TypeError, ValueError, OverflowError):
        return None


def _beyond(kind: str, cursor: Row, forwards: bool) -> Q:
    """This kind's rows after ``cursor`` in newest-first order (or before it, going back): by when they arrived,
    then kind, then id, all descending."""
    step = "lt" if forwards else "gt"
    if kind == cursor.kind:
        return Q(**{f"at__{step}": cursor.at}) | Q(at=cursor.at, **{f"item__{step}": cursor.item_id})
    if (kind < cursor.kind) == forwards:
        return Q(**{f"at__{step}e": cursor.at})
    return Q(**{f"at__{step}": cursor.at})


def page(user, *, after: str | None = None, before: str | None = None, size: int | None = None) -> NewsPage:
    """A page of all the user's news, read and unread, newest first, in keyset pages (news arrives while the list
    is read, so an offset page would repeat or skip an item): the scope, the "read up to" mark, the rows and the
    count of unread, then the descriptions."""
    size = size or PAGE_SIZE
    scope = scope_for(user)
    up_to = read_up_to(user)
    cursor = parse_cursor(after or before)
    forwards = cursor is None or bool(after)
    parts = _parts(scope)
    if not parts:
        return NewsPage([], None, None, 0, None)
    if cursor is not None:
        parts = [part.filter(_beyond(kind, cursor, forwards)) for part, kind in zip(parts, _kinds_asked(scope), strict=True)]
    found = [Row(*values) for values in _united(parts, NEWEST_FIRST if forwards else OLDEST_FIRST)[: size + 1]]
    more = len(found) > size
    rows = found[:size] if forwards else found[:size][::-1]
    if cursor is not None and not rows:
        return page(user, size=size)
    if forwards:
        earlier = cursor_key(rows[0]) if cursor is not None and rows else None
        later = cursor_key(rows[-1]) if more else None
    else:
        earlier = cursor_key(rows[0]) if more else None
        later = cursor_key(rows[-1]) if rows else None
    unread_parts = _parts(scope, unread=True)
    newest = rows[0].at if rows and earlier is None else None  # the first page: what "mark all as read" marks up to
    return NewsPage(describe(user, rows, up_to=up_to), earlier, later, _united(unread_parts).count(), newest)


def find(user, kind: str, item_id: int) -> NewsItem | None:
    """One item of the user's news, or None when it is not theirs (or not news, or does not exist)."""
    if kind not in NewsKind.values:
        return None
    scope = scope_for(user)
    parts = _parts(scope, kinds=[kind])
    if not parts:
        return None
    values = parts[0].filter(pk=item_id).values_list(*COLUMNS).first()
    if values is None:
        return None
    return next(iter(describe(user, [Row(*values)], up_to=read_up_to(user))), None)
