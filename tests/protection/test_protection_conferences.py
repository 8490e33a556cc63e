"""Child protection conferences: an initial conference called by a section 47 enquiry makes a plan (or not), a review
conference keeps it, changes its category (every category kept) or ends it; each refusal names its field and saves
nothing; the chair is independent of the case's line management; the chronology shows each conference."""
from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.casework.codes import EpisodeKind, PlanKind
from journey.casework.models import Episode, Plan
from journey.casework.plan_actions import PlanContent, Step
from journey.chronology.materialise import differences, stored_entries
from journey.protection.conference_actions import (
    Attendee,
    Conference,
    current_category,
    record_initial_conference,
    record_review_conference,
)
from journey.protection.models import ChildProtectionConference, PlanCategoryChange

pytestmark = pytest.mark.django_db
TODAY = date.today()


def conference(chair, **changes) -> Conference:
    given = {
        "held_on": TODAY, "starts_at": time(10, 0), "chair": chair, "child_heard": "advocate", "childs_views": "I want Mum to stop shouting.",
        "parents_views": "Mum agrees things must change.", "decision": "plan", "category": "NEG", "reasons": "Neglect at home; continuing risk.",
        "minutes": "Chair welcomed everyone.",
    }
    return Conference(**(given | changes))


def attendees(officer, council) -> list[Attendee]:
    return [
        Attendee("Alice Akers", council, "Social worker", report_submitted=True),
        Attendee("Priya Patel", officer.agency, "Police constable", email=officer.email, report_submitted=True),
        Attendee("Hana Hill", None, sent_apologies=True),
    ]


def plan_content() -> dict:
    return {
        "plan_content": PlanContent("Ruby is left alone.", "An adult at home after school.", "We may go to court."),
        "first_step": Step("Mum", "Be home by 3:30 every school day.", TODAY + timedelta(days=14), "Before the core group."),
    }


def make_plan(enquiry, ruby, alice, chris, officer, council, category="NEG") -> ChildProtectionConference:
    people = [Attendee("Alice Akers", council), Attendee("Priya Patel", officer.agency, email=officer.email, report_submitted=True)]
    return record_initial_conference(enquiry, child=ruby, record=conference(chris, category=category), attendees=people, acting_user=alice,
                                     **plan_content())


def test_an_initial_conference_deciding_a_plan_starts_it_in_a_child_protection_episode(enquiry, ruby, alice, chris, officer, council):
    made = make_plan(enquiry, ruby, alice, chris, officer, council)
    plan = made.plan
    assert plan.kind == PlanKind.CHILD_PROTECTION and plan.started_on == TODAY and plan.is_open
    assert plan.episode.kind == EpisodeKind.CHILD_PROTECTION and plan.episode.current_allocation().worker == alice
    assert ruby.episodes.get(kind=EpisodeKind.CHILD_IN_NEED).is_open  # the child in need episode stays open
    assert plan.versions.get().worries == "Ruby is left alone." and current_category(plan) == "NEG"
    assert list(made.attendees.values_list("name", "user__username")) == [("Alice Akers", None), ("Priya Patel", "priya")]


def test_an_existing_child_protection_episode_takes_the_plan(enquiry, ruby, alice, chris, officer, council):
    from journey.casework.actions import open_episode

    open_episode(ruby, EpisodeKind.CHILD_PROTECTION, started_on=TODAY - timedelta(days=1), acting_user=alice, worker=alice, team=alice.team)
    made = make_plan(enquiry, ruby, alice, chris, officer, council)
    assert ruby.episodes.filter(kind=EpisodeKind.CHILD_PROTECTION).count() == 1 and made.plan.episode.started_on == TODAY - timedelta(days=1)


def test_an_initial_conference_deciding_no_plan_starts_none(enquiry, ruby, alice, chris, officer, council):
    made = record_initial_conference(enquiry, child=ruby, record=conference(chris, decision="no_plan", category=""),
                                     attendees=attendees(officer, council)[:2], acting_user=alice)
    assert made.plan is None and made.category == "" and not Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION).exists()
    assert not Episode.objects.filter(kind=EpisodeKind.CHILD_PROTECTION).exists()


