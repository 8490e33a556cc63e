"""A systems case review in Chromium: Helen, head of service, commissions a review of Ruby's case by her record
number and names Alice to the team; Alice reads the timeline, marks two key practice episodes on it with their
contributory factors, and writes a finding drawing on both; Helen makes a recommendation from the finding and the
partnership's board shows it. Every page met on the way, forms with their errors among them, has no failure axe can
detect."""
from datetime import timedelta

import pytest

from journey.lib.dates import today
from tests.browser.test_browser_accessibility import violations


def _date(page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_review_team_builds_a_timeline_marks_two_episodes_and_writes_a_finding(sign_in, ruby, alice, helen, mo):
    from journey.learning.recommendation_models import Recommendation
    from journey.learning.review_models import CaseReview, PracticeEpisode, ReviewFinding

    found = {}
    head = sign_in("helen")
    head.goto("/learning/reviews/")
    found["reviews"] = violations(head)
    head.get_by_role("link", name="Commission a case review").click()
    head.get_by_role("button", name="Commission the review").click()
    head.get_by_role("heading", name="There is a problem").wait_for()
    found["commission form with errors"] = violations(head)
    head.get_by_label("Record number of the child").fill(str(ruby.pk))
    head.get_by_label("A child seriously harmed").check()
    head.get_by_label("Terms of reference").fill("How did agencies share what they knew about the incidents at home?")
    _date(head, "Start of the period", today() - timedelta(days=305))
    _date(head, "End of the period", today())
    head.get_by_role("button", name="Commission the review").click()
    head.get_by_role("heading", name="Case review").first.wait_for()
    review = CaseReview.objects.get()
    head.get_by_label("Add a reviewer to the team").select_option(label="Alice Akers, Northfield Children's Services (Social worker)")
    head.get_by_role("button", name="Add to the team").click()
    head.get_by_text("Alice Akers joined the review team").wait_for()
    found["review page"] = violations(head)

    team = sign_in("alice")
    team.goto("/learning/reviews/")
    team.get_by_role("link", name=f"Case review {review.pk}").click()
    team.get_by_role("link", name="Read the timeline").click()
    team.get_by_role("heading", name="Timeline").wait_for()
    found["timeline"] = violations(team)
    boxes = team.locator("input[name='entries']")
    assert boxes.count() >= 4
    for episode, (first, second, factors) in enumerate([
        (0, 1, {"Communication between agencies (optional)": "The police notification carried one incident, not the history.",
                "Workload (optional)": "Twelve contacts waited at the front door that morning."}),
        (3, None, {"Tools (optional)": "The visit form asks nothing of earlier incidents.",
                   "Management systems (optional)": "No supervision was due before the first visit."}),
    ], start=1):
        team.goto(f"/learning/reviews/{review.pk}/timeline/")
        boxes.nth(first).check()
        if second is not None:
            boxes.nth(second).check()
        team.get_by_role("button", name="Mark a key practice episode on the chosen entries").click()
        if episode == 1:
            team.get_by_role("button", name="Save the episode").click()
            team.get_by_role("heading", name="There is a problem").wait_for()
            found["episode form with errors"] = violations(team)
        team.get_by_label("Title of the episode").fill(f"Episode {episode}")
        team.get_by_label("What happened").fill("The contact was screened to referral within a day." if episode == 1 else "Ruby was seen alone.")
        team.get_by_label("Why did it make sense to the people at the time?").fill("Repeat incidents met the threshold." if episode == 1 else "Policy.")
        for label, text in factors.items():
            team.get_by_label(label).fill(text)
        team.get_by_role("button", name="Save the episode").click()
        team.get_by_text("Key practice episode marked").wait_for()
    assert PracticeEpisode.objects.count() == 2
    assert sorted(PracticeEpisode.objects.get(title="Episode 1").factors.values_list("category", flat=True)) == ["inter_agency", "workload"]
    team.get_by_role("link", name="Write a finding").click()
    team.get_by_label("The finding", exact=True).fill("Alice Akers did not ask for the history")
    team.get_by_label("Episode 1").check()
    team.get_by_label("Episode 2").check()
    team.get_by_label("The pattern in the system").fill("Notifications carry one incident at a time, so the front door sees no pattern.")
    team.get_by_role("button", name="Save the finding").click()
    team.get_by_text("a finding is about the system, not individuals").first.wait_for()
    found["finding form naming a person"] = violations(team)
    team.get_by_label("The finding", exact=True).fill("The history of incidents is lost between the police and the front door")
    team.get_by_role("button", name="Save the finding").click()
    team.get_by_text("Finding written").wait_for()
    found["review page with episodes and a finding"] = violations(team)
    finding = ReviewFinding.objects.get()
    assert [link.episode.title for link in finding.drawn_on.all()] == ["Episode 1", "Episode 2"]

    head.goto(f"/learning/reviews/{review.pk}/")
    head.get_by_role("link", name="Make a recommendation from this finding").click()
    found["recommendation form"] = violations(head)
    head.get_by_label("Recommendation", exact=True).fill("Police notifications carry the history of the last year")
    head.get_by_label("Options weighed").fill("A new template; a call for each notification; a shared system.")
    head.get_by_label("Owner").select_option(label="Mo Malik, Northfield Children's Services (Team manager)")
    head.get_by_role("button", name="Save the recommendation").click()
    head.get_by_text("Recommendation recorded").wait_for()
    found["recommendation page"] = violations(head)
    head.get_by_role("button", name="Close with this outcome").click()
    head.get_by_role("heading", name="There is a problem").wait_for()
    found["recommendation closing without an outcome"] = violations(head)
    assert Recommendation.objects.get().finding == finding and Recommendation.objects.get().is_open
    head.goto("/learning/recommendations/")
    assert head.get_by_role("link", name="Police notifications carry the history of the last year").count() == 1
    assert head.get_by_text("Ruby").count() == 0
    found["board"] = violations(head)
    assert {path: v for path, v in found.items() if v} == {}
