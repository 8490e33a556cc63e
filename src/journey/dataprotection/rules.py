"""Who may carry out the data protection officer's duties, and which records those duties reach."""
from django.db.models import QuerySet

from journey.access.rules import NoAccess
from journey.accounts.models import Role
from journey.people.models import Child


def is_data_protection_officer(user) -> bool:
    """Subject access exports and the retention report are the officer's alone: not administrators, not managers."""
    return bool(user.is_authenticated and user.is_active and user.role == Role.DATA_PROTECTION_OFFICER)


def require_officer(user) -> None:
    """Answer anyone else with the same 'no access' page as a record they may not see."""
    if not is_data_protection_officer(user):
        raise NoAccess


def children_in_scope(user) -> QuerySet:
    """The children the officer's statutory duties reach: every record, restricted ones included, because a subject
    access request (UK GDPR Art 15) and storage limitation (Art 5(1)(e)) apply to all of them. This scope is the
    officer's only: it is not a way into the journey pages, which still go through ``access``; every record an
    export reads is written to the read log. See docs/data-protection.md, 'Why the officer's scope is every record'."""
    require_officer(user)
    return Child.objects.all()
