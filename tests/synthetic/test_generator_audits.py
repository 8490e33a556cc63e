"""The generator's case audits: a finished round and one under way, audited as the pages would, on the chronology,
and gone with the rest of the authority when it is flushed."""
import pytest

from journey.chronology.models import ChronologyEntry
from journey.learning.models import CaseAudit, CaseAuditRound, ThemeFinding
from journey.people.models import Child
from journey.synthetic.flush import flush_generated
from journey.synthetic.generate import generate_authority
from tests.learning.audits import framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def authority():
    framework()  # the migration's framework, seeded again if a transactional test flushed it
    return generate_authority(300, 5)


def test_it_writes_a_finished_round_and_one_under_way(authority):
    finished, under_way = CaseAuditRound.objects.order_by("as_of")
    assert not finished.grant_in_force and under_way.grant_in_force
    assert finished.sample.count() == CaseAudit.objects.filter(sample__round=finished).count() > 0
    assert 0 < CaseAudit.objects.filter(sample__round=under_way).count() < under_way.sample.count() or under_way.sample.count() == 1
    assert ThemeFinding.objects.count() == 6 * CaseAudit.objects.count()
    assert CaseAudit.objects.filter(sample__round=finished).exclude(practitioner_view="").exists()
    assert ChronologyEntry.objects.filter(kind="case_audit").count() == CaseAudit.objects.count()


def test_its_auditor_opens_only_the_sample_of_the_round_under_way(authority):
    under_way = CaseAuditRound.objects.order_by("as_of").last()
    auditor = under_way.auditors.get(role="auditor")
    assert set(Child.objects.visible_to(auditor).values_list("pk", flat=True)) == set(under_way.sample.values_list("child_id", flat=True))


def test_flushing_the_authority_removes_its_audits(authority):
    flush_generated()
    assert not CaseAuditRound.objects.exists() and not CaseAudit.objects.exists()
    assert framework().in_use  # the framework is configuration, not generated
