"""The generator gives every assessment a manager authorised the manager's reasons, fitting the decision (no further
action, or help), as the action requires of a real one; an assessment not yet authorised has none."""
import pytest

from journey.casework.codes import AssessmentDecision
from journey.casework.models import Assessment
from journey.synthetic.phrases import AUTHORISED_NO_FURTHER_ACTION, AUTHORISED_WITH_HELP

pytestmark = pytest.mark.django_db


def test_every_authorised_assessment_has_reasons_fitting_its_decision(authority_2000):
    authorised = list(Assessment.objects.filter(authorised_on__isnull=False))
    assert authorised
    for assessment in authorised:
        nfa = assessment.decision == AssessmentDecision.NO_FURTHER_ACTION
        openings = [phrase.split("{")[0] for phrase in (AUTHORISED_NO_FURTHER_ACTION if nfa else AUTHORISED_WITH_HELP)]
        assert any(assessment.authorisation_reasons.startswith(opening) for opening in openings), assessment.authorisation_reasons
        assert "{" not in assessment.authorisation_reasons


def test_an_assessment_not_authorised_has_no_reasons(authority_2000):
    assert not Assessment.objects.filter(authorised_on__isnull=True).exclude(authorisation_reasons="").exists()
