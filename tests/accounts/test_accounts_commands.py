"""The operator's account commands write through change capture like everything else, naming themselves as the
actor, since there is no signed-in user at the server's console."""
import contextvars
import io

from django.contrib.auth.management.commands import changepassword as django_changepassword
from django.core.management import call_command

from journey.audit.changes import REDACTED
from journey.audit.models import Action, AuditEvent


def test_changepassword_logs_the_change_as_its_own_work(alice, monkeypatch):
    monkeypatch.setattr(django_changepassword.getpass, "getpass", lambda prompt="": "a-new-long-passphrase-for-alice")
    # Run as the command line runs it: with nobody named as acting (a fresh context, not the test set-up's).
    contextvars.Context().run(call_command, "changepassword", "alice", stdout=io.StringIO())
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-passphrase-for-alice")
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="accounts.user", object_id=str(alice.pk))
    assert (event.user, event.what, event.after) == (None, "system: changepassword command", {"password": REDACTED})


def test_createsuperuser_makes_an_administrator_of_an_agency_given_by_id_and_logs_it_as_its_own_work(council, monkeypatch):
    from journey.accounts.models import Role, User

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-first-administrator-passphrase")
    contextvars.Context().run(
        call_command, "createsuperuser", "--noinput", username="first.admin", email="first.admin@example.invalid",
        agency=str(council.pk), stdout=io.StringIO(),
    )
    made = User.objects.get(username="first.admin")
    assert (made.agency, made.role, made.is_superuser) == (council, Role.ADMINISTRATOR, True)
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="accounts.user", object_id=str(made.pk))
    assert (event.user, event.what) == (None, "system: createsuperuser command")
