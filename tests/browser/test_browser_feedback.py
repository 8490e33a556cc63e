"""Feedback in Chromium: Alice makes a feedback link for Ruby's parent about her visit; the parent, signed in to
nothing, opens it (one short form, no names, nothing refused by the Content Security Policy), sends a compliment,
and the link then refuses a second use; the compliment is on Ruby's chronology and counted in Mo's summary by theme,
whose figure opens it. The form also works with JavaScript switched off. Every page on the way, errors among them,
has no failure axe can detect."""
import re

import pytest

from tests.browser.test_browser_accessibility import violations
from tests.browser.test_browser_csp import watch


def _make_link(worker, ruby) -> str:
    worker.goto(f"/children/{ruby.pk}/")
    worker.get_by_role("link", name="Feedback", exact=True).click()
    worker.get_by_role("link", name="Make a feedback link for the family").click()
    worker.get_by_label("A parent or carer").check()
    visit = ruby.visits.get()
    worker.get_by_label("What is it about?").select_option(label=f"The visit on {visit.visited_at:%-d %B %Y}")
    worker.get_by_role("button", name="Make the link").click()
    return worker.get_by_label("The link").input_value()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_parent_gives_feedback_through_a_link_once_and_it_reaches_the_chronology_and_the_summary(browser, live_server, sign_in, ruby, alice, mo):
    from journey.feedback.models import Feedback

    found = {}
    worker = sign_in("alice")
    worker.goto(f"/feedback/children/{ruby.pk}/links/new/")
    worker.get_by_role("button", name="Make the link").click()
    found["link form with errors"] = violations(worker)
    address = _make_link(worker, ruby)
    found["link made"] = violations(worker)
    assert re.fullmatch(rf"{re.escape(live_server.url)}/feedback/give/[A-Za-z0-9_-]{{40,}}/", address)

    parent = browser.new_context().new_page()  # signed in to nothing
    parent.set_default_timeout(15_000)
    problems = watch(parent)
    parent.goto(address)
    found["family form"] = violations(parent)
    body = parent.content()
    assert "Ruby" not in body and "Smith" not in body and "Alice" not in body and parent.locator("form").count() == 1
    parent.get_by_role("button", name="Send").click()
    found["family form with errors"] = violations(parent)
    parent.get_by_label("A compliment: something that went well").check()
    parent.get_by_label("Being listened to").check()
    parent.get_by_label("Tell us more").fill("Alice listened to Ruby and to us.")
    parent.get_by_role("button", name="Send").click()
    parent.get_by_role("heading", name="Thank you").wait_for()
    found["thank you"] = violations(parent)
    assert problems == []  # nothing refused by the Content Security Policy, no script error
    parent.goto(address)
    parent.get_by_role("heading", name="This link has been used").wait_for()
    found["link used"] = violations(parent)
    parent.goto(address.rsplit("/", 2)[0] + "/not-a-token/")
    parent.get_by_role("heading", name="This link does not work").wait_for()
    found["unknown link"] = violations(parent)
    assert Feedback.objects.get().source == "parent_carer"

    worker.goto(f"/children/{ruby.pk}/")
    assert worker.get_by_text("Compliment from a parent or carer: being listened to").count() >= 1
    manager = sign_in("mo")
    manager.goto("/casework/team/")
    manager.get_by_role("link", name="Feedback by theme").click()
    found["summary"] = violations(manager)
    manager.get_by_role("link", name="1 compliment on being listened to").click()
    manager.get_by_role("heading", name="Compliments on being listened to: 1").wait_for()
    found["summary with its list"] = violations(manager)
    manager.get_by_role("link", name="Compliment from a parent or carer about Ruby Smith").click()
    manager.get_by_text("Alice listened to Ruby and to us.").wait_for()
    found["feedback page"] = violations(manager)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_family_form_works_without_javascript(browser, live_server, sign_in, ruby, alice):
    from journey.feedback.models import Feedback

    address = _make_link(sign_in("alice"), ruby)
    parent = browser.new_context(java_script_enabled=False).new_page()
    parent.set_default_timeout(15_000)
    parent.goto(address)
    parent.get_by_label("A complaint: something went wrong").check()
    parent.get_by_label("Being kept informed").check()
    parent.get_by_label("Tell us more").fill("Nobody told us the visit moved.")
    parent.get_by_role("button", name="Send").click()
    parent.get_by_role("heading", name="Thank you").wait_for()
    assert Feedback.objects.get().kind == "complaint"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_recording_and_closing_a_complaint_has_no_detectable_wcag_failures(sign_in, ruby, alice, mo):
    found = {}
    worker = sign_in("alice")
    worker.goto(f"/feedback/children/{ruby.pk}/new/")
    found["record form"] = violations(worker)
    worker.get_by_role("button", name="Save feedback").click()
    found["record form with errors"] = violations(worker)
    worker.get_by_label("A parent or carer").check()
    worker.get_by_label("Complaint").check()
    worker.get_by_label("What is it about?").select_option(label="Something else")
    worker.get_by_label("If something else, what? (optional)").fill("Our phone calls")
    worker.get_by_label("What did they say?").fill("Nobody rings back.")
    worker.get_by_label("Communication").check()
    worker.get_by_role("button", name="Save feedback").click()
    worker.get_by_role("heading", name="Complaint from a parent or carer").wait_for()
    found["complaint"] = violations(worker)
    manager = sign_in("mo")
    manager.goto(worker.url.replace(worker.url.split("/feedback/")[0], ""))
    manager.get_by_role("link", name="Record the response and outcome").click()
    manager.get_by_label("Response").fill("Mo rang them.")
    manager.get_by_label("Close the complaint").check()
    manager.get_by_role("button", name="Save response").click()
    found["respond with errors"] = violations(manager)
    manager.get_by_label("Partly upheld").check()
    manager.get_by_role("button", name="Save response").click()
    manager.get_by_text("Closed on").wait_for()
    manager.goto(f"/feedback/children/{ruby.pk}/")
    found["child's feedback"] = violations(manager)
    assert {path: v for path, v in found.items() if v} == {}
