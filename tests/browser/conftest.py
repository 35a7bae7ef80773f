"""Browser fixtures: Debian's Chromium, driven by Playwright, against the live test server.

Every test gets a fresh database with the demo content (load_demo, then the same rows put back
by snapshot.py) and its own browser context.
Screenshots go to BROWSER_ARTIFACTS (default /tmp/jobboard-browser-artifacts), one folder per
database vendor so the SQLite and PostgreSQL runs of CI keep theirs apart.
"""

import contextlib
import io
import itertools
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import sync_playwright

from . import snapshot
from .support import AXE_NOTES, VIEWPORTS, artifacts_folder, saved_screenshots

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_BROWSER = f"Debian package chromium is not installed ({CHROMIUM} is missing)"
# Fail fast: every page here is local and small.
TIMEOUT_MS = 10_000


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "").lower() in ("1", "true", "yes")


def pytest_runtest_setup(item):
    # Before any fixture, so a machine without the browser does not build databases for nothing.
    if "browser" in item.fixturenames and not CHROMIUM.exists():
        if browser_required():
            pytest.fail(MISSING_BROWSER)
        pytest.skip(MISSING_BROWSER)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop running in this thread; Django refuses ORM
    # calls from such a thread (the test's own setup, load_demo, the flush) unless told not to.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    before = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    # With a loop running, asgiref gives this thread new connection objects; they need the
    # database snapshot taken at setup, or serialized_rollback cannot restore migration data
    # (the Moderators group) once a test's flush has wiped it.
    for alias, connection_before in before.items():
        snapshot = getattr(connection_before, "_test_serialized_contents", None)
        if snapshot is not None:
            connections[alias]._test_serialized_contents = snapshot
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def artifacts(pytestconfig) -> Path:
    folder = artifacts_folder()
    folder.mkdir(parents=True, exist_ok=True)
    # An earlier run's would mislead. Only those: with pytest-xdist, another worker of this run
    # may have saved some already.
    for old in [*folder.glob("*.jpg"), folder / AXE_NOTES]:
        with contextlib.suppress(FileNotFoundError):
            if old.stat().st_mtime < pytestconfig.run_started:
                old.unlink()
    return folder


@pytest.fixture(scope="session")
def demo_rows() -> list:
    """The demo content's rows (snapshot.py), once the first browser test here has loaded it."""
    return []


@pytest.fixture
def site(browser, live_server, demo_rows) -> str:
    """The live server's address, with the demo content loaded into the test database."""
    if demo_rows:
        snapshot.restore(demo_rows)
    else:
        call_command("load_demo", stdout=io.StringIO())
        demo_rows.extend(snapshot.take())
    return live_server.url


@pytest.fixture(autouse=True)
def _demo_content_first(request):
    # Putting the demo rows back empties every table first, so it comes before the records a
    # test makes for itself (its moderator, say).
    if "site" in request.fixturenames:
        request.getfixturevalue("site")


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def open_page(browser, site):
    """Opens a page in a new browser context (its own cookies) at a width from VIEWPORTS.

    Any script error, or anything the Content-Security-Policy blocks, fails the test.
    """
    contexts, problems = [], []

    def watch(page) -> None:
        def on_console(message):
            if message.type == "error" and "Content Security Policy" in message.text:
                problems.append(f"{page.url}: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))

    def open_page(width: str = "desktop"):
        context = browser.new_context(viewport=VIEWPORTS[width], base_url=site)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watch(page)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(open_page, viewport):
    return open_page(viewport)


@pytest.fixture
def screenshot(request, artifacts):
    """Saves a full-page screenshot named after the test, a running number and the step.

    JPEG: a full-page PNG takes two to three times as long to encode.
    """
    test_name = re.sub(r"[^\w-]+", "-", request.node.name.removeprefix("test_")).strip("-")
    numbers = itertools.count(1)

    def screenshot(page, step: str) -> Path:
        path = artifacts / f"{test_name}-{next(numbers):02d}-{step}.jpg"
        page.screenshot(path=path, full_page=True, type="jpeg", quality=80)
        saved_screenshots.append(path)
        return path

    return screenshot
