"""Sign-ins for a demonstration of a generated authority: one user of each role, with something to try."""
import secrets
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.db import transaction
from django.db.models import Count, Q

from journey.accounts.models import AgencyKind, Role, User
from journey.audit.context import acting_as_system


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    role: str
    try_this: str


class NoDemoUsers(Exception):
    """The database has no generated authority to demonstrate."""


def _pick(users, *, order: tuple[str, ...] = ("username",)) -> User | None:
    return users.filter(is_active=True).order_by(*order).first()


def _choose() -> list[tuple[User | None, str]]:
    practitioner = _pick(
        User.objects.filter(role=Role.PRACTITIONER, team__kind__in=["child_in_need", "assessment"]).annotate(
            caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True))
        ).filter(caseload__gt=0),
        order=("-caseload", "username"),
    )
    manager = practitioner.team.manager if practitioner and practitioner.team else None
    school = _pick(
        User.objects.filter(role=Role.PARTNER, agency__kind=AgencyKind.SCHOOL).annotate(raised=Count("agency__contacts")),
        order=("-raised", "username"),
    )
    return [
        (practitioner, "Open 'My children' at /casework/, read a child's journey and record a visit."),
        (manager, "Start at your team's queue (/casework/team/): allocate waiting work, answer transfers and closures; authorise an assessment."),
        (_pick(User.objects.filter(role=Role.SCREENER)), "Screen the contacts waiting at /front-door/: find the child, link, decide."),
        (_pick(User.objects.filter(role=Role.PARTNER, agency__kind=AgencyKind.POLICE)),
         "Raise a contact at /front-door/contacts/new/; you see only children your force has raised."),
        (school, "Raise a contact about a pupil; you cannot record casework."),
        (_pick(User.objects.filter(role=Role.HEAD_OF_SERVICE)), "See your teams' caseloads and waiting work at /casework/service/, and every child they hold at /casework/."),
        (_pick(User.objects.filter(role=Role.CALDICOTT_GUARDIAN)), "Receive the daily break-glass report (journey break_glass_report)."),
        (_pick(User.objects.filter(role=Role.DATA_PROTECTION_OFFICER)), "Subject access requests, retention review and the sharing log at /data-protection/."),
        (_pick(User.objects.filter(role=Role.ADMINISTRATOR)), "Manage agencies, teams and accounts (deactivate leavers) at /admin/."),
    ]


@transaction.atomic
def demo_sign_ins(password: str | None = None) -> tuple[str, list[DemoSignIn]]:
    """Give one user of each role the password (a random one unless given) and say what each might try."""
    chosen = _choose()
    if any(user is None for user, _ in chosen):
        raise NoDemoUsers("No generated authority found: run 'journey generate' first.")
    password = password or secrets.token_urlsafe(12)
    for user, _ in chosen:
        password_validation.validate_password(password, user)
    rows = []
    with acting_as_system("demo_users command"):
        for user, try_this in chosen:
            user.set_password(password)
            user.save(update_fields=["password"])
            rows.append(DemoSignIn(username=user.username, role=user.get_role_display(), try_this=try_this))
    return password, rows
