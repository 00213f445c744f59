"""Browser tests of the web client (issue 9): the system's Chromium driven by Playwright against the real
platform, started as the end-to-end suite starts it, with the client built by ./crm up's own step.

Never downloads a browser: CRM_TEST_CHROMIUM, else Debian's chromium. Without one the tests are skipped
and the run's summary says so loudly."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from crmctl import web
from tests.e2e.conftest import accounts_directory, anonymous, as_user, erp_figures, mail_sink, platform, user_ids  # noqa: F401
from tests.e2e.support import DEMO_PASSWORD

ARTIFACTS = web.WEB / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
HOW_TO_GET_ONE = ("install Debian's chromium (`apt-get install -y chromium`, as .ci/run does when it runs as root) "
                  "or set CRM_TEST_CHROMIUM to a Chromium binary")
_SKIPPED: list[str] = []


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CRM_TEST_CHROMIUM"), "/usr/lib/chromium/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    if chromium_path() is None:
        mark = pytest.mark.skip(reason=f"no Chromium: {HOW_TO_GET_ONE}")
        for item in items:
            if "tests/browser/" in item.nodeid:
                item.add_marker(mark)
                _SKIPPED.append(item.nodeid)


def pytest_terminal_summary(terminalreporter):
    if _SKIPPED:
        bar = "!" * 100
        terminalreporter.write_line(bar, red=True, bold=True)
        terminalreporter.write_line(f"BROWSER TESTS SKIPPED ({len(_SKIPPED)}): no Chromium was found. To run them, "
                                    f"{HOW_TO_GET_ONE}.", red=True, bold=True)
        terminalreporter.write_line(bar, red=True, bold=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


@pytest.fixture(scope="session")
def web_dist():
    return web.ensure_built()


@pytest.fixture(scope="session")
def app_url(web_dist, platform) -> str:  # noqa: F811 - built before the platform starts, so the gateway serves it
    return platform.url


@pytest.fixture(scope="package")  # stopped before tests/e2e: sync Playwright keeps an event loop running
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Screen:
    """One browser tab of one test, saving named screenshots under web/test-artifacts/."""

    def __init__(self, page, url: str, test: str) -> None:
        self.page, self.url, self.test = page, url, test
        self.console: list[str] = []

    def go(self, path: str) -> None:
        self.page.goto(self.url + path)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{self.test}-{name}.png"), full_page=True)

    def login(self, username: str) -> None:
        self.page.fill("#username", username)
        self.page.fill("#password", DEMO_PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url(lambda u: "/login" not in u)

    def no_horizontal_scroll(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.fixture
def screen(browser, app_url, request):
    """A fresh browser context (no cookies) at desktop size; `screen.page.set_viewport_size` for a phone."""
    size = getattr(request, "param", {"width": 1280, "height": 800})
    context = browser.new_context(viewport=size, locale="en-US", has_touch=size["width"] < 500)
    page = context.new_page()
    page.set_default_timeout(15000)
    shown = Screen(page, app_url, request.node.name.replace("[", "-").rstrip("]"))
    page.on("console", lambda message: shown.console.append(f"{message.type}: {message.text}"))
    yield shown
    if getattr(request.node, "failed_call", False):
        shown.shot("failed")
        print("browser console:", *shown.console[-20:], sep="\n  ")
    context.close()
