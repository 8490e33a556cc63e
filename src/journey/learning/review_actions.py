"""Commissioning a systems case review, naming its team, marking key practice episodes on its timeline, writing its
findings about the system, and closing it (decision record 0021).

Every rule is checked in one pass, each failure naming its field; what an action writes is written together or not
at all. Who may act is asked of ``review_rules``, as the pages ask it.
"""
from collections.abc import Sequence
from datetime import date, timedelta
from typing import cast

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.lib.dates import today

from . import review_rules as rules
from .review_models import (
    MAX_PERIOD_DAYS,
    CaseReview,
    ContributoryFactor,
    EpisodeEntry,
    FactorCategory,
    FindingEpisode,
    PracticeEpisode,
    ReviewFinding,
    ReviewMember,
)
from .review_timeline import timeline_of

NO_CHILD = "Enter the record number of a child whose record you may open"
NO_ENTRIES = "Choose at least one entry on the timeline for this episode"
NOT_ON_TIMELINE = "Choose entries from this review's timeline"
NO_EPISODES = "Choose at least one key practice episode this finding draws on: a finding needs its evidence"
NOT_THIS_REVIEW = "Choose episodes of this review"
NO_FINDINGS = "Write at least one finding before closing the review"


def _clean(instance, errors: dict[str, str], exclude: Sequence[str]) -> None:
    """Run the model's own checks (a text over its bound, a date out of range), keeping the first message per field."""
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages[0])


def _required(instance, errors: dict[str, str], messages: dict[str, str]) -> None:
    """Name each empty required text by its own message before the model's generic one."""
    for name, message in messages.items():
        if not getattr(instance, name):
            errors.setdefault(name, message)


def _refuse(refusal: str | None) -> None:
    if refusal:
        raise ValidationError({"__all__": refusal})


