"""The plan pages: a child's plans, writing one, reading each version, reviewing, checking the reading age and
printing for the family. Allowed and denied in pairs: Alice (Ruby's worker) against Charlie (another team) and the
police officer (a partner)."""
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from journey.access.actions import grant_access
from journey.casework.models import Plan, PlanVersion
from journey.casework.plan_actions import PlanContent, Step, review_plan, write_plan
from journey.lib.dates import today

pytestmark = pytest.mark.django_db


def date_parts(name: str, day) -> dict:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def plan_post(**overrides) -> dict:
    week = today() + timedelta(days=7)
    data = {
        "kind": "child_in_need", **date_parts("started_on", today()),
        "worries": "Ruby is late for school.", "what_needs_to_change": "Ruby gets to school on time.",
        "contingency": "We will meet again to think about what else can help.",
        "familys_comments": "Mum says mornings are hard.", "childs_comments": "I like breakfast club.",
        "step_1_who": "Mum", "step_1_does_what": "Walk Ruby to school.", **date_parts("step_1_by_when", week),
        "step_1_reason": "Before half term.",
    }
    return data | overrides


@pytest.fixture
def plan(ruby, alice) -> Plan:
    return write_plan(
        ruby.episodes.get(), kind="child_in_need", started_on=today() - timedelta(days=40), acting_user=alice,
        content=PlanContent(worries="Ruby is late for school.", what_needs_to_change="Ruby gets to school on time.",
                            contingency="We will meet again.", familys_comments="Mum says mornings are hard."),
        steps=[Step("Mum", "Walk Ruby to school each morning.", today() + timedelta(days=7), "Before half term.")],
    )


def test_the_journey_page_links_to_the_childs_plans(client_for, alice, ruby):
    assert f'href="/casework/children/{ruby.pk}/plans/"' in client_for(alice).get(f"/children/{ruby.pk}/").content.decode()


