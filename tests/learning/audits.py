"""Helpers for case audit tests: a round made with the actions the pages use, and an audit of one sampled child."""
from datetime import timedelta
from importlib import import_module

from django.apps import apps

from journey.learning.audit_actions import Finding, make_round, record_audit
from journey.learning.audit_rules import Criteria
from journey.learning.models import AuditFramework, AuditGrade
from journey.lib.dates import today


def framework() -> AuditFramework:
    """The framework the migration seeds: six themes, Ofsted's four grades (seeded again after a transactional
    test has flushed the database)."""
    found = AuditFramework.objects.filter(name="Practice quality audit", version="2025").first()
    if found is None:
        import_module("journey.learning.migrations.0001_audits").seed_framework(apps, None)
        found = AuditFramework.objects.get(name="Practice quality audit", version="2025")
    return found


def grade(name: str, of: AuditFramework | None = None) -> AuditGrade:
    return (of or framework()).grades.get(name=name)


def a_round(manager, auditors, *, seed: int = 7, size: int = 5, criteria: Criteria | None = None, days: int = 30, title: str = "Quarterly audit"):
    return make_round(
        title=title, framework=framework(), method="criteria" if criteria else "random", seed=seed, criteria=criteria or Criteria(),
        as_of=today(), size=size, auditors=auditors, grant_starts_on=today(), grant_ends_on=today() + timedelta(days=days), acting_user=manager,
    )


def an_audit(sample, auditor, *, overall: str = "Good", theme_grade: str = "Good"):
    themes = list(sample.round.framework.themes.all())
    return record_audit(
        sample, audited_on=today(), overall=grade(overall, sample.round.framework), working_well="Ruby is seen alone every visit.",
        needs_to_change="The plan needs dates.", acting_user=auditor,
        findings=[Finding(theme, grade(theme_grade, sample.round.framework), f"Evidence for {theme.name}.") for theme in themes],
    )
