"""Pages work under the strict Content Security Policy: no inline script or style is refused by the browser.

Chromium reports each refusal as a console error ("Refused to execute inline script because it violates the
following Content Security Policy directive..."), and fires a securitypolicyviolation event; both are collected.
"""
import pytest


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_run_their_scripts_with_no_content_security_policy_violations(browser, live_server, ruby, alice):
    page = browser.new_context(base_url=live_server.url).new_page()
    page.set_default_timeout(15_000)
    problems = watch(page)

    response = page.goto("/accounts/sign-in/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_role("button", name="Sign in").click()
    page.locator(".govuk-error-summary").wait_for()
    page.wait_for_load_state()
    # GOV.UK Frontend started from the static module: the error summary takes focus, the body has its classes.
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('govuk-error-summary')")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.evaluate("document.body.classList.contains('js-enabled')")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")

    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    for path in ["/casework/", f"/children/{ruby.pk}/", "/children/find/?name=Ruby+Smith", "/accounts/two-factor/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Set up two-step verification").click()
    assert page.locator("svg.journey-qr-code").is_visible()
    # htmx swaps the results in place without its inline indicator style.
    page.goto("/children/find/?name=Ruby+Smith")
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.locator("style").count() == 0
    assert problems == []
