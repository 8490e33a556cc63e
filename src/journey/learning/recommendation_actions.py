"""Recording a recommendation to action, adding its actions and progress, and closing it with its outcome (decision
record 0021). A recommendation cannot close without an outcome; each refusal names its field and saves nothing."""
from datetime import date
from typing import cast

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.lib.dates import today

from . import recommendation_rules as rules
from . import review_rules
from .recommendation_models import ProgressUpdate, Recommendation, RecommendationAction, RecommendationStatus, SourceKind
from .review_actions import _clean, _refuse, _required

NO_OUTCOME = "Enter the outcome: a recommendation cannot close without one"


def _staff_error(user, label: str) -> str | None:
    if user is None:
        return f"Choose {label}"
    if not user.is_active or not user.is_local_authority_staff:
        return f"Choose an active member of the local authority's staff as {label}"
    return None


@audited_action
def record_recommendation(
    *, title: str, source_kind: str, finding, source_detail: str, options_weighed: str, owner, acting_user,
) -> Recommendation:
    """Record a recommendation from a review finding (one the recorder may read), an audit, an inspection or
    practitioners' daily experience."""
    if not rules.can_record(acting_user):
        raise ValidationError({"__all__": rules.NOT_A_RECORDER})
    errors: dict[str, str] = {}
    if source_kind == SourceKind.REVIEW_FINDING:
        if finding is None or review_rules.reading_refusal(acting_user, finding.review):
            errors["finding"] = "Choose the review finding it answers, from a review you are on"
    elif finding is not None:
        errors["finding"] = "Leave the finding empty unless the recommendation comes from a review"
    made = Recommendation(
        title=title.strip(), source_kind=source_kind, finding=finding if source_kind == SourceKind.REVIEW_FINDING else None,
        source_detail=source_detail.strip(), options_weighed=options_weighed.strip(), owner=owner, recorded_by=acting_user,
    )
    _required(made, errors, {
        "title": "Enter the recommendation", "source_kind": "Choose where the recommendation came from",
        "options_weighed": "Enter the options weighed",
    })
    if refusal := _staff_error(owner, "the owner"):
        errors["owner"] = refusal
    _clean(made, errors, ["finding", "owner", "recorded_by", "closed_by", "outcome"])
    if errors:
        raise ValidationError(errors)
    made.save()
    return made


@audited_action
def add_action(recommendation: Recommendation, *, description: str, owner, by_when: date | None, acting_user) -> RecommendationAction:
    """Add an action to the recommendation, with its owner and by when."""
    _refuse(rules.changing_refusal(acting_user, recommendation))
    errors: dict[str, str] = {}
    action = RecommendationAction(recommendation=recommendation, description=description.strip(), owner=owner, by_when=cast(date, by_when), recorded_by=acting_user)
    _required(action, errors, {"description": "Enter the action", "by_when": "Enter by when"})
    if refusal := _staff_error(owner, "the action's owner"):
        errors["owner"] = refusal
    _clean(action, errors, ["recommendation", "owner", "recorded_by"])
    if errors:
        raise ValidationError(errors)
    action.save()
    return action


@audited_action
def record_progress(recommendation: Recommendation, *, written_on: date | None, text: str, acting_user) -> ProgressUpdate:
    """A dated update of progress on the recommendation, by ``acting_user``."""
    _refuse(rules.changing_refusal(acting_user, recommendation))
    errors: dict[str, str] = {}
    update = ProgressUpdate(recommendation=recommendation, written_on=cast(date, written_on), written_by=acting_user, text=text.strip())
    _required(update, errors, {"written_on": "Enter the date of the update", "text": "Enter the progress"})
    if written_on is not None and written_on > today():
        errors.setdefault("written_on", "Date of the update must be today or in the past")
    _clean(update, errors, ["recommendation", "written_by"])
    if errors:
        raise ValidationError(errors)
    update.save()
    return update


@audited_action
def close_recommendation(recommendation: Recommendation, *, outcome: str, impact_evidence: str, acting_user) -> Recommendation:
    """Close the recommendation with its outcome (needed) and the evidence of its impact."""
    _refuse(rules.changing_refusal(acting_user, recommendation))
    recommendation.outcome, recommendation.impact_evidence = outcome.strip(), impact_evidence.strip()
    errors: dict[str, str] = {}
    _required(recommendation, errors, {"outcome": NO_OUTCOME})
    _clean(recommendation, errors, ["finding", "owner", "recorded_by", "closed_by"])
    if errors:
        recommendation.refresh_from_db()
        raise ValidationError(errors)
    recommendation.status, recommendation.closed_at, recommendation.closed_by = RecommendationStatus.CLOSED, timezone.now(), acting_user
    recommendation.save()
    return recommendation
