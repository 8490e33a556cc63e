"""The materialised chronology always equals the chronology derived from the record: after every kind of change,
after a re-link moves a contact to another child, after a flag, and after a rebuild of a generated authority."""
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from journey.casework.actions import record_visit
from journey.casework.models import Visit
from journey.chronology.actions import flag_entry_significant, record_significant_event
from journey.chronology.build import chronology_for
from journey.chronology.materialise import differences, rebuild_all, stored_entries
from journey.chronology.models import ChronologyEntry
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.people.actions import create_child
from journey.people.models import Child

pytestmark = pytest.mark.django_db


def stored(child):
    return sorted(stored_entries([child.pk])[child.pk], key=lambda e: (e.occurred_at, e.key), reverse=True)


def test_every_change_through_an_action_is_on_the_stored_chronology(ruby, alice):
    record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(days=3), child_seen=True, child_seen_alone=False)
    record_significant_event(ruby, acting_user=alice, occurred_at=timezone.now() - timedelta(days=2), description="Nan died.")
    assert {e.kind for e in stored(ruby)} >= {"contact", "decision", "episode", "visit", "significant_event"}
    assert stored(ruby) == chronology_for(ruby)
    assert differences([ruby.pk]) == []


def test_a_change_that_rolls_back_takes_its_entries_with_it(ruby, alice):
    before = stored(ruby)
    with pytest.raises(RuntimeError), transaction.atomic():
        record_visit(ruby, acting_user=alice, visited_at=timezone.now() - timedelta(days=3), child_seen=True, child_seen_alone=False)
        assert len(stored(ruby)) == len(before) + 1
        raise RuntimeError("the server died after the visit was saved")
    assert stored(ruby) == before


def test_a_re_linked_contact_leaves_the_first_childs_chronology(ruby, sam, school):
    other = create_child(acting_user=sam, first_name="Rubie", last_name="Smyth", sex="F")
    contact = record_contact(
        acting_user=sam, agency=school, concern="Ruby said she was hungry.", children=[NamedChild("Ruby", "Smith", None)],
        received_at=timezone.now() - timedelta(hours=2),
    )
    link = contact.children_named.get()
    link_contact_to_child(link, ruby, acting_user=sam)
    assert f"contact:{contact.pk}" in {e.key for e in stored(ruby)}
    link_contact_to_child(link, other, acting_user=sam, replacing_reason="Wrong Ruby: the school named her sister.")
    assert f"contact:{contact.pk}" not in {e.key for e in stored(ruby)}
    assert f"contact:{contact.pk}" in {e.key for e in stored(other)}
    assert differences([ruby.pk, other.pk]) == []


def test_a_flag_marks_the_stored_entry_significant(ruby, alice):
    visit = next(e for e in stored(ruby) if e.kind == "visit")
    flag_entry_significant(ruby, visit.key, acting_user=alice, reason="First time she spoke about home.")
    assert next(e for e in stored(ruby) if e.key == visit.key).significant
    assert differences([ruby.pk]) == []


def test_a_bulk_insert_is_found_by_the_check_and_mended_by_a_rebuild(ruby, alice):
    Visit.objects.bulk_create([Visit(child=ruby, recorded_by=alice, visited_at=timezone.now() - timedelta(days=1), child_seen=False, child_seen_alone=False)])
    assert len(differences([ruby.pk])) == 1
    with pytest.raises(CommandError, match="differs from the record in 1 entries"):
        call_command("chronology_rebuild", check=True, no_progress=True)
    call_command("chronology_rebuild", child=[ruby.pk], no_progress=True)
    assert differences([ruby.pk]) == []
    call_command("chronology_rebuild", check=True, no_progress=True)


def test_rebuilding_an_unknown_child_says_so(ruby):
    with pytest.raises(CommandError, match="No child with id 987654"):
        call_command("chronology_rebuild", child=[987654], no_progress=True)


def test_a_generated_authority_rebuilt_and_then_worked_on_equals_the_record():
    from journey.accounts.models import Role, User

    call_command("generate", children=60, seed=3, quiet=True)
    rebuild_all()
    ids = list(Child.objects.values_list("pk", flat=True))
    assert ChronologyEntry.objects.count() > 200
    assert differences(ids) == []
    worked = Child.objects.filter(visits__isnull=False).first()
    worker = User.objects.filter(role=Role.PRACTITIONER, team=worked.episodes.first().team).first()
    record_visit(worked, acting_user=worker, visited_at=timezone.now() - timedelta(hours=1), child_seen=True, child_seen_alone=True)
    assert differences(ids) == []