def _period_errors(period_from: date | None, period_to: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if period_from is None:
        errors["period_from"] = "Enter the start of the period"
    if period_to is None:
        errors["period_to"] = "Enter the end of the period"
    if errors or period_from is None or period_to is None:
        return errors
    if period_to > today():
        errors["period_to"] = "End of the period must be today or in the past"
    elif period_from > period_to:
        errors["period_to"] = "End of the period must be the same as or after its start"
    elif period_to - period_from > timedelta(days=MAX_PERIOD_DAYS):
        errors["period_from"] = "The period can be at most 18 years long"
    return errors


@audited_action
def commission_review(child, *, reason: str, terms_of_reference: str, period_from: date | None, period_to: date | None, acting_user) -> CaseReview:
    """Commission a systems case review of ``child``'s case over the period, by ``acting_user``, a head of service
    who may open the child's record."""
    from journey.people.models import Child

    if not rules.can_commission(acting_user):
        raise ValidationError({"__all__": rules.NOT_COMMISSIONER})
    errors = _period_errors(period_from, period_to)
    if child is None or not Child.objects.visible_to(acting_user).filter(pk=child.pk).exists():
        errors["child"] = NO_CHILD
    review = CaseReview(
        child=child, reason=reason, terms_of_reference=terms_of_reference.strip(), period_from=cast(date, period_from), period_to=cast(date, period_to),
        commissioned_by=acting_user,
    )
    _required(review, errors, {"reason": "Choose why the review is held", "terms_of_reference": "Enter the terms of reference"})
    _clean(review, errors, ["child", "commissioned_by", "closed_by"])
    if errors:
        raise ValidationError(errors)
    review.save()
    return review


@audited_action
def add_member(review: CaseReview, user, *, acting_user) -> ReviewMember:
    """Name ``user`` (the council's staff or a partner agency's reviewer) to the review team."""
    _refuse(rules.leading_refusal(acting_user, review))
    if user is None or not user.is_active:
        raise ValidationError({"user": "Choose an active user to join the review team"})
    if user.pk == review.commissioned_by_id or review.members.filter(user=user).exists():
        raise ValidationError({"user": f"{user.display_name} is already on the review team"})
    return ReviewMember.objects.create(review=review, user=user)


@audited_action
def mark_episode(
    review: CaseReview, *, title: str, what_happened: str, why_it_made_sense: str, entry_keys: Sequence[str],
    factors: Sequence[tuple[str, str]], acting_user,
) -> PracticeEpisode:
    """Mark a key practice episode on the review's timeline, on one or more of its entries, with what happened, why it
    made sense at the time and the contributory factors (category, description) in the system."""
    _refuse(rules.working_refusal(acting_user, review))
    errors: dict[str, str] = {}
    keys = list(dict.fromkeys(entry_keys))
    if not keys:
        errors["entries"] = NO_ENTRIES
    elif timeline_of(review).filter(key__in=keys).count() != len(keys):
        errors["entries"] = NOT_ON_TIMELINE
    episode = PracticeEpisode(
        review=review, title=title.strip(), what_happened=what_happened.strip(), why_it_made_sense=why_it_made_sense.strip(), recorded_by=acting_user,
    )
    _required(episode, errors, {
        "title": "Enter a title for the episode", "what_happened": "Enter what happened",
        "why_it_made_sense": "Enter why it made sense to the people at the time",
    })
    _clean(episode, errors, ["review", "recorded_by"])
    made = []
    for category, description in factors:
        if category not in FactorCategory.values:
            errors.setdefault("factors", "Choose a category for each contributory factor")
            continue
        factor = ContributoryFactor(category=category, description=description.strip())
        factor_errors: dict[str, str] = {}
        _clean(factor, factor_errors, ["episode"])
        if "description" in factor_errors:
            errors.setdefault(f"factor_{category}", factor_errors["description"])
        made.append(factor)
    if errors:
        raise ValidationError(errors)
    episode.save()
    for key in keys:
        EpisodeEntry.objects.create(episode=episode, entry_key=key)
    for factor in made:
        factor.episode = episode
        factor.save()
    return episode


@audited_action
def write_finding(
    review: CaseReview, *, title: str, pattern: str, evidence: str, episodes: Sequence[PracticeEpisode], acting_user,
) -> ReviewFinding:
    """Write a finding about the system, drawn from at least one of the review's episodes. A finding that names a
    person (the child, the family, a practitioner on the timeline, a reviewer) is refused: findings are about the
    system, not individuals."""
    _refuse(rules.working_refusal(acting_user, review))
    errors: dict[str, str] = {}
    finding = ReviewFinding(review=review, title=title.strip(), pattern=pattern.strip(), evidence=evidence.strip(), recorded_by=acting_user)
    _required(finding, errors, {"title": "Enter the finding", "pattern": "Enter the pattern in the system"})
    _clean(finding, errors, ["review", "recorded_by"])
    chosen = list({episode.pk: episode for episode in episodes}.values())
    if not chosen:
        errors["episodes"] = NO_EPISODES
    elif any(episode.review_id != review.pk for episode in chosen):
        errors["episodes"] = NOT_THIS_REVIEW
    individuals = rules.individuals_of(review)
    for name in ("title", "pattern", "evidence"):
        if name not in errors and (named := rules.names_in(getattr(finding, name), individuals)):
            label = {"title": "The finding", "pattern": "The pattern", "evidence": "The evidence"}[name]
            errors[name] = f"{label} names {named[0]}: a finding is about the system, not individuals; describe the role or the part of the system"
    if errors:
        raise ValidationError(errors)
    finding.save()
    for episode in chosen:
        FindingEpisode.objects.create(finding=finding, episode=episode)
    return finding


@audited_action
def close_review(review: CaseReview, *, acting_user) -> CaseReview:
    """Close the review once it has a finding: its timeline is no longer read, its findings stay."""
    _refuse(rules.leading_refusal(acting_user, review))
    if not review.findings.exists():
        raise ValidationError({"__all__": NO_FINDINGS})
    review.closed_at, review.closed_by = timezone.now(), acting_user
    review.save()
    return review
