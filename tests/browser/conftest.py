"""Headless Debian Chromium for browser tests, and signing in through the real sign-in page."""
import os

import pytest

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in the test thread; the fixtures' ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium); scripts/test installs it")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def sign_in(browser, live_server):
    """``sign_in("alice")`` opens a fresh browser context at the live server, signed in through the sign-in page."""

    def open_as(username: str):
        page = browser.new_context(base_url=live_server.url).new_page()
        page.set_default_timeout(15_000)
        page.goto("/accounts/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return open_as
