"""``journey generate`` refuses a database with children unless told to append or flush; ``demo_users`` signs in."""
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from journey.audit.log import record_read
from journey.chronology.materialise import differences, rebuild
from journey.chronology.models import ChronologyEntry
from journey.people.models import Child, Person
from journey.synthetic.flush import flush_generated

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_refuses_a_database_that_already_has_children(capsys):
    call_command("generate", children=30, seed=1, quiet=True)
    before = Child.objects.count()
    with pytest.raises(CommandError, match="already has children"):
        call_command("generate", children=30, seed=1, quiet=True)
    assert Child.objects.count() == before
    flush_generated()


def test_it_appends_when_asked():
    call_command("generate", children=30, seed=1, quiet=True)
    before = Child.objects.count()
    call_command("generate", children=30, seed=2, append=True, quiet=True)
    assert Child.objects.count() > before
    flush_generated()


def test_it_replaces_the_authority_when_asked_to_flush(capsys):
    call_command("generate", children=30, seed=1, quiet=True)
    call_command("generate", children=40, seed=1, flush=True, quiet=True)
    output = capsys.readouterr().out
    assert "Flushed" in output and "people.Child" in output and "Longest history: child" in output
    flush_generated()
    assert not Child.objects.exists()


def test_it_will_not_flush_real_records():
    call_command("generate", children=30, seed=1, quiet=True)
    Person.objects.create(first_name="Real", last_name="Person")
    with pytest.raises(CommandError, match="real records"):
        call_command("generate", children=30, seed=1, flush=True, quiet=True)
    assert Child.objects.exists()
    Person.objects.filter(first_name="Real").delete()
    flush_generated()


def test_it_rebuilds_the_materialised_chronology_of_what_it_wrote():
    call_command("generate", children=60, seed=3, quiet=True)
    ids = list(Child.objects.values_list("pk", flat=True))
    assert ChronologyEntry.objects.count() > 100
    assert differences(ids) == []
    flush_generated()
    assert not ChronologyEntry.objects.exists()


def test_it_leaves_postgresql_knowing_how_many_rows_it_wrote():
    """Statistics refreshed, so the first users get the plans later ones get (``reltuples`` is -1 until analysed)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans without table statistics")
    call_command("generate", children=30, seed=1, quiet=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Person._meta.db_table])
        (estimated,) = cursor.fetchone()
    assert estimated == Person.objects.count()
    flush_generated()


def test_a_rebuild_shared_between_processes_writes_every_entry_once():
    """On PostgreSQL the batches go to two forked processes, each with its own connection; on SQLite they run here."""
    call_command("generate", children=60, seed=3, quiet=True)
    ids = list(Child.objects.order_by("pk").values_list("pk", flat=True))
    expected = ChronologyEntry.objects.count()
    ChronologyEntry.objects.all()._raw_delete(using="default")

    written = rebuild(ids, batch_size=7, workers=2)

    assert written == expected == ChronologyEntry.objects.count()
    assert differences(ids) == []
    flush_generated()


def test_it_will_not_flush_children_the_audit_log_points_at():
    from journey.accounts.models import User

    call_command("generate", children=30, seed=1, quiet=True)
    child = Child.objects.first()
    record_read(User.objects.first(), child, "the child's page")
    with pytest.raises(CommandError, match="records in audit events still point at the generated data"):
        call_command("generate", children=30, seed=1, flush=True, quiet=True)
    assert Child.objects.filter(pk=child.pk).exists()


def test_it_gives_one_demo_user_of_each_role_a_password(capsys):
    call_command("generate", children=200, seed=1, quiet=True)
    call_command("demo_users", password="a-long-demo-passphrase")
    output = capsys.readouterr().out
    for role in ("Practitioner", "Team manager", "Front door screener", "Partner agency user", "Head of service",
                 "Caldicott guardian", "Data protection officer", "Administrator", "Child protection chair"):
        assert role in output
    from journey.accounts.models import User
    from journey.casework.models import Allocation

    signed = [u for u in User.objects.all() if u.check_password("a-long-demo-passphrase")]
    unit_holds_work = Allocation.objects.current().filter(team__kind="unit").exists()
    auditing = User.objects.filter(role="auditor", audit_rounds__isnull=False).exists()
    assert len(signed) == 11 + unit_holds_work + auditing  # a unit's practitioner, and a case auditor, sign in too where there is work
    chair = next(u for u in signed if u.role == "cp_chair")
    assert chair.conferences_chaired.filter(plan__ended_on__isnull=True, plan__isnull=False).exists()  # the chair's page has work
    assert ("unit" in {u.team.kind for u in signed if u.team}) == unit_holds_work
    assert {u.agency.kind for u in signed if u.role == "partner"} == {"police", "school", "health"}


def test_the_demo_gives_the_guardian_and_the_officer_something_to_review_once(capsys):
    from journey.access.models import BreakGlass
    from journey.dataprotection.models import SubjectAccessRequest

    call_command("generate", children=200, seed=1, quiet=True)
    call_command("demo_users", password="a-long-demo-passphrase")
    call_command("demo_users", password="a-long-demo-passphrase")

    assert BreakGlass.objects.count() == 2 and SubjectAccessRequest.objects.filter(responded_on__isnull=True).count() == 2
    assert all(use.reason and use.user.role == "practitioner" for use in BreakGlass.objects.all())


def test_it_rejects_a_weak_demo_password():
    call_command("generate", children=200, seed=1, quiet=True)  # enough for a worker of every demo role
    with pytest.raises(CommandError, match="Password not accepted"):
        call_command("demo_users", password="short")
    flush_generated()
