"""The API's documentation page works offline under the site's CSP, and tries an operation."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_docs_list_every_operation_and_try_one(open_page, site, screenshot):
    page = open_page("desktop")
    outside = []
    page.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(site) else None,
    )
    page.goto("/api/docs/")
    expect(page.locator(".opblock")).to_have_count(15)
    screenshot(page, "docs")

    jobs = page.locator("#operations-jobs-v1_jobs_list")
    jobs.locator(".opblock-summary").click()
    jobs.get_by_role("button", name="Try it out").click()
    jobs.get_by_role("button", name="Execute").click()
    status = jobs.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text(re.compile("200"))
    expect(jobs.locator(".live-responses-table")).to_contain_text('"results"')
    screenshot(page, "tried")
    assert outside == []  # nothing from the internet: the page works offline
