"""Each child's retention review date, computed from the record, and the records due for review.

Built for tens of thousands of children. Which rule governs a record is decided by uncorrelated ``IN`` subqueries,
which the database runs once each (a hash or a semi-join); the children whose review could fall by the cut-off are
found by comparing stored dates with constants worked out here ('born on or before the cut-off less 25 years').
Only that short list is read into Python, where the exact date is worked out by the same function that explains
one child's date, so the report and the child's own answer cannot disagree.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from journey.casework.codes import ClosureReason, EpisodeKind
from journey.casework.models import Episode
from journey.frontdoor.codes import ContactStatus
from journey.frontdoor.models import ContactChild, Referral
from journey.lib.dates import age_in_years
from journey.people.models import Child

from .periods import add_years
from .retention_rules import ADOPTION, CASE_RECORD, CONTACT_NO_FURTHER_ACTION, LOOKED_AFTER, RULES, RULES_BY_CODE, RetentionRule

BATCH = 2000


@dataclass(frozen=True)
class Review:
    """When a child's record is due for review, under which rule, and why; no date while the record is active."""

    rule: RetentionRule | None
    review_on: date | None
    explanation: str


@dataclass(frozen=True)
class DueRecord:
    child_id: int
    name: str
    date_of_birth: date | None
    review: Review


def _episodes(**conditions) -> Q:
    return Q(pk__in=Episode.objects.filter(**conditions).values("child_id"))


def _decided(**conditions) -> Q:
    return Q(pk__in=ContactChild.objects.filter(child__isnull=False, contact__decision__isnull=False, **conditions).values("child_id"))


def _adopted(**conditions) -> Q:
    return _episodes(closure_reason=ClosureReason.ADOPTED, ended_on__isnull=False, **conditions)


# Membership tests are uncorrelated IN subqueries: the database runs each once (a hash or a semi-join), rather
# than once per child as a correlated EXISTS in a SELECT list would be.
_LOOKED_AFTER = _episodes(kind__in=[EpisodeKind.LOOKED_AFTER, EpisodeKind.CARE_LEAVER])
_CASEWORK = _episodes() | Q(pk__in=Referral.objects.values("child_id"))

GOVERNED_BY: dict[str, Q] = {
    ADOPTION.code: _adopted(),
    LOOKED_AFTER.code: _LOOKED_AFTER & ~_adopted(),
    CASE_RECORD.code: _CASEWORK & ~_LOOKED_AFTER & ~_adopted(),
    CONTACT_NO_FURTHER_ACTION.code: _decided() & ~_CASEWORK,
}
"""Which children each rule governs; the first rule in ``RULES`` that applies wins, so these never overlap."""

ACTIVE = _episodes(ended_on__isnull=True) | Q(
    pk__in=ContactChild.objects.filter(child__isnull=False, contact__status=ContactStatus.AWAITING_SCREENING).values("child_id")
)
"""A record in use (an open episode, a contact awaiting screening) is not reviewed: its retention has not begun."""


def _dates_for(ids: list[int]) -> dict[int, dict]:
    """The dates the rules count from, for a list of children: three grouped queries on indexed foreign keys."""
    facts = {
        row["pk"]: {**row, "adopted_on": None, "last_closed_on": None, "last_decided_at": None}
        for row in Child.objects.filter(pk__in=ids).order_by().values("pk", "person__first_name", "person__last_name", dob=F("person__date_of_birth"))
    }
    episodes = Episode.objects.filter(child_id__in=ids).order_by().values("child_id").annotate(
        adopted_on=Max("ended_on", filter=Q(closure_reason=ClosureReason.ADOPTED)), last_closed_on=Max("ended_on"),
    )
    decisions = ContactChild.objects.filter(child_id__in=ids, contact__decision__isnull=False).order_by().values("child_id").annotate(
        last_decided_at=Max("contact__decision__decided_at"),
    )
    for row in [*episodes, *decisions]:
        facts[row.pop("child_id")].update(row)
    return facts


