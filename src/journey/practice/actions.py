"""Recording a reflective supervision: one session of one practitioner with their manager, discussing one or more
children, each with the practitioner's reflections and the decisions taken (decision record 0017).

The prompts are asked, never forced: a discussion with no answers at all is still a discussion. A decision, once
anything of it is typed, needs its text and the person responsible ("A supervision decision with no responsible
person" is refused). Every rule is checked in one pass, each failure naming its field (a child by its row,
``child_2``, a decision by its child's row, ``child_2_responsible``); the session, its discussions and decisions are
written together or not at all.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from journey.accounts.models import Role
from journey.audit.context import audited_action
from journey.lib.dates import today

from . import rules
from .models import SupervisionDecision, SupervisionDiscussion, SupervisionSession


@dataclass(frozen=True)
class Decision:
    """A decision about the child: what, why, who is responsible and by when."""

    decision: str
    rationale: str = ""
    responsible: Any = None  # a User
    by_when: date | None = None


@dataclass(frozen=True)
class Discussion:
    """A child discussed, with the answers to the prompts (each optional) and the decisions taken."""

    child: Any  # a Child, or None when none was chosen
    episode: Any = None  # one of the child's episodes
    happening: str = ""
    gut_feeling: str = ""
    alternative: str = ""
    change_mind: str = ""
    child_says: str = ""
    feelings: str = ""
    decisions: Sequence[Decision] = field(default_factory=tuple)
    number: int = 0  # its row on the form, so its errors land beside it; 0 numbers the children in order


def child_field(number: int, part: str = "", decision: int = 1) -> str:
    """The form field of ``part`` of child row ``number`` (``child_2``, ``child_2_happening``); a decision's parts
    after the first decision carry its number (``child_2_responsible_2``)."""
    name = f"child_{number}" + (f"_{part}" if part else "")
    return name if decision == 1 or part not in DECISION_PARTS else f"{name}_{decision}"


DECISION_PARTS = ("decision", "rationale", "responsible", "by_when")
PROMPT_PARTS = ("happening", "gut_feeling", "alternative", "change_mind", "child_says", "feelings")
NO_RESPONSIBLE = "Choose who is responsible for this decision: a supervision decision needs a responsible person"
NO_DECISION = "Enter the decision, or clear its other answers"
NOT_STAFF = "Choose an active member of staff in the local authority as the person responsible"


def _session_errors(practitioner, held_on: date | None, acting_user) -> dict[str, str]:
    errors: dict[str, str] = {}
    if refusal := rules.recording_refusal(acting_user, practitioner):
        errors["practitioner"] = refusal
    if held_on is None:
        errors["held_on"] = "Enter the date of the supervision"
    elif held_on > today():
        errors["held_on"] = "Date of the supervision must be today or in the past"
    return errors


def _decision_errors(number: int, position: int, decision: Decision) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not decision.decision.strip():
        errors[child_field(number, "decision", position)] = NO_DECISION
    responsible = decision.responsible
    if responsible is None:
        errors[child_field(number, "responsible", position)] = NO_RESPONSIBLE
    elif not getattr(responsible, "is_active", False) or not responsible.is_local_authority_staff:
        errors[child_field(number, "responsible", position)] = NOT_STAFF
    return errors


def _discussion_errors(practitioner, discussions: Sequence[Discussion]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not discussions:
        return {child_field(1): "Add at least one child discussed"}
    seen: set[int] = set()
    for position, talked in enumerate(discussions, start=1):
        number = talked.number or position
        child = talked.child
        if child is None:
            errors[child_field(number)] = f"Choose child {number} from the list"
        elif practitioner is not None and (refusal := rules.child_refusal(practitioner, child)):
            errors[child_field(number)] = refusal
        elif child.pk in seen:
            errors[child_field(number)] = f"Child {number} is already discussed above: discuss each child once"
        else:
            seen.add(child.pk)
            if talked.episode is not None and talked.episode.child_id != child.pk:
                errors[child_field(number, "episode")] = "Choose one of this child's episodes"
        for place, decision in enumerate(talked.decisions, start=1):
            errors |= _decision_errors(number, place, decision)
    return errors


def model_errors(instance, names: dict[str, str], errors: dict[str, str]) -> None:
    """Add the model's own checks of its values (a text over its bound, a date out of range) to ``errors``, each
    naming the form's field (``names``); the links to other rows are the action's rules, checked before."""
    links = [field.name for field in instance._meta.fields if field.is_relation]
    try:
        instance.full_clean(exclude=links, validate_constraints=False)
    except ValidationError as error:
        for model_field, messages in error.message_dict.items():
            errors.setdefault(names.get(model_field, model_field), messages[0])



@audited_action
def record_supervision(*, practitioner, held_on: date | None, discussions: Sequence[Discussion], acting_user) -> SupervisionSession:
    """Record ``acting_user``'s supervision of ``practitioner`` on ``held_on``, discussing each child."""
    errors = _session_errors(practitioner, held_on, acting_user)
    if "practitioner" in errors:
        raise ValidationError(errors)
    errors |= _discussion_errors(practitioner, discussions)
    session = SupervisionSession(practitioner=practitioner, supervisor=acting_user, held_on=cast(date, held_on), recorded_by=acting_user)
    if held_on is not None and "held_on" not in errors:
        model_errors(session, {}, errors)
    rows: list[tuple[SupervisionDiscussion, list[SupervisionDecision]]] = []
    for position, talked in enumerate(discussions, start=1):
        number = talked.number or position
        discussion = SupervisionDiscussion(
            child=talked.child, episode=talked.episode, **{part: getattr(talked, part).strip() for part in PROMPT_PARTS},
        )
        model_errors(discussion, {part: child_field(number, part) for part in PROMPT_PARTS}, errors)
        decisions = []
        for place, decision in enumerate(talked.decisions, start=1):
            made = SupervisionDecision(
                decision=decision.decision.strip(), rationale=decision.rationale.strip(), responsible=decision.responsible, by_when=decision.by_when,
            )
            if made.decision:
                model_errors(made, {part: child_field(number, part, place) for part in DECISION_PARTS}, errors)
            decisions.append(made)
        rows.append((discussion, decisions))
    if errors:
        raise ValidationError(errors)
    session.save()
    for discussion, decisions in rows:
        discussion.session = session
        discussion.save()
        for made in decisions:
            made.discussion = discussion
            made.save()
    return session


def staff_choices():
    """Who may be made responsible for a decision: the local authority's active staff."""
    return get_user_model().objects.filter(is_active=True).exclude(role=Role.PARTNER).order_by("first_name", "last_name", "pk")
