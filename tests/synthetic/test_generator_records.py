"""The generated record is valid: identifiers check out, keys are filled, rules hold, ground truth is complete."""
import re
from collections import Counter

import pytest
from django.contrib.auth.hashers import is_password_usable
from django.db.models import Count, Q

from journey.accounts.models import Role, Team, TeamKind, User
from journey.casework.models import Allocation, ClosureProposal, Episode, Plan, Transfer
from journey.frontdoor.codes import ContactStatus, ScreeningOutcome
from journey.frontdoor.models import Contact, ContactChild, Referral, ScreeningDecision
from journey.lib.identifiers import validate_nhs_number, validate_postcode, validate_upn
from journey.people.matching import name_key
from journey.people.models import Address, Child, Person
from journey.synthetic.models import ContactChildTruth, PersonTruth

pytestmark = pytest.mark.django_db


def test_it_gives_only_valid_nhs_numbers(authority_2000):
    numbers = list(Person.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    numbers += list(ContactChild.objects.exclude(given_nhs_number="").values_list("given_nhs_number", flat=True))
    assert len(numbers) > 2000
    for number in numbers:
        validate_nhs_number(number)


def test_it_gives_valid_upns_to_school_age_children(authority_2000):
    upns = list(Child.objects.exclude(upn="").values_list("upn", flat=True))
    assert len(upns) > 1000
    assert len(set(upns)) == len(upns)
    for upn in upns:
        validate_upn(upn)


def test_it_gives_valid_postcodes(authority_2000):
    postcodes = set(Address.objects.values_list("postcode", flat=True))
    postcodes |= set(ContactChild.objects.exclude(given_postcode="").values_list("given_postcode", flat=True))
    for postcode in postcodes:
        validate_postcode(postcode)


def test_it_fills_name_keys_for_every_person(authority_2000):
    for first, last, first_key, last_key in Person.objects.values_list("first_name", "last_name", "first_name_key", "last_name_key"):
        assert (first_key, last_key) == (name_key(first), name_key(last))
        assert first_key and last_key


def test_it_records_the_true_individual_behind_every_person_and_contact_child(authority_2000):
    assert not Person.objects.exclude(pk__in=PersonTruth.objects.values("person_id")).exists()
    assert not ContactChild.objects.exclude(pk__in=ContactChildTruth.objects.values("contact_child_id")).exists()
    truth = dict(PersonTruth.objects.values_list("person_id", "individual"))
    for child_id, individual in ContactChildTruth.objects.filter(contact_child__child__isnull=False).values_list(
        "contact_child__child_id", "individual"
    ):
        assert truth[child_id] == individual


def test_it_varies_the_details_referrers_give(authority_2000):
    variants = Counter(v for row in ContactChildTruth.objects.values_list("variant", flat=True) for v in row.split(", "))
    for expected in ("exact", "nickname", "typo", "no NHS number", "moved", "date of birth day and month swapped"):
        assert variants[expected] > 0, expected


def test_it_makes_a_few_duplicate_records_of_one_child(authority_2000):
    child_truths = PersonTruth.objects.filter(person__child_record__isnull=False)
    duplicated = child_truths.values("individual").annotate(n=Count("id")).filter(n__gt=1)
    assert 0 < duplicated.count() < Child.objects.count() * 0.02
    extra_records = sum(n - 1 for n in duplicated.values_list("n", flat=True))  # a child may be duplicated twice
    assert ContactChild.objects.filter(created_new_child=True).count() == extra_records


def test_it_leaves_contacts_waiting_at_the_front_door(authority_2000):
    waiting = Contact.objects.filter(status=ContactStatus.AWAITING_SCREENING)
    assert waiting.count() >= 3
    assert not ContactChild.objects.filter(contact__in=waiting, child__isnull=False).exists()
    assert not ScreeningDecision.objects.filter(contact__in=waiting).exists()
    assert ScreeningDecision.objects.count() == Contact.objects.filter(status=ContactStatus.SCREENED).count()


def test_it_makes_a_referral_for_every_child_the_front_door_refers(authority_2000):
    opening = ScreeningDecision.objects.filter(outcome__in=ScreeningOutcome.opening_social_work())
    assert Referral.objects.count() == opening.count()


def test_it_gives_a_child_a_long_history_for_the_journey_page(authority_2000):
    busiest = ContactChild.objects.filter(child__isnull=False).values("child").annotate(n=Count("id")).order_by("-n").first()
    assert busiest["n"] >= 40
    assert Episode.objects.filter(child_id=busiest["child"]).count() >= 3
    assert authority_2000.longest_child_id is not None


def test_it_keeps_at_most_one_current_allocation_on_each_open_episode_and_none_on_a_closed_one(authority_2000):
    waiting = 0
    for episode in Episode.objects.prefetch_related("allocations"):
        current = [a for a in episode.allocations.all() if a.ended_on is None]
        assert len(current) <= (1 if episode.is_open else 0)
        waiting += episode.is_open and not current
        assert all(a.started_on >= episode.started_on for a in episode.allocations.all())
    assert Allocation.objects.values("worker").distinct().count() > 5
    assert 0 < waiting <= 20  # a few handed back to their team's queue this week (synthetic.week), not a backlog


def test_every_team_that_holds_work_has_some_waiting_and_its_manager_has_answers_to_give(authority_2000):
    teams = Team.objects.exclude(kind__in=[TeamKind.FRONT_DOOR, TeamKind.SERVICE, TeamKind.LEAVING_CARE]).annotate(
        held=Count("episodes", filter=Q(episodes__ended_on__isnull=True)))
    for team in teams.filter(held__gte=4):  # a team holding little keeps it all (synthetic.week)
        assert Episode.objects.filter(team=team, ended_on__isnull=True).exclude(allocations__ended_on__isnull=True).exists(), team.name
    transfers = Transfer.objects.filter(decision="pending")
    assert transfers.exists() and all(t.to_team.manager_id and t.proposed_by == t.from_team.manager for t in transfers)
    closures = ClosureProposal.objects.filter(decision="pending").select_related("episode")
    assert closures.exists()
    for proposal in closures:
        assert proposal.episode.is_open and proposal.ended_on >= proposal.episode.started_on
        assert proposal.episode.allocations.get(ended_on__isnull=True).worker == proposal.proposed_by


def test_nothing_is_recorded_on_an_episode_after_it_went_back_to_the_queue(authority_2000):
    for episode in Episode.objects.filter(ended_on__isnull=True).exclude(allocations__ended_on__isnull=True):
        back_on = episode.allocations.order_by("-ended_on").values_list("ended_on", flat=True).first()
        assert not episode.child.visits.filter(visited_at__date__gt=back_on, household_visit__isnull=True).exists()
        assert not episode.child.case_notes.filter(occurred_at__date__gt=back_on).exists()


def test_it_writes_child_protection_plans_with_a_category(authority_2000):
    plans = Plan.objects.filter(kind="child_protection")
    assert plans.exists()
    assert not plans.filter(category="").exists()


def test_it_staffs_every_team_with_a_manager_and_readable_usernames(authority_2000):
    for team in Team.objects.exclude(kind__in=[TeamKind.FRONT_DOOR, TeamKind.SERVICE]):
        assert team.manager is not None
        assert team.members.filter(role=Role.PRACTITIONER).exists()
        assert team.parent is not None and team.parent.kind == TeamKind.SERVICE
    for service in Team.objects.filter(kind=TeamKind.SERVICE):
        assert service.manager is not None and service.manager.role == Role.HEAD_OF_SERVICE
    for user in User.objects.all():
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d+", user.username)
        assert not is_password_usable(user.password)
    for role in Role.values:
        assert User.objects.filter(role=role).exists()


def test_every_plan_is_written_with_the_family_and_reviewed_while_it_lasts(authority_2000):
    from journey.casework.models import PlanStep, PlanVersion

    plans = Plan.objects.prefetch_related("versions__steps").select_related("child__person")
    assert plans.exists()
    for plan in plans:
        versions = sorted(plan.versions.all(), key=lambda v: v.number)
        assert [v.number for v in versions] == list(range(1, len(versions) + 1))
        assert versions[0].reviewed_on is None and all(v.reviewed_on > plan.started_on for v in versions[1:])
        assert all(v.worries and v.what_needs_to_change and v.contingency and v.familys_comments for v in versions)
        assert all(len(v.steps.all()) >= 1 and all(s.reason and s.by_when > plan.started_on for s in v.steps.all()) for v in versions)
        if plan.child.date_of_birth and plan.child.age_on(plan.started_on) >= 6:
            assert not any(s.who == "Health visitor" for v in versions for s in v.steps.all()), "a health visitor for a school child"
    assert PlanVersion.objects.filter(number__gt=1).exists() and PlanStep.objects.count() >= 2 * Plan.objects.count()