def review_from_facts(rule: RetentionRule | None, facts: dict, *, active: bool = False) -> Review:
    """The review date for one child from its dates: the one place the rules' arithmetic lives."""
    if rule is None:
        return Review(None, None, "No rule applies: there is no contact, referral or episode on the record")
    if active:
        return Review(rule, None, "Not yet: an episode is open or a contact awaits screening, so the record is in use")
    born: date | None = facts["dob"]
    if rule is ADOPTION:
        return Review(rule, add_years(facts["adopted_on"], rule.years), f"{rule.years} years from the adoption order")
    if rule is CONTACT_NO_FURTHER_ACTION:
        decided = timezone.localdate(facts["last_decided_at"])
        return Review(rule, add_years(decided, rule.years), f"{rule.years} years from the latest screening decision")
    if born is None:
        return Review(rule, None, "Cannot be worked out: the date of birth is not recorded")
    if rule is LOOKED_AFTER:
        return Review(rule, add_years(born, rule.years), f"{rule.years} years from the date of birth")
    closed: date | None = facts["last_closed_on"]
    if rule.years_if_17_at_closure and closed and age_in_years(born, closed) == 17:
        years, why = rule.years_if_17_at_closure, f"{rule.years_if_17_at_closure}th birthday: 17 when the last episode closed"
    else:
        years, why = rule.years, f"{rule.years}th birthday"
    review_on = add_years(born, years)
    if closed and closed > review_on:
        return Review(rule, closed, f"When the last episode closed, after the {years}th birthday")
    return Review(rule, review_on, why)


def review_for(child) -> Review:
    """One child's review date and the reason for it."""
    one = Child.objects.filter(pk=child.pk)
    rule = next((r for r in RULES if one.filter(GOVERNED_BY[r.code]).exists()), None)
    return review_from_facts(rule, _dates_for([child.pk])[child.pk], active=one.filter(ACTIVE).exists())


def _could_fall_by(rule: RetentionRule, cutoff: date) -> Q:
    """Children whose review under ``rule`` could be on or before ``cutoff``: a superset of those due (a day's
    slack for 29 February and time zones), found with indexed comparisons against constants."""
    limit = add_years(cutoff, -rule.years) + timedelta(days=1)
    if rule is ADOPTION:
        return _adopted(ended_on__lte=limit)
    if rule is CONTACT_NO_FURTHER_ACTION:
        later = timezone.make_aware(datetime.combine(limit + timedelta(days=1), time.min))
        return ~_decided(contact__decision__decided_at__gte=later)
    return Q(person__date_of_birth__lte=limit)


def due_for_review(children: QuerySet, *, cutoff: date, rule_code: str = "") -> list[DueRecord]:
    """Records whose review date is on or before ``cutoff``, earliest first. ``children`` is the officer's scope
    (``rules.children_in_scope``). One query per rule, then three per 2,000 records for their dates."""
    rules = [RULES_BY_CODE[rule_code]] if rule_code else list(RULES)
    rule_of: dict[int, RetentionRule] = {}
    for rule in rules:
        chosen = children.order_by().filter(GOVERNED_BY[rule.code]).filter(_could_fall_by(rule, cutoff)).exclude(ACTIVE)
        rule_of.update((pk, rule) for pk in chosen.values_list("pk", flat=True))
    due = []
    ids = list(rule_of)
    for start in range(0, len(ids), BATCH):
        for facts in _dates_for(ids[start:start + BATCH]).values():
            review = review_from_facts(rule_of[facts["pk"]], facts)
            if review.review_on and review.review_on <= cutoff:
                name = f"{facts['person__first_name']} {facts['person__last_name']}".strip()
                due.append(DueRecord(facts["pk"], name, facts["dob"], review))
    due.sort(key=lambda record: (record.review.review_on, record.name, record.child_id))
    return due


@dataclass(frozen=True)
class RuleCount:
    rule: RetentionRule
    records: int
    active: int


def records_per_rule(children: QuerySet) -> list[RuleCount]:
    """How many records each rule governs, and how many of those are still in use: one counting query."""
    totals = children.order_by().aggregate(**{
        key: Count("pk", filter=GOVERNED_BY[rule.code] & extra)
        for rule in RULES for key, extra in ((f"{rule.code}_records", Q()), (f"{rule.code}_active", ACTIVE))
    })
    return [RuleCount(rule, totals[f"{rule.code}_records"], totals[f"{rule.code}_active"]) for rule in RULES]
