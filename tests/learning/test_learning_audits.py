"""Case audits: the framework as data, drawing a reproducible sample, the grant that lets auditors in (and only while
it lasts), recording an audit and the practitioner's view, the chronology entry, and findings over time."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.access.rules import involvement
from journey.audit.models import AuditEvent
from journey.chronology.materialise import differences, stored_entries
from journey.learning.audit_actions import Finding, end_grant, extend_grant, make_round, record_audit, record_practitioner_view
from journey.learning.audit_involvement import CASE_AUDITOR
from journey.learning.audit_rules import Criteria, draw, sampling_frame
from journey.learning.models import AuditFramework, AuditGrade, CaseAudit, CaseAuditRound
from journey.lib.dates import today
from journey.people.models import Child

from .audits import a_round, an_audit, framework, grade

pytestmark = pytest.mark.django_db


def test_the_migration_seeds_a_framework_of_six_themes_and_four_ordered_grades():
    found = framework()
    assert found.in_use
    assert [t.name for t in found.themes.all()][0] == "The child's voice and lived experience"
    assert found.themes.count() == 6
    assert [g.name for g in found.grades.all()] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def test_the_same_seed_and_criteria_on_the_same_record_draw_the_same_children(mo, audra, ruby, leo, sam, alice):
    from journey.casework.actions import open_episode
    from journey.people.actions import create_child

    for n in range(6):
        child = create_child(acting_user=sam, first_name=f"Kid{n}", last_name="Lane", date_of_birth=today() - timedelta(days=2000 + n))
        open_episode(child, "child_in_need", started_on=today() - timedelta(days=3), acting_user=sam, worker=alice)
    first = a_round(mo, [audra], seed=42, size=4)
    second = a_round(mo, [audra], seed=42, size=4, title="The same again")
    other = a_round(mo, [audra], seed=43, size=4, title="Another seed")
    drawn = [list(r.sample.values_list("child_id", flat=True)) for r in (first, second, other)]
    assert len(drawn[0]) == 4 and drawn[0] == drawn[1]
    assert drawn[0] != drawn[2]
    stored = CaseAuditRound.objects.get(pk=first.pk)
    frame = list(sampling_frame(mo, stored.as_of, Criteria.from_json(stored.criteria)).values_list("pk", flat=True))
    assert draw(frame, stored.seed, stored.size) == drawn[0]  # the stored seed, criteria and day redraw the stored children


def test_criteria_narrow_the_frame_and_a_manager_draws_only_from_their_teams(mo, audra, ruby, leo, tom):
    assert set(sampling_frame(mo, today(), Criteria()).values_list("pk", flat=True)) == {ruby.pk, leo.pk}
    assert list(sampling_frame(mo, today(), Criteria(episode_kind="early_help"))) == [leo]
    assert list(sampling_frame(mo, today(), Criteria(age_band="0-4"))) == [leo]
    assert list(sampling_frame(mo, today(), Criteria(age_band="5-9"))) == [ruby]
    assert list(sampling_frame(mo, today(), Criteria(on_child_protection_plan=True))) == []
    made = a_round(mo, [audra], criteria=Criteria(episode_kind="early_help"))
    assert made.criteria == {"episode_kind": "early_help"}
    assert [s.child for s in made.sample.all()] == [leo]


def test_a_restricted_child_is_never_drawn(mo, audra, ruby, leo):
    Child.objects.filter(pk=leo.pk).update(is_restricted=True)
    assert list(sampling_frame(mo, today(), Criteria())) == [ruby]


def test_the_practitioner_audited_is_the_allocated_worker_on_the_day(mo, audra, alice, ruby):
    sample = a_round(mo, [audra]).sample.get()
    assert sample.practitioner == alice


def test_only_a_manager_makes_a_round(alice, audra, ruby):
    with pytest.raises(ValidationError) as refused:
        a_round(alice, [audra])
    assert "title" in refused.value.message_dict


def test_a_round_refuses_bad_input_naming_each_field_and_saves_nothing(mo, alice, ruby):
    with pytest.raises(ValidationError) as refused:
        make_round(title=" ", framework=None, method="criteria", seed=-1, criteria=Criteria(), as_of=today() + timedelta(days=1), size=0,
                   auditors=[alice], grant_starts_on=today(), grant_ends_on=today() + timedelta(days=91), acting_user=mo)
    errors = refused.value.message_dict
    assert set(errors) == {"title", "framework", "method", "seed", "as_of", "size", "auditors", "grant_ends_on"}
    assert errors["grant_ends_on"] == ["Last day of access must be within 90 days of the first day"]
    assert errors["auditors"] == ["Choose auditors who are active case auditors, team managers or heads of service"]
    assert not CaseAuditRound.objects.exists()


def test_a_round_with_no_child_matching_is_refused(mo, audra, ruby):
    with pytest.raises(ValidationError) as refused:
        a_round(mo, [audra], criteria=Criteria(on_child_protection_plan=True))
    assert refused.value.message_dict["method"][0].startswith("No child your teams held on that date matches")


def test_the_auditor_sees_the_sample_while_the_grant_lasts_and_nothing_else(mo, audra, ruby, leo, tom):
    assert not Child.objects.visible_to(audra).exists()
    made = a_round(mo, [audra], criteria=Criteria(episode_kind="child_in_need"))
    assert list(Child.objects.visible_to(audra)) == [ruby]
    assert involvement(audra, ruby) == CASE_AUDITOR
    assert involvement(audra, leo) is None and involvement(audra, tom) is None
    CaseAuditRound.objects.filter(pk=made.pk).update(grant_starts_on=today() - timedelta(days=40), grant_ends_on=today() - timedelta(days=1))
    assert not Child.objects.visible_to(audra).exists()


def test_the_grant_starts_on_its_first_day(mo, audra, ruby):
    made = a_round(mo, [audra])
    CaseAuditRound.objects.filter(pk=made.pk).update(grant_starts_on=today() + timedelta(days=1), grant_ends_on=today() + timedelta(days=5))
    assert not Child.objects.visible_to(audra).exists()


def test_making_extending_and_ending_the_grant_write_audit_events(mo, audra, ruby):
    made = a_round(mo, [audra], days=10)
    events = AuditEvent.objects.filter(object_type="learning.caseauditround", object_id=str(made.pk))
    assert events.filter(action="create", user=mo).exists()
    assert AuditEvent.objects.filter(object_type="learning.sampledchild", child_id=ruby.pk, action="create").exists()
    extend_grant(made, ends_on=today() + timedelta(days=20), acting_user=mo)
    changed = events.filter(action="update").latest("pk")
    assert changed.user == mo and changed.after == {"grant_ends_on": (today() + timedelta(days=20)).isoformat()}
    end_grant(made, acting_user=mo)
    assert "grant_ended_at" in events.filter(action="update").latest("pk").after
    assert not Child.objects.visible_to(audra).exists()


def test_the_grant_is_extended_only_by_its_maker_and_never_past_ninety_days(mo, helen, audra, ruby):
    made = a_round(mo, [audra], days=10)
    with pytest.raises(ValidationError) as refused:
        extend_grant(made, ends_on=today() + timedelta(days=20), acting_user=helen)
    assert refused.value.message_dict["grant_ends_on"] == ["Only the manager who made this round can change its auditors' access"]
    with pytest.raises(ValidationError) as refused:
        extend_grant(made, ends_on=today() + timedelta(days=91), acting_user=mo)
    assert refused.value.message_dict["grant_ends_on"] == ["Last day of access must be within 90 days of the first day"]
    end_grant(made, acting_user=mo)
    with pytest.raises(ValidationError):
        extend_grant(made, ends_on=today() + timedelta(days=20), acting_user=mo)


def test_an_auditor_records_a_graded_audit_that_lands_on_the_chronology(mo, audra, ruby):
    sample = a_round(mo, [audra]).sample.get()
    audit = an_audit(sample, audra, overall="Good")
    assert audit.findings.count() == 6
    entries = [e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "case_audit"]
    assert [e.title for e in entries] == ["Case audit: good overall"]
    assert entries[0].summary == "What needs to change: The plan needs dates."
    record_practitioner_view(audit, talked_through_on=today(), view="Fair.", acting_user=sample.practitioner)
    assert dict(next(e for e in stored_entries([ruby.pk])[ruby.pk] if e.kind == "case_audit").details)["Talked through with the practitioner"] != "Not yet"
    assert differences([ruby.pk]) == []


def test_a_grade_outside_the_rounds_framework_is_refused_naming_the_field(mo, audra, ruby):
    sample = a_round(mo, [audra]).sample.get()
    other = AuditFramework.objects.create(name="Another", version="1")
    foreign = AuditGrade.objects.create(framework=other, name="Fine", position=1)
    themes = list(sample.round.framework.themes.all())
    findings = [Finding(theme, grade("Good"), "Seen.") for theme in themes]
    findings[1] = Finding(themes[1], foreign, "Seen.")
    with pytest.raises(ValidationError) as refused:
        record_audit(sample, audited_on=today(), overall=foreign, working_well="W", needs_to_change="N", findings=findings, acting_user=audra)
    errors = refused.value.message_dict
    assert errors[f"theme_{themes[1].pk}_grade"] == ["Choose a grade of this round's framework for assessment and analysis"]
    assert errors["overall"] == ["Choose an overall grade of this round's framework"]
    assert not CaseAudit.objects.exists()


def test_every_theme_needs_a_grade_and_its_evidence(mo, audra, ruby):
    sample = a_round(mo, [audra]).sample.get()
    with pytest.raises(ValidationError) as refused:
        record_audit(sample, audited_on=today(), overall=grade("Good"), working_well="", needs_to_change="N" * 10_001, findings=[], acting_user=audra)
    errors = refused.value.message_dict
    assert len([k for k in errors if k.startswith("theme_")]) == 12
    assert errors["working_well"] == ["Enter what is working well"]
    assert errors["needs_to_change"] == ["What needs to change must be 10,000 characters or fewer"]


def test_an_audit_is_recorded_only_by_a_named_auditor_while_the_grant_lasts(mo, audra, helen, ruby):
    made = a_round(mo, [audra])
    sample = made.sample.get()
    with pytest.raises(ValidationError):
        an_audit(sample, helen)
    CaseAuditRound.objects.filter(pk=made.pk).update(grant_ended_at=timezone.now())
    sample.round.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        an_audit(sample, audra)
    assert refused.value.message_dict["overall"] == ["This round's access has ended: ask its manager to extend it"]


def test_the_practitioner_gives_their_view_once(mo, audra, alice, bea, ruby):
    audit = an_audit(a_round(mo, [audra]).sample.get(), audra)
    with pytest.raises(ValidationError):
        record_practitioner_view(audit, talked_through_on=today(), view="Fair.", acting_user=bea)
    with pytest.raises(ValidationError) as refused:
        record_practitioner_view(audit, talked_through_on=today() - timedelta(days=1), view=" ", acting_user=alice)
    assert set(refused.value.message_dict) == {"talked_through_on", "practitioner_view"}
    record_practitioner_view(audit, talked_through_on=today(), view="Fair: the plan dates were agreed late.", acting_user=alice)
    audit.refresh_from_db()
    assert audit.practitioner_view.startswith("Fair") and audit.view_recorded_by == alice
    with pytest.raises(ValidationError):
        record_practitioner_view(audit, talked_through_on=today(), view="Again.", acting_user=alice)
