"""Sign-ins for a demonstration of a generated authority: one user of each role, with something to try."""
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import password_validation
from django.db import transaction
from django.db.models import Count, Q

from journey.access.actions import break_glass
from journey.access.models import BreakGlass
from journey.access.rules import involvement
from journey.accounts.models import AgencyKind, Role, TeamKind, User
from journey.audit.context import acting_as_system
from journey.dataprotection.actions import record_subject_access_request
from journey.dataprotection.models import SubjectAccessRequest
from journey.lib.dates import today
from journey.people.models import Child, Person


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    role: str
    try_this: str


class NoDemoUsers(Exception):
    """The database has no generated authority to demonstrate."""


def _pick(users, *, order: tuple[str, ...] = ("username",)) -> User | None:
    return users.filter(is_active=True).order_by(*order).first()


def _holding(team_kinds: list[str]) -> User | None:
    """The practitioner in a team of these kinds who holds the most children now."""
    return _pick(
        User.objects.filter(role=Role.PRACTITIONER, team__kind__in=team_kinds).annotate(
            caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True, allocations__episode__ended_on__isnull=True))
        ).filter(caseload__gt=0),
        order=("-caseload", "username"),
    )


def _partner(kind: str) -> User | None:
    """The partner of this kind of agency whose agency raised the most contacts."""
    return _pick(User.objects.filter(role=Role.PARTNER, agency__kind=kind).annotate(raised=Count("agency__contacts")), order=("-raised", "username"))


def _chair() -> User | None:
    """The child protection chair who chairs the most conferences of plans still open: their page has work."""
    open_plans = Count("conferences_chaired", filter=Q(conferences_chaired__plan__ended_on__isnull=True, conferences_chaired__plan__isnull=False))
    return _pick(User.objects.filter(role=Role.CP_CHAIR).annotate(open_plans=open_plans), order=("-open_plans", "username"))


UNIT_TRY = ("A social work unit holds its children together: open your unit from the team queue (/casework/team/) to see who did "
            "what last for each child, and read or record the weekly unit meeting.")
HEALTH_TRY = "Raise a concern about an unborn baby by its expected date of delivery."
CHAIR_TRY = "See the children whose conferences you chair at /protection/conferences/, and read a record before its review."
AUDITOR_TRY = "Open the audit round under way at /learning/audits/: audit a sampled child, the only records you can open, while access lasts."
HEAD_TRY = ("See your teams' caseloads and waiting work at /casework/service/; read the systems case review you commissioned at "
            "/learning/reviews/ and the partnership's recommendations at /learning/recommendations/.")
OPTIONAL = {UNIT_TRY, HEALTH_TRY, CHAIR_TRY, AUDITOR_TRY}


def _choose() -> list[tuple[User | None, str]]:
    practitioner = _holding([TeamKind.CHILD_IN_NEED, TeamKind.ASSESSMENT])
    manager = practitioner.team.manager if practitioner and practitioner.team else None
    return [
        (practitioner, "Open 'My children' at /casework/, read a child's journey and record a visit."),
        (_holding([TeamKind.UNIT]), UNIT_TRY),
        (manager, "Start at your team's queue (/casework/team/): allocate waiting work, answer transfers and closures; authorise an assessment."),
        (_pick(User.objects.filter(role=Role.SCREENER)), "Screen the contacts waiting at /front-door/: find the child, link, decide."),
        (_chair(), CHAIR_TRY),
        (_pick(User.objects.filter(role=Role.AUDITOR, audit_rounds__isnull=False).distinct()), AUDITOR_TRY),
        (_partner(AgencyKind.POLICE), "See where your force's concerns have got to; add information about a child you raised."),
        (_partner(AgencyKind.SCHOOL), "Raise a contact about a pupil; you cannot record casework."),
        (_partner(AgencyKind.HEALTH), HEALTH_TRY),
        (_pick(User.objects.filter(role=Role.HEAD_OF_SERVICE, agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE)), HEAD_TRY),
        (_pick(User.objects.filter(role=Role.CALDICOTT_GUARDIAN)), "Review the emergency openings of records at /access/break-glass/ (also emailed daily)."),
        (_pick(User.objects.filter(role=Role.DATA_PROTECTION_OFFICER)), "Subject access requests, retention review and the sharing log at /data-protection/."),
        (_pick(User.objects.filter(role=Role.ADMINISTRATOR)), "Manage agencies, teams and accounts (deactivate leavers) at /admin/."),
    ]


# Emergencies in the demo's last days, in the words a worker would use.
EMERGENCIES = (
    "Police at the hospital with this child out of hours; need the address history and who holds parental responsibility.",
    "Emergency duty: the child has been found alone at the bus station at night; checking for a plan and known risks.",
)


def set_the_scene() -> list[str]:
    """Give the roles that answer to what others did something to review, as a working week would: two recent
    break-glass uses for the Caldicott guardian and two open subject access requests for the data protection
    officer, each made through the actions the pages use (so each is audited). Only where there are none yet, so
    running the demo again adds nothing. Returns what it did, for the command to say."""
    done = []
    if not BreakGlass.objects.exists():
        for reason, worker in zip(EMERGENCIES, User.objects.filter(role=Role.PRACTITIONER, is_active=True).order_by("username"), strict=False):
            child = next((c for c in Child.objects.filter(episodes__ended_on__isnull=True).exclude(
                episodes__allocations__worker=worker).select_related("person").order_by("pk")[:50]
                if involvement(worker, c) is None), None)
            if child is not None:
                break_glass(child, acting_user=worker, reason=reason)
                done.append(f"{worker.username} broke glass on child {child.pk}")
    officer = _pick(User.objects.filter(role=Role.DATA_PROTECTION_OFFICER))
    if officer is not None and not SubjectAccessRequest.objects.exists():
        young_person = Person.objects.filter(child_record__isnull=False, date_of_birth__lte=today() - timedelta(days=16 * 366)).order_by("pk").first()
        parent = Person.objects.filter(child_record__isnull=True, relationships_from__isnull=False).order_by("pk").first()
        for person, by, days_ago in ((young_person, "themselves, by email", 12), (parent, "themselves, by letter", 3)):
            if person is not None:
                record_subject_access_request(
                    person, acting_user=officer, requested_by_name=f"{person.full_name} ({by})", received_on=today() - timedelta(days=days_ago),
                    notes="Identity checked against a photo ID at the front desk.",
                )
                done.append(f"subject access request for person {person.pk}")
    return done


@transaction.atomic
def demo_sign_ins(password: str | None = None) -> tuple[str, list[DemoSignIn]]:
    """Give one user of each role the password (a random one unless given) and say what each might try."""
    # A small authority may have no unit holding work, no health partner or no chair: those sign-ins are then left out.
    chosen = [(user, why) for user, why in _choose() if user is not None or why not in OPTIONAL]
    if any(user is None for user, _ in chosen):
        raise NoDemoUsers("No generated authority found: run 'journey generate' first.")
    password = password or secrets.token_urlsafe(12)
    for user, _ in chosen:
        password_validation.validate_password(password, user)
    rows = []
    set_the_scene()
    with acting_as_system("demo_users command"):
        for user, try_this in chosen:
            user.set_password(password)
            user.save(update_fields=["password"])
            rows.append(DemoSignIn(username=user.username, role=user.get_role_display(), try_this=try_this))
    return password, rows
