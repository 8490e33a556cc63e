"""Case audits for the generated authority: two rounds made by the team manager whose teams hold the most children,
audited by a case auditor and a manager from another team (decision record 0020).

The first round read the record a quarter ago: its access has ended, every sampled child was audited and each audit
talked through with the practitioner. The second read it three weeks ago and is under way: its access lasts another
five weeks and half its sample is audited, so a demo auditor opens those children and no others. Grades lean the way
English audits do (most practice good or requiring improvement); each theme's evidence is a phrase fitting its grade.

The samples are drawn as the pages draw them (``audit_rules.sampling_frame`` and ``draw``, from a seed kept on the
round), then written with ``bulk_create`` like the rest of the authority: synthetic seeding, not casework, so not
audited. Deterministic: the same seed and day write the same rows.
"""
import random
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db.models import Count, Q

from journey.accounts.models import Role, Team, User
from journey.learning.audit_models import AuditFramework, CaseAudit, CaseAuditRound, SampledChild, SampleMethod, ThemeFinding
from journey.learning.audit_rules import Criteria, draw, practitioners_on, sampling_frame

from .context import at_hour
from .organisation import EMAIL_DOMAIN

SAMPLE_SIZE = 8
GRADE_WEIGHTS = (8, 45, 35, 12)  # outstanding, good, requires improvement, inadequate: per hundred findings
EVIDENCE = (
    "Consistently strong: {theme} is clear throughout the record and shapes what happens next.",
    "{theme} is evident in recent visits and the plan; some older entries are thinner.",
    "{theme} is patchy: seen in some entries, missing from the assessment and the last review.",
    "Little sign of {theme} in the record; decisions are not explained and drift is not challenged.",
)
WORKING_WELL = ("The child is seen, and seen alone, at every visit, and their words are recorded.",
                "The worker's relationship with the family is warm and purposeful.",
                "Partners are invited and their information is used in the plan.")
NEEDS_TO_CHANGE = ("The plan needs specific actions with dates and owners.",
                   "Management oversight should be recorded, with reasons, at each decision point.",
                   "The assessment should weigh the history, not only the latest incident.")
VIEWS = ("Fair. Recording has fallen behind since the team lost two workers; I have caught up the visits.",
         "I agree about the plan dates. The child's voice is stronger than the audit says: see the direct work sessions.",
         "Helpful to talk through. I will ask for a review of the plan.")


def _evidence(theme, grade) -> str:
    said = EVIDENCE[min(grade.position, len(EVIDENCE)) - 1].format(theme=theme.name.lower())
    return said[0].upper() + said[1:]


def _auditor(agency, today: date) -> User:
    """The authority's practice quality auditor, in no team: they see no child but a sample they are named on, while
    it lasts. The organisation names one; an authority generated before it did gets one here."""
    found = User.objects.filter(role=Role.AUDITOR, agency=agency, is_active=True).order_by("pk").first()
    if found is None:
        username = "case.auditor"
        found = User.objects.bulk_create([User(
            username=username, password=make_password(None), email=f"{username}@{EMAIL_DOMAIN}", first_name="Avery", last_name="Quinn",
            role=Role.AUDITOR, agency=agency, job_title="Practice quality auditor", date_joined=at_hour(today - timedelta(days=400)),
        )])[0]
    return found


def _managers() -> list[User]:
    """Team managers in the order of the children their teams hold now: the first makes the rounds."""
    return list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True, email__endswith=f"@{EMAIL_DOMAIN}").annotate(
        held=Count("managed_teams__episodes", filter=Q(managed_teams__episodes__ended_on__isnull=True)),
    ).filter(held__gt=0).order_by("-held", "username")[:2])


def write_audits(seed: int, today: date) -> int:
    """Write two audit rounds and their audits; the number of audits written (none where no framework is in use or
    no manager's team holds a child)."""
    framework = AuditFramework.objects.filter(in_use=True).order_by("pk").first()
    managers = _managers()
    if framework is None or not managers:
        return 0
    rng = random.Random(f"audits:{seed}")
    maker = managers[0]
    auditors = [_auditor(maker.agency, today), *managers[1:]]
    themes, grades = list(framework.themes.all()), list(framework.grades.all())
    written = 0
    for number, (days_ago, audited_share) in enumerate(((92, 1.0), (21, 0.5))):
        as_of = today - timedelta(days=days_ago)
        round_seed = rng.randrange(1, 2**31 - 1)
        drawn = draw(list(sampling_frame(maker, as_of, Criteria()).values_list("pk", flat=True)), round_seed, SAMPLE_SIZE)
        if not drawn:
            continue
        team = Team.objects.filter(manager=maker).order_by("pk").first()
        made = CaseAuditRound.objects.bulk_create([CaseAuditRound(
            title=f"{'Quarterly' if number == 0 else 'Monthly'} practice audit: {team.name if team else 'my teams'}", framework=framework,
            made_by=maker, made_at=at_hour(as_of), method=SampleMethod.RANDOM, seed=round_seed, criteria={}, as_of=as_of, size=SAMPLE_SIZE,
            grant_starts_on=as_of, grant_ends_on=as_of + timedelta(days=56),
        )])[0]
        CaseAuditRound.auditors.through.objects.bulk_create([CaseAuditRound.auditors.through(caseauditround_id=made.pk, user_id=a.pk) for a in auditors])
        practitioners = practitioners_on(maker, as_of, Criteria(), drawn)
        samples = SampledChild.objects.bulk_create([
            SampledChild(round=made, child_id=child_id, position=position, practitioner_id=practitioners.get(child_id))
            for position, child_id in enumerate(drawn, start=1)
        ])
        audited = samples[:max(1, round(len(samples) * audited_share))]
        audits, findings = [], []
        for place, sample in enumerate(audited):
            auditor = auditors[place % len(auditors)]
            audited_on = min(today, as_of + timedelta(days=rng.randint(3, 18)))
            given = [rng.choices(grades, weights=GRADE_WEIGHTS[:len(grades)])[0] for _ in themes]
            overall = sorted(given, key=lambda g: g.position)[len(given) // 2]
            talked = audited_on + timedelta(days=rng.randint(3, 10)) if number == 0 and sample.practitioner_id else None
            audits.append(CaseAudit(
                sample=sample, child_id=sample.child_id, auditor=auditor, audited_on=audited_on, overall=overall, recorded_at=at_hour(audited_on),
                working_well=rng.choice(WORKING_WELL), needs_to_change=rng.choice(NEEDS_TO_CHANGE),
                talked_through_on=talked if talked and talked <= today else None,
                practitioner_view=rng.choice(VIEWS) if talked and talked <= today else "",
                view_recorded_by_id=sample.practitioner_id if talked and talked <= today else None,
            ))
            findings.append(given)
        CaseAudit.objects.bulk_create(audits)
        ThemeFinding.objects.bulk_create([
            ThemeFinding(audit=audit, theme=theme, grade=grade, evidence=_evidence(theme, grade))
            for audit, given in zip(audits, findings, strict=True) for theme, grade in zip(themes, given, strict=True)
        ])
        written += len(audits)
    return written