def test_the_allocated_worker_writes_a_plan_on_the_page(client_for, alice, ruby):
    episode = ruby.episodes.get()
    client = client_for(alice)
    assert "Write a plan" in client.get(f"/casework/children/{ruby.pk}/plans/").content.decode()

    response = client.post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/plans/new/", plan_post())

    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casework/children/{ruby.pk}/plans/{plan.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Walk Ruby to school." in page and "Mum says mornings are hard." in page and "Reading age" in page


@pytest.mark.parametrize("persona", ["charlie", "officer"])
def test_nobody_outside_the_childs_work_opens_the_plan_pages(client_for, persona, charlie, officer, plan, ruby):
    client = client_for({"charlie": charlie, "officer": officer}[persona])
    base = f"/casework/children/{ruby.pk}/plans"
    for url in (f"{base}/", f"{base}/{plan.pk}/", f"{base}/{plan.pk}/versions/1/", f"{base}/{plan.pk}/review/", f"{base}/{plan.pk}/print/",
                f"/casework/children/{ruby.pk}/episodes/{plan.episode_id}/plans/new/"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/casework/children/{ruby.pk}/episodes/{plan.episode_id}/plans/new/", plan_post()).status_code == 403
    assert client.post(f"{base}/{plan.pk}/end/", date_parts("ended_on", today())).status_code == 403
    assert PlanVersion.objects.count() == 1


def test_a_reader_by_grant_reads_the_plan_but_is_not_offered_a_review_and_may_not_post_one(client_for, charlie, mo, plan, ruby):
    grant_access(ruby, acting_user=mo, reason="Covering a visit.", user=charlie)
    client = client_for(charlie)

    page = client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/").content.decode()
    assert "Walk Ruby to school each morning." in page and "Review the plan" not in page
    assert client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/review/").status_code == 403
    assert client.post(f"/casework/children/{ruby.pk}/plans/{plan.pk}/review/", plan_post()).status_code == 403


def test_a_step_without_a_reason_comes_back_beside_its_row_and_nothing_is_saved(client_for, alice, ruby):
    episode = ruby.episodes.get()

    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/plans/new/", plan_post(step_1_reason=""))

    assert response.status_code == 200
    assert "Enter why the date of step 1 is right for this child" in response.content.decode()
    assert not Plan.objects.exists() and not PlanVersion.objects.exists()


def test_a_step_typed_in_a_later_row_has_its_error_beside_that_row(client_for, alice, ruby):
    episode = ruby.episodes.get()
    moved = {key.replace("step_1", "step_3"): value for key, value in plan_post().items() if key.startswith("step_1")}
    data = {key: value for key, value in plan_post().items() if not key.startswith("step_1")} | moved
    data |= date_parts("step_3_by_when", today() - timedelta(days=3))

    form = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/plans/new/", data).context["form"]

    assert list(form.errors) == ["step_3_by_when"]


def test_checking_the_reading_age_shows_it_and_saves_nothing(client_for, alice, ruby):
    episode = ruby.episodes.get()

    response = client_for(alice).post(f"/casework/children/{ruby.pk}/episodes/{episode.pk}/plans/new/", plan_post(check="1", step_1_reason=""))

    page = response.content.decode()
    assert response.status_code == 200 and "Reading age: " in page and "Aim for a reading age of 9 or under" in page
    assert "Nothing has been saved yet" in page and "Enter why the date" not in page and 'value="Mum"' in page
    assert not Plan.objects.exists()


def test_a_review_is_prefilled_from_the_last_version_and_the_old_version_stays_readable(client_for, alice, plan, ruby):
    client = client_for(alice)
    form = client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/review/").context["form"]
    assert form.initial["worries"] == "Ruby is late for school." and form.initial["step_1_who"] == "Mum"

    response = client.post(f"/casework/children/{ruby.pk}/plans/{plan.pk}/review/", plan_post(
        **date_parts("reviewed_on", today()), review_note="Ruby has been on time for three weeks.",
        worries="Mornings are better now.", familys_comments="Mum says breakfast club is working.",
    ))

    assert response.status_code == 302
    latest = client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/").content.decode()
    assert "Mornings are better now." in latest and "Mum says breakfast club is working." in latest
    old = client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/versions/1/").content.decode()
    assert "Ruby is late for school." in old and "Mum says mornings are hard." in old and "It has been reviewed since" in old
    assert "Mornings are better now." not in old


def test_a_version_of_another_plan_or_child_answers_like_a_missing_one(client_for, alice, plan, ruby):
    client = client_for(alice)

    assert client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/versions/2/").status_code == 403
    assert client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk + 1}/").status_code == 403


def test_the_plan_prints_for_the_family_with_the_date_on_every_page(client_for, alice, plan, ruby):
    content = PlanContent(worries="Mornings are better now. " * 40, what_needs_to_change="Keep going to breakfast club. " * 40,
                          contingency="We will meet again. " * 40, familys_comments="Mum says it is working.", review_note="Better.")
    steps = [Step(f"Helper {n}", f"Step number {n}: help with mornings.", today() + timedelta(days=n), "Before half term.") for n in range(1, 7)]
    review_plan(plan, reviewed_on=today(), content=content, steps=steps, acting_user=alice)

    response = client_for(alice).get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/print/")

    assert response["Content-Type"] == "application/pdf"
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert f"Printed {timezone.localtime():%-d %B %Y}" in text and "OFFICIAL-SENSITIVE" in text
        assert f"Page {number} of {len(pages)}" in text and "Ruby's plan, version 2" in text
    whole = "\n".join(pages)
    assert "Ruby's child in need plan" in whole and "Step number 6: help with mornings." in whole and "Mum says it is working." in whole
    assert "Smith" not in whole  # the family's names are not needed: the child's first name only


def test_the_worker_ends_the_plan_and_it_is_no_longer_offered_for_review(client_for, alice, plan, ruby):
    client = client_for(alice)

    response = client.post(f"/casework/children/{ruby.pk}/plans/{plan.pk}/end/", date_parts("ended_on", today()))

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.ended_on == today()
    assert "Review the plan" not in client.get(f"/casework/children/{ruby.pk}/plans/{plan.pk}/").content.decode()


def test_the_plans_page_counts_the_childs_plans_of_each_kind_ended_and_open(client_for, alice, ruby):
    episode = ruby.episodes.get()
    for started, ended in ((today() - timedelta(days=700), today() - timedelta(days=500)), (today() - timedelta(days=400), today() - timedelta(days=300))):
        Plan.objects.create(child=ruby, episode=episode, kind="child_protection", started_on=started, ended_on=ended,
                            what_needs_to_change="Safe at home.", author=alice)  # earlier plans, as the record holds them
    page = client_for(alice).get(f"/casework/children/{ruby.pk}/plans/").content.decode()
    assert "Child protection plans" in page and "2 (2 ended, 0 open)" in page