def refused(call) -> dict:
    before = (ChildProtectionConference.objects.count(), Plan.objects.count(), Episode.objects.count(), PlanCategoryChange.objects.count())
    with pytest.raises(ValidationError) as error:
        call()
    assert (ChildProtectionConference.objects.count(), Plan.objects.count(), Episode.objects.count(), PlanCategoryChange.objects.count()) == before
    return error.value.message_dict if hasattr(error.value, "error_dict") else {"__all__": error.value.messages}


def test_a_conference_before_the_enquiry_that_called_it_was_completed_is_refused(enquiry, ruby, alice, chris, officer, council):
    errors = refused(lambda: record_initial_conference(
        enquiry, child=ruby, record=conference(chris, held_on=enquiry.completed_on - timedelta(days=1)), attendees=attendees(officer, council)[:1],
        acting_user=alice, **plan_content(),
    ))
    assert errors["held_on"] == [f"The conference cannot be held before the enquiry that called it was completed ({enquiry.completed_on:%-d %B %Y})"]


def test_an_initial_conference_without_an_enquiry_that_decided_one_is_refused(discussion, ruby, alice, chris, officer, council):
    from journey.protection.actions import complete_section_47, start_section_47

    started = start_section_47(discussion, started_on=TODAY, due_on=TODAY + timedelta(days=5), due_reason="Soon.", acting_user=alice)
    no_record = conference(chris)
    assert "enquiry" in refused(lambda: record_initial_conference(None, child=ruby, record=no_record, attendees=attendees(officer, council)[:1],
                                                                    acting_user=alice, **plan_content()))
    assert "enquiry" in refused(lambda: record_initial_conference(started, child=ruby, record=no_record, attendees=attendees(officer, council)[:1],
                                                                    acting_user=alice, **plan_content()))
    complete_section_47(started, findings="Nothing found.", concerns_substantiated=False, continuing_risk=False, conference_needed=False,
                        outcome_reasons="Unfounded.", completed_on=TODAY, child_seen=True, child_seen_alone=False, acting_user=alice)
    errors = refused(lambda: record_initial_conference(started, child=ruby, record=no_record, attendees=attendees(officer, council)[:1],
                                                        acting_user=alice, **plan_content()))
    assert errors["enquiry"] == ["Only a completed section 47 enquiry that found a conference needed calls an initial conference"]


def test_a_category_outside_the_code_list_for_that_day_is_refused(enquiry, ruby, alice, chris, officer, council):
    errors = refused(lambda: make_plan(enquiry, ruby, alice, chris, officer, council, category="XYZ"))
    assert errors["category"] == [f"Category of abuse or neglect must be one of the codes valid on {TODAY:%-d %B %Y}"]


def test_a_plan_without_a_category_is_refused_and_no_reasons_too(enquiry, ruby, alice, chris, officer, council):
    errors = refused(lambda: record_initial_conference(enquiry, child=ruby, record=conference(chris, category="", reasons="  "),
                                                        attendees=attendees(officer, council)[:1], acting_user=alice, **plan_content()))
    assert errors["category"] == ["Select the category of abuse or neglect"]
    assert errors["reasons"] == ["Enter the reasons for the decision"]


def test_every_missing_answer_is_named_in_one_pass_with_the_plans_own(enquiry, ruby, alice, chris, council):
    empty = Conference(held_on=None, starts_at=None, chair=None, child_heard="", childs_views="", parents_views="", decision="", category="",
                       reasons="")
    errors = refused(lambda: record_initial_conference(enquiry, child=ruby, record=empty, attendees=[], acting_user=alice))
    assert {"held_on", "starts_at", "chair", "child_heard", "decision", "reasons", "attendee_1_name"} <= set(errors)
    errors = refused(lambda: record_initial_conference(enquiry, child=ruby, record=conference(chris), attendees=[Attendee("Alice", council)],
                                                        acting_user=alice))
    assert {"worries", "what_needs_to_change", "contingency", "step_1_who"} <= set(errors)  # casework's plan rules, by field


def test_a_chair_who_works_or_manages_the_case_is_refused(enquiry, ruby, alice, mo, chris, officer, council):
    from journey.accounts.models import Role

    for not_independent in (mo, alice):
        not_independent.role = Role.CP_CHAIR  # a chair who is the child's worker or her manager
        not_independent.save()
        errors = refused(lambda: make_plan(enquiry, ruby, alice if not_independent is mo else mo, not_independent, officer, council))  # noqa: B023
        assert errors["chair"][0].startswith("The chair must be independent of the case's line management")


