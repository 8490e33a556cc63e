"""Plans written with the family: the actions and their rules. A plan's content lives in versions that a review
never changes; each rule's refusal names its field, and a refused plan leaves nothing behind."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.access.actions import grant_access
from journey.casework.codes import PlanKind
from journey.casework.models import Plan, PlanStep, PlanVersion
from journey.casework.plan_actions import PlanContent, Step, end_plan, review_plan, write_plan
from journey.casework.readability import plan_reading_age, reading_age
from journey.chronology.materialise import differences
from journey.chronology.models import ChronologyEntry
from journey.lib.dates import today

pytestmark = pytest.mark.django_db

CONTENT = PlanContent(
    worries="Ruby is often late for school and sometimes misses breakfast.",
    what_needs_to_change="Ruby gets to school on time every day, with breakfast.",
    contingency="If nothing changes, we will call a meeting to think about a child protection plan.",
    childs_comments="I like breakfast club.", familys_comments="Mum says mornings are hard with the baby.",
)


def steps(by_when=None, *, reason="The school term starts then.") -> list[Step]:
    return [Step("Mum", "Walk Ruby to school each morning.", by_when or today() + timedelta(days=14), reason),
            Step("School", "Offer Ruby a place at breakfast club.", today() + timedelta(days=7), "Before half term.")]


def write(ruby, alice, **overrides) -> Plan:
    arguments = {"kind": PlanKind.CHILD_IN_NEED, "started_on": today(), "content": CONTENT, "steps": steps()} | overrides
    return write_plan(ruby.episodes.get(), acting_user=alice, **arguments)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else {"": caught.value.messages}


def test_the_allocated_worker_writes_a_plan_with_its_first_version_and_steps(ruby, alice):
    plan = write(ruby, alice)

    version = plan.versions.get()
    assert version.number == 1 and version.reviewed_on is None and version.written_by == alice
    assert [step.who for step in version.steps.all()] == ["Mum", "School"]
    assert plan.what_needs_to_change == CONTENT.what_needs_to_change and plan.author == alice


@pytest.mark.parametrize("persona", ["bea", "mo"])
def test_her_team_and_her_manager_may_write_a_plan_too(ruby, persona, bea, mo):
    assert write(ruby, {"bea": bea, "mo": mo}[persona]).versions.count() == 1


def test_an_uninvolved_worker_may_not_write_a_plan(ruby, charlie):
    assert refusal(lambda: write(ruby, charlie)) == {"": ["Only the child's worker, the team holding the child or their manager can write or review a plan"]}
    assert not Plan.objects.exists()


def test_a_worker_who_may_only_read_the_record_by_a_grant_may_not_write_a_plan(ruby, charlie, mo):
    grant_access(ruby, acting_user=mo, reason="Covering a visit.", user=charlie)

    assert "" in refusal(lambda: write(ruby, charlie))


def test_a_partner_may_not_write_a_plan(officer, ruby):
    assert "" in refusal(lambda: write(ruby, officer))


def test_a_step_without_a_reason_is_refused_and_nothing_is_saved(ruby, alice):
    errors = refusal(lambda: write(ruby, alice, steps=steps(reason="  ")))

    assert errors == {"step_1_reason": ["Enter why the date of step 1 is right for this child"]}
    assert not Plan.objects.exists() and not PlanVersion.objects.exists() and not PlanStep.objects.exists()


def test_a_by_when_date_before_the_plan_started_is_refused(ruby, alice):
    errors = refusal(lambda: write(ruby, alice, steps=steps(by_when=today() - timedelta(days=1))))

    assert list(errors) == ["step_1_by_when"] and "on or after the plan started" in errors["step_1_by_when"][0]


def test_a_plan_needs_at_least_one_step(ruby, alice):
    assert list(refusal(lambda: write(ruby, alice, steps=[]))) == ["step_1_who"]


def test_a_plan_cannot_start_before_its_episode(ruby, alice):
    started = ruby.episodes.get().started_on
    errors = refusal(lambda: write(ruby, alice, started_on=started - timedelta(days=1)))

    assert errors == {"started_on": [f"The plan cannot start before its episode started ({started:%-d %B %Y})"]}


def test_one_open_plan_of_each_kind(ruby, alice):
    write(ruby, alice)

    assert list(refusal(lambda: write(ruby, alice))) == ["kind"]
    write(ruby, alice, kind=PlanKind.CHILD_PROTECTION)  # another kind may be open beside it


def test_the_worries_what_needs_to_change_and_contingency_are_required(ruby, alice):
    empty = PlanContent(worries=" ", what_needs_to_change="", contingency="")

    assert set(refusal(lambda: write(ruby, alice, content=empty))) == {"worries", "what_needs_to_change", "contingency"}


def test_a_review_writes_the_next_version_and_the_old_one_stays_as_it_was(ruby, alice):
    plan = write(ruby, alice)
    changed = PlanContent(worries="Mornings are better.", what_needs_to_change="Keep going to breakfast club.",
                          contingency="We will meet again if Ruby is late again.", familys_comments="Mum says it is working.",
                          review_note="Ruby has been on time every day for three weeks.")

    version = review_plan(plan, reviewed_on=today(), content=changed, steps=steps()[:1], acting_user=alice)

    assert version.number == 2 and version.reviewed_on == today()
    first = plan.versions.get(number=1)
    assert first.worries == CONTENT.worries and first.steps.count() == 2
    plan.refresh_from_db()
    assert plan.what_needs_to_change == "Keep going to breakfast club."


def test_a_review_says_what_has_changed(ruby, alice):
    plan = write(ruby, alice)

    assert list(refusal(lambda: review_plan(plan, reviewed_on=today(), content=CONTENT, steps=steps(), acting_user=alice))) == ["review_note"]


def test_a_review_dated_before_the_last_version_is_refused(ruby, alice):
    plan = write(ruby, alice, started_on=today() - timedelta(days=30))
    content = PlanContent(**{**vars(CONTENT), "review_note": "Better."})
    review_plan(plan, reviewed_on=today() - timedelta(days=10), content=content, steps=steps(), acting_user=alice)

    errors = refusal(lambda: review_plan(plan, reviewed_on=today() - timedelta(days=11), content=content, steps=steps(), acting_user=alice))

    assert list(errors) == ["reviewed_on"] and "on or after the last version was agreed" in errors["reviewed_on"][0]
    assert plan.versions.count() == 2


def test_an_old_versions_past_by_when_dates_stay_readable_and_a_review_may_keep_them(ruby, alice):
    plan = write(ruby, alice, started_on=today() - timedelta(days=60), steps=steps(by_when=today() - timedelta(days=30)))
    content = PlanContent(**{**vars(CONTENT), "review_note": "Step 1 is done."})

    review_plan(plan, reviewed_on=today(), content=content, steps=steps(by_when=today() - timedelta(days=30)), acting_user=alice)

    assert plan.versions.get(number=1).steps.first().by_when == today() - timedelta(days=30)


def test_an_uninvolved_worker_may_not_review_or_end_a_plan(ruby, alice, charlie):
    plan = write(ruby, alice)
    content = PlanContent(**{**vars(CONTENT), "review_note": "Better."})

    assert "" in refusal(lambda: review_plan(plan, reviewed_on=today(), content=content, steps=steps(), acting_user=charlie))
    assert "" in refusal(lambda: end_plan(plan, ended_on=today(), acting_user=charlie))
    assert plan.versions.count() == 1


def test_an_ended_plan_is_not_reviewed_and_another_of_its_kind_may_start(ruby, alice):
    plan = write(ruby, alice)
    end_plan(plan, ended_on=today(), acting_user=alice)

    content = PlanContent(**{**vars(CONTENT), "review_note": "Better."})
    assert "" in refusal(lambda: review_plan(plan, reviewed_on=today(), content=content, steps=steps(), acting_user=alice))
    write(ruby, alice)


def test_each_version_is_on_the_chronology_at_the_moment_it_was_written(ruby, alice):
    plan = write(ruby, alice)
    content = PlanContent(**{**vars(CONTENT), "review_note": "Better.", "familys_comments": "Mum is pleased."})
    second = review_plan(plan, reviewed_on=today(), content=content, steps=steps(), acting_user=alice)

    entries = {entry.title: entry for entry in ChronologyEntry.objects.filter(child=ruby, kind="plan")}
    assert set(entries) == {"Child in need plan started", "Child in need plan written", "Child in need plan reviewed (version 2)"}
    reviewed = entries["Child in need plan reviewed (version 2)"]
    assert reviewed.occurred_at == second.written_at and reviewed.summary == "Mum is pleased."
    assert reviewed.url == f"/casework/children/{ruby.pk}/plans/{plan.pk}/versions/2/"
    assert differences([ruby.pk]) == []


def test_plain_words_read_younger_than_official_ones():
    plain = reading_age("We are worried that Ruby is late for school. Mum will walk her there each day.")
    official = reading_age("The local authority has significant concerns regarding the consistency of Ruby's educational "
                           "attendance, necessitating comprehensive multi-agency intervention.")

    assert plain is not None and official is not None and plain < official
    assert reading_age("   ") is None and plan_reading_age(["", " "]) is None
