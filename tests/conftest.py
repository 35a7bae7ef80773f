import time
from pathlib import Path

import pytest

from tests.browser import support as browser_support

pytest_plugins = ["tests.api_clients"]  # API clients and an employer with a token

# Production hashes passwords slowly on purpose; the tests hash thousands (every sign-up, log-in
# and made account). Set once for the whole run, live server threads included.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def latest_schema_after():
    """For a test that migrates an app back: every app's newest migration again afterwards.
    Taking one app back takes back what depends on it in other apps too, and the tests that
    run next in this process need the whole schema."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    # Tasks run inside the call that enqueues them (after the transaction commits); the worker's
    # own tests use the database backend.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # When this run started; pytest-xdist workers get the controller's (pytest_configure_node).
    workerinput = getattr(config, "workerinput", None)
    config.run_started = workerinput["run_started"] if workerinput else time.time()


# pytest-xdist: the controller collects nothing and so never loads tests/browser/conftest.py;
# the browser tests' report is gathered here. Workers send their notes and screenshots back.


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput["run_started"] = node.config.run_started


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["axe_notes"] = browser_support.axe_notes
        workeroutput["screenshots"] = [str(path) for path in browser_support.saved_screenshots]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", {})
    for line in output.get("axe_notes", []):
        if line not in browser_support.axe_notes:
            browser_support.axe_notes.append(line)
    browser_support.saved_screenshots.extend(map(Path, output.get("screenshots", [])))


def pytest_terminal_summary(terminalreporter):
    browser_support.write_report(terminalreporter)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed-name manifest only exists after collectstatic; tests use plain static URLs.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached pages (the sitemap, for one) and rate-limit counts must not carry over from one
    # test to the next.
    from django.core.cache import caches

    from core import page_cache, ratelimit

    def clear():
        for cache in caches.all():
            cache.clear()
        ratelimit._fallback.clear()
        page_cache._near_fragments.clear()  # (fragments this process served)

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    # Tests run in one process, where the memory cache is shared by every request, so the page
    # cache is on as in production with Redis: a page that forgets a change fails its test.
    settings.PAGE_CACHE_SECONDS = 600


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def _api_throttles_out_of_the_way(monkeypatch):
    # Tests send many requests from one address; the throttle tests set their own small limits.
    from rest_framework.throttling import SimpleRateThrottle

    rates = {"anon": "100000/minute", "user": "100000/minute"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