def test_the_chair_must_hold_the_chair_role(enquiry, ruby, alice, charlie, officer, council):
    errors = refused(lambda: make_plan(enquiry, ruby, alice, charlie, officer, council))
    assert errors["chair"] == ["Choose a child protection chair: the chair must hold the child protection chair role"]


def test_only_those_holding_the_childs_casework_record_a_conference(enquiry, ruby, charlie, chris, officer, council):
    errors = refused(lambda: make_plan(enquiry, ruby, charlie, chris, officer, council))
    assert errors == {"__all__": ["Only the child's worker, the team holding the child or their manager can record a conference"]}
    assert refused(lambda: make_plan(enquiry, ruby, chris, chris, officer, council))  # the chair reads, but does not record


def test_one_initial_conference_per_enquiry(enquiry, ruby, alice, chris, officer, council):
    make_plan(enquiry, ruby, alice, chris, officer, council)
    assert "enquiry" in refused(lambda: make_plan(enquiry, ruby, alice, chris, officer, council))


def review(plan, ruby, alice, chris, council, **changes):
    return record_review_conference(plan, child=ruby, record=conference(chris, **({"decision": "continue"} | changes)),
                                    attendees=[Attendee("Alice Akers", council)], acting_user=alice)


def test_a_review_changing_the_category_keeps_the_initial_and_the_latest(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council, category="NEG").plan
    assert plan.category == "NEG"
    changed = review(plan, ruby, alice, chris, council, category="EMO")
    assert current_category(plan) == "EMO" and changed.category == "EMO"
    plan.refresh_from_db()
    assert plan.category == "EMO"  # the plan itself shows the latest, on casework's pages and its chronology title
    assert list(plan.category_changes.values_list("category", "conference__kind")) == [("NEG", "initial"), ("EMO", "review")]
    review(plan, ruby, alice, chris, council, category="EMO")  # the same category again is no change
    assert plan.category_changes.count() == 2 and plan.conferences.count() == 3


def test_a_review_deciding_to_end_the_plan_ends_it(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    ended = review(plan, ruby, alice, chris, council, decision="end", category="", reasons="Mum has kept Ruby safe for six months.")
    plan.refresh_from_db()
    assert plan.ended_on == TODAY and ended.reasons == "Mum has kept Ruby safe for six months." and ended.category == ""
    assert current_category(plan) == "NEG"  # the category it ended with stays readable


def test_a_review_of_a_plan_that_has_ended_is_refused(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    review(plan, ruby, alice, chris, council, decision="end", category="")
    plan.refresh_from_db()
    errors = refused(lambda: review(plan, ruby, alice, chris, council))
    assert errors["plan"] == [f"This plan ended on {TODAY:%-d %B %Y}: an ended plan cannot be reviewed"]


def test_a_review_before_the_plans_last_conference_is_refused(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    errors = refused(lambda: review(plan, ruby, alice, chris, council, held_on=TODAY - timedelta(days=1)))
    assert errors["held_on"] == [f"The conference cannot be held before the plan's last conference ({TODAY:%-d %B %Y})"]


def test_a_review_of_another_childs_plan_is_refused(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    errors = refused(lambda: review(Plan(pk=plan.pk, child_id=ruby.pk + 999, kind=PlanKind.CHILD_PROTECTION, started_on=TODAY), ruby, alice,
                                    chris, council))
    assert "plan" in errors


def test_the_chronology_shows_each_conference_at_its_time_with_its_decision_category_and_chair(enquiry, ruby, alice, chris, officer, council):
    plan = make_plan(enquiry, ruby, alice, chris, officer, council).plan
    review(plan, ruby, alice, chris, council, category="EMO", starts_at=time(14, 30))
    found = [entry for entry in stored_entries([ruby.pk])[ruby.pk] if entry.kind == "conference"]
    titles = sorted(entry.title for entry in found)
    assert titles == ["Initial child protection conference: child protection plan (neglect)",
                      "Review child protection conference: the plan continues (emotional abuse)"]
    review_entry = next(entry for entry in found if entry.title.startswith("Review"))
    assert review_entry.occurred_at.astimezone().time() == time(14, 30) and dict(review_entry.details)["Chaired by"] == "Chris Chen"
    assert differences([ruby.pk]) == []
