"""Findings over time: each theme's grades, and the overall grades, counted per quarter across rounds, from the audits
the reader may read (``audit_rules.readers_of``). Three queries whatever the number of audits."""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from .audit_models import AuditGrade, CaseAudit, ThemeFinding
from .audit_rules import readers_of

OVERALL = 0  # the row of the overall grades, beside the themes' own ids


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(year: int, quarter: int) -> str:
    first, last = date(year, 3 * quarter - 2, 1), date(year, 3 * quarter, 1)
    return f"{first:%B} to {last:%B} {year}"


@dataclass
class Quarter:
    year: int
    number: int
    themes: list[tuple[int, str]] = field(default_factory=list)  # (theme id, or OVERALL; its name)
    counts: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (theme id, grade id) -> audit ids

    @property
    def label(self) -> str:
        return quarter_label(self.year, self.number)

    def table(self, grades: list[AuditGrade]) -> list[tuple[int, str, list[tuple[AuditGrade, int]]]]:
        """Each theme (then overall) with, for each grade, how many audits gave it."""
        return [(theme_id, name, [(grade, len(self.counts.get((theme_id, grade.pk), []))) for grade in grades]) for theme_id, name in self.themes]


def findings_by_quarter(user) -> tuple[list[Quarter], list[AuditGrade]]:
    """Quarters, newest first, each with its themes (framework order, then overall) and the audits behind each
    (theme, grade) figure; and the grades that head the columns."""
    readable = CaseAudit.objects.filter(readers_of(user)).values("pk")
    findings = ThemeFinding.objects.filter(audit__in=readable).values_list(
        "audit_id", "audit__audited_on", "theme_id", "theme__name", "theme__framework_id", "theme__position", "grade_id",
    )
    overall = CaseAudit.objects.filter(pk__in=readable).values_list("pk", "audited_on", "overall_id")
    quarters: dict[tuple[int, int], Quarter] = {}
    themes: dict[tuple[int, int], dict[int, tuple]] = defaultdict(dict)
    for audit_id, audited_on, theme_id, name, framework_id, position, grade_id in findings:
        key = quarter_of(audited_on)
        found = quarters.setdefault(key, Quarter(*key))
        themes[key][theme_id] = (framework_id, position, name)
        found.counts.setdefault((theme_id, grade_id), []).append(audit_id)
    for audit_id, audited_on, grade_id in overall:
        key = quarter_of(audited_on)
        quarters.setdefault(key, Quarter(*key)).counts.setdefault((OVERALL, grade_id), []).append(audit_id)
    for key, found in quarters.items():
        ordered = sorted(themes[key].items(), key=lambda item: item[1][:2])
        found.themes = [(theme_id, name) for theme_id, (_f, _p, name) in ordered] + [(OVERALL, "Overall grade")]
    grade_ids = {grade for found in quarters.values() for (_t, grade) in found.counts}
    grades = list(AuditGrade.objects.filter(pk__in=grade_ids).order_by("framework_id", "position"))
    return sorted(quarters.values(), key=lambda q: (q.year, q.number), reverse=True), grades


def audits_behind(user, *, year: int, quarter: int, theme: int, grade: int):
    """The audits behind one figure: the reader's audits of that quarter with that grade for that theme (or overall)."""
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    audits = CaseAudit.objects.filter(readers_of(user), audited_on__gte=first, audited_on__lt=after)
    graded = Q(overall_id=grade) if theme == OVERALL else Q(findings__theme_id=theme, findings__grade_id=grade)
    return audits.filter(graded).select_related("child__person", "sample__round", "overall", "auditor").order_by("-audited_on", "-pk")
