"""The API's documentation page works offline under the site's CSP, and tries an operation."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def schema_operations() -> int:
    """How many operations the OpenAPI schema describes."""
    from drf_spectacular.generators import SchemaGenerator

    methods = {"get", "put", "patch", "post", "delete"}
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return sum(1 for item in paths.values() for method in item if method in methods)


def test_docs_list_every_operation_and_try_one(open_page, site, screenshot):
    # Counted before the page asks the server for the schema: drf-spectacular loads its
    # extensions lazily and not thread-safely, so two schemas built at once can trip over it.
    operations = schema_operations()
    page = open_page("desktop")
    outside = []
    page.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(site) else None,
    )
    page.goto("/api/docs/")
    expect(page.locator(".opblock")).to_have_count(operations)
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


def test_employer_makes_and_revokes_a_token(open_page, screenshot):
    from employers.models import ApiToken
    from tests.api_clients import make_employer

    from .support import VIEWPORTS, axe_violations

    employer = make_employer("browser@acme.example")
    page = open_page("desktop")
    page.goto("/employers/log-in/")
    page.get_by_label("E-mail").fill("browser@acme.example")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("Careers page sync")
    page.get_by_role("button", name="Make a token").click()
    key = page.get_by_label("Token").input_value()
    assert key.startswith("jca_")
    blocking = []
    for width, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        blocking += axe_violations(page, f"the new token at {width}")
    assert not blocking, "\n".join(blocking)
    screenshot(page, "new-token")

    page.get_by_role("link", name="Revoke “Careers page sync”").click()
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.get_by_role("status").first).to_contain_text("is revoked")
    assert not ApiToken.objects.filter(user=employer.user).exists()
