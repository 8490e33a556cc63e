"""Case audits, as actions: making a round (drawing its sample and opening its grant), extending or ending the grant,
recording an audit of one sampled child, and recording the practitioner's view once it has been talked through.

Every rule is checked in one pass and each failure names its form field (a theme's grade is ``theme_<id>_grade``);
nothing is written unless all pass. The learning app's tables are captured by the audit log (``audit.changes``), so
the round with its grant dates, its auditors and each sampled child, and every later change to the grant, are events
in the log naming who made them (decision record 0020).
"""
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.casework.codes import EpisodeKind
from journey.casework.rules import teams_managed_by
from journey.lib.dates import today

from . import audit_rules as rules
from .audit_models import GRANT_MAX_DAYS, SAMPLE_MAX, AuditFramework, CaseAudit, CaseAuditRound, SampledChild, SampleMethod, ThemeFinding

SEED_MAX = 2**31 - 1


@dataclass(frozen=True)
class Finding:
    """A theme's grade and the evidence for it, as the auditor gave them."""

    theme: Any  # an AuditTheme
    grade: Any = None  # an AuditGrade, or None when none was chosen
    evidence: str = ""


def theme_field(theme, part: str) -> str:
    return f"theme_{theme.pk}_{part}"


def _grant_errors(starts_on: date | None, ends_on: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if starts_on is None:
        errors["grant_starts_on"] = "Enter the first day of access"
    elif starts_on < today():
        errors["grant_starts_on"] = "First day of access must be today or in the future"
    if ends_on is None:
        errors["grant_ends_on"] = "Enter the last day of access"
    elif starts_on is not None and "grant_starts_on" not in errors:
        if ends_on < starts_on:
            errors["grant_ends_on"] = "Last day of access must be on or after the first day"
        elif ends_on > starts_on + timedelta(days=GRANT_MAX_DAYS):
            errors["grant_ends_on"] = f"Last day of access must be within {GRANT_MAX_DAYS} days of the first day"
    return errors


def _criteria_errors(maker, method: str, criteria: rules.Criteria) -> dict[str, str]:
    errors: dict[str, str] = {}
    if method not in SampleMethod.values:
        errors["method"] = "Choose how to draw the sample"
    elif method == SampleMethod.CRITERIA and not criteria.any:
        errors["method"] = "Choose at least one criterion, or draw the sample at random"
    if criteria.team_id and not teams_managed_by(maker).filter(pk=criteria.team_id).exists():
        errors["team"] = "Choose a team you manage"
    if criteria.episode_kind and criteria.episode_kind not in EpisodeKind.values:
        errors["episode_kind"] = "Choose a kind of episode from the list"
    if criteria.age_band and criteria.age_band not in rules.AGE_BANDS:
        errors["age_band"] = "Choose an age band from the list"
    return errors


@audited_action
def make_round(
    *, title: str, framework: AuditFramework | None, method: str, seed: int | None, criteria: rules.Criteria, as_of: date | None,
    size: int | None, auditors: Sequence, grant_starts_on: date | None, grant_ends_on: date | None, acting_user,
) -> CaseAuditRound:
    """Draw a sample of the children ``acting_user``'s teams held on ``as_of`` and name its auditors, who may open
    those children from ``grant_starts_on`` to ``grant_ends_on``. A missing seed is chosen now, and kept."""
    if not rules.can_make_round(acting_user):
        raise ValidationError({"title": rules.CANNOT_MAKE})
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Enter the round's title"
    elif len(title.strip()) > 150:
        errors["title"] = "Title must be 150 characters or fewer"
    if framework is None or not framework.in_use:
        errors["framework"] = "Choose a framework in use"
    if method == SampleMethod.RANDOM:
        criteria = rules.Criteria()
    errors |= _criteria_errors(acting_user, method, criteria)
    if seed is None:
        seed = secrets.randbelow(SEED_MAX) + 1
    elif not 0 <= seed <= SEED_MAX:
        errors["seed"] = f"Seed must be a whole number from 0 to {SEED_MAX:,}"
    if as_of is None:
        errors["as_of"] = "Enter the date the record is read as of"
    elif as_of > today():
        errors["as_of"] = "Date the record is read as of must be today or in the past"
    if size is None:
        errors["size"] = "Enter how many children to sample"
    elif not 1 <= size <= SAMPLE_MAX:
        errors["size"] = f"Number of children must be from 1 to {SAMPLE_MAX}"
    if not auditors:
        errors["auditors"] = "Choose at least one auditor"
    elif any(not rules.can_audit(auditor) for auditor in auditors):
        errors["auditors"] = "Choose auditors who are active case auditors, team managers or heads of service"
    errors |= _grant_errors(grant_starts_on, grant_ends_on)
    drawn: list[int] = []
    if not errors:
        assert as_of is not None and size is not None
        drawn = rules.draw(list(rules.sampling_frame(acting_user, as_of, criteria).values_list("pk", flat=True)), seed, size)
        if not drawn:
            errors["method"] = "No child your teams held on that date matches: change the criteria or the date"
    if errors:
        raise ValidationError(errors)
    assert as_of is not None and size is not None and grant_starts_on is not None and grant_ends_on is not None
    made = CaseAuditRound(
        title=title.strip(), framework=framework, made_by=acting_user, method=method, seed=seed, criteria=criteria.as_json(),
        as_of=as_of, size=size, grant_starts_on=grant_starts_on, grant_ends_on=grant_ends_on,
    )
    made.full_clean(exclude=["framework", "made_by"])
    made.save()
    made.auditors.set(auditors)
    practitioners = rules.practitioners_on(acting_user, as_of, criteria, drawn)
    for position, child_id in enumerate(drawn, start=1):
        SampledChild.objects.create(round=made, child_id=child_id, position=position, practitioner_id=practitioners.get(child_id))
    return made


@audited_action
def extend_grant(round_: CaseAuditRound, *, ends_on: date | None, acting_user) -> CaseAuditRound:
    """Move the last day of the auditors' access, within ``GRANT_MAX_DAYS`` of its first day."""
    round_ = CaseAuditRound.objects.select_for_update().get(pk=round_.pk)
    if refusal := rules.grant_refusal(acting_user, round_):
        raise ValidationError({"grant_ends_on": refusal})
    if ends_on is None:
        raise ValidationError({"grant_ends_on": "Enter the new last day of access"})
    if ends_on < today():
        raise ValidationError({"grant_ends_on": "Last day of access must be today or in the future: to stop access now, end it"})
    errors = _grant_errors(round_.grant_starts_on, ends_on)
    errors.pop("grant_starts_on", None)  # a grant under way began in the past
    if errors:
        raise ValidationError(errors)
    if ends_on <= round_.grant_ends_on:
        raise ValidationError({"grant_ends_on": "The new last day of access must be after the present one: to stop access sooner, end it"})
    round_.grant_ends_on = ends_on
    round_.save(update_fields=["grant_ends_on"])
    return round_


@audited_action
def end_grant(round_: CaseAuditRound, *, acting_user) -> CaseAuditRound:
    """End the auditors' access now. The round and its audits stay; its auditors no longer open the sample."""
    round_ = CaseAuditRound.objects.select_for_update().get(pk=round_.pk)
    if refusal := rules.grant_refusal(acting_user, round_):
        raise ValidationError({"grant_ends_on": refusal})
    round_.grant_ended_at = timezone.now()
    round_.grant_ended_by = acting_user
    round_.save(update_fields=["grant_ended_at", "grant_ended_by"])
    return round_


def _text_errors(instance, errors: dict[str, str], names: dict[str, str], exclude: list[str]) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        for model_field, messages in error.message_dict.items():
            errors.setdefault(names.get(model_field, model_field), messages[0])


@audited_action
def record_audit(
    sample: SampledChild, *, audited_on: date | None, overall, working_well: str, needs_to_change: str,
    findings: Sequence[Finding], acting_user,
) -> CaseAudit:
    """Record the audit of one sampled child: a grade and evidence for every theme of the round's framework, an
    overall grade, what is working well and what needs to change. A grade from another framework is refused."""
    round_ = sample.round
    if refusal := rules.audit_refusal(acting_user, round_):
        raise ValidationError({"overall": refusal})
    if CaseAudit.objects.filter(sample=sample).exists():
        raise ValidationError({"overall": "This child's audit in this round is already recorded"})
    framework_id = round_.framework_id
    errors: dict[str, str] = {}
    given = {finding.theme.pk: finding for finding in findings if finding.theme.framework_id == framework_id}
    rows = []
    for theme in round_.framework.themes.all():
        finding = given.get(theme.pk, Finding(theme))
        if finding.grade is None:
            errors[theme_field(theme, "grade")] = f"Choose a grade for {theme.name.lower()}"
        elif finding.grade.framework_id != framework_id:
            errors[theme_field(theme, "grade")] = f"Choose a grade of this round's framework for {theme.name.lower()}"
        if not finding.evidence.strip():
            errors[theme_field(theme, "evidence")] = f"Enter what in the record shows the grade for {theme.name.lower()}"
        made = ThemeFinding(theme=theme, grade=finding.grade, evidence=finding.evidence.strip())
        _text_errors(made, errors, {"evidence": theme_field(theme, "evidence")}, ["audit", "theme", "grade"])
        rows.append(made)
    if overall is None:
        errors["overall"] = "Choose the overall grade"
    elif overall.framework_id != framework_id:
        errors["overall"] = "Choose an overall grade of this round's framework"
    if audited_on is None:
        errors["audited_on"] = "Enter the date of the audit"
    elif audited_on < timezone.localtime(round_.made_at).date() or audited_on > today():
        errors["audited_on"] = "Date of the audit must be between the day the round was made and today"
    if not working_well.strip():
        errors["working_well"] = "Enter what is working well"
    if not needs_to_change.strip():
        errors["needs_to_change"] = "Enter what needs to change"
    audit = CaseAudit(sample=sample, child_id=sample.child_id, auditor=acting_user, audited_on=cast(date, audited_on), overall=overall,
                      working_well=working_well.strip(), needs_to_change=needs_to_change.strip())
    _text_errors(audit, errors, {}, ["sample", "child", "auditor", "overall", "audited_on"])
    if errors:
        raise ValidationError(errors)
    audit.save()
    for made in rows:
        made.audit = audit
        made.save()
    return audit


@audited_action
def record_practitioner_view(audit: CaseAudit, *, talked_through_on: date | None, view: str, acting_user) -> CaseAudit:
    """Record that the audit was talked through with the practitioner, on which day, and what they think of it."""
    audit = CaseAudit.objects.select_for_update().select_related("sample__round").get(pk=audit.pk)
    if refusal := rules.view_refusal(acting_user, audit):
        raise ValidationError({"practitioner_view": refusal})
    errors: dict[str, str] = {}
    if talked_through_on is None:
        errors["talked_through_on"] = "Enter the date it was talked through"
    elif talked_through_on < audit.audited_on or talked_through_on > today():
        errors["talked_through_on"] = "Date it was talked through must be between the date of the audit and today"
    if not view.strip():
        errors["practitioner_view"] = "Enter the practitioner's view"
    audit.talked_through_on, audit.practitioner_view, audit.view_recorded_by = talked_through_on, view.strip(), acting_user
    _text_errors(audit, errors, {}, ["sample", "child", "auditor", "overall", "audited_on", "talked_through_on", "view_recorded_by"])
    if errors:
        raise ValidationError(errors)
    audit.save(update_fields=["talked_through_on", "practitioner_view", "view_recorded_by"])
    return audit
