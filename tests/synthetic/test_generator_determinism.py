"""The same number of children and seed make the same authority, row for row; another seed makes another."""
import hashlib
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command

from journey.accounts.models import Agency, Team, User
from journey.casework.models import Episode, Visit
from journey.chronology.models import ChronologyEntry
from journey.frontdoor.models import ContactChild
from journey.synthetic.batch import WRITE_ORDER
from journey.synthetic.flush import flush_generated
from journey.synthetic.generate import generate_authority
from journey.synthetic.models import PersonTruth
from tests.conftest import restore_migration_data

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 3, 2)
# An unusable password is "!" and a random string, made by Django; every other column is the generator's own.
NOT_GENERATED = {"password"}
# Written once every chunk is, from the whole authority: unit meetings, case audits, the case review and the board.
FINISHED = (
    "practice.UnitMeeting", "practice.UnitMeetingAttendance", "practice.UnitMeetingEntry", "learning.CaseAuditRound", "learning.SampledChild",
    "learning.CaseAudit", "learning.ThemeFinding", "learning.CaseReview", "learning.ReviewMember", "learning.PracticeEpisode",
    "learning.EpisodeEntry", "learning.ContributoryFactor", "learning.ReviewFinding", "learning.FindingEpisode", "learning.Recommendation",
    "learning.RecommendationAction", "learning.ProgressUpdate",
)


def every_row() -> dict[str, str]:
    """A digest of every row of every table the generator writes (the materialised chronology too), every column,
    ids and foreign keys included."""
    digests = {}
    for model in (Agency, Team, User, *WRITE_ORDER, *(apps.get_model(label) for label in FINISHED), ChronologyEntry):
        columns = [f.attname for f in model._meta.concrete_fields if f.attname not in NOT_GENERATED]
        rows = list(model._base_manager.order_by("pk").values_list(*columns))
        digests[model._meta.label] = f"{len(rows)} rows, {hashlib.sha256(repr(rows).encode()).hexdigest()}"
    return digests


def emptied() -> None:
    """Django's flush: every table emptied and every id sequence started again, as on a new database, which holds
    what the migrations load (the code lists, which the chronology names a conference's category from, and the audit
    framework the generator's audits use)."""
    call_command("flush", interactive=False, verbosity=0)
    restore_migration_data()


def test_it_writes_the_same_rows_with_the_same_ids_from_the_same_seed():
    emptied()
    generate_authority(300, 11, today=TODAY)
    first = every_row()
    emptied()
    generate_authority(300, 11, today=TODAY)
    assert every_row() == first
    empty = [label for label, digest in first.items() if digest.startswith("0 rows")]
    assert empty == [], empty


def by_individual() -> str:
    """Names, dates, contacts and episodes, keyed by individual rather than by database ids (which a flush of the
    generated authority does not start again)."""
    # Sorted by repr: a column may hold None beside a string (a person with no NHS number sharing an individual).
    rows = sorted(PersonTruth.objects.values_list(
        "individual", "person__first_name", "person__last_name", "person__date_of_birth", "person__nhs_number"), key=repr)
    rows += sorted(ContactChild.objects.values_list(
        "contact__received_at", "contact__agency__name", "contact__concern", "given_first_name", "given_last_name",
        "given_date_of_birth", "given_postcode"), key=repr)
    rows += sorted(Episode.objects.values_list("child__person__first_name", "kind", "started_on", "ended_on", "closure_reason"), key=repr)
    rows += sorted(Visit.objects.values_list("visited_at", "childs_words", "recorded_by__username"), key=repr)
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_it_makes_the_same_authority_again_after_flushing_the_generated_one():
    generate_authority(300, 11, today=TODAY)
    first = by_individual()
    flush_generated()
    generate_authority(300, 11, today=TODAY)
    assert by_individual() == first


def test_it_makes_a_different_authority_from_another_seed():
    generate_authority(300, 11, today=TODAY)
    first = by_individual()
    flush_generated()
    generate_authority(300, 12, today=TODAY)
    assert by_individual() != first
