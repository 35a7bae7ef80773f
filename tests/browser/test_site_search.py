"""A visitor searches the whole site from the home page, then opens every matching job."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_search_from_the_home_page_to_all_matching_jobs(page, screenshot):
    page.goto("/")
    page.get_by_label("Search jobs, guides and roles").fill("engineer -intern")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page).to_have_url(re.compile(r"/search/\?q=engineer\+-intern"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Results for “engineer -intern”")
    for group in ("Jobs", "Guides", "Roles"):
        expect(page.get_by_role("heading", name=group, exact=True)).to_be_visible()
    hits = page.locator(".search-hit")
    expect(hits.first.locator("mark").first).to_be_visible()
    for title in page.locator("#jobs-h ~ ol .card-title").all_inner_texts():
        assert "intern" not in title.lower(), title
    screenshot(page, "results")

    page.get_by_role("link", name=re.compile(r"See all .* jobs for")).click()
    expect(page).to_have_url(re.compile(r"/jobs/\?q=engineer\+-intern$"))
    expect(page.get_by_role("searchbox", name="Keywords")).to_have_value("engineer -intern")
    expect(page.locator("#results-h")).to_contain_text("match")


def test_nothing_found_says_what_to_try(page):
    page.goto("/search/?q=zzzqqq")
    expect(page.get_by_role("heading", name="Nothing matches “zzzqqq”")).to_be_visible()
    expect(page.get_by_role("link", name="browse every open job")).to_be_visible()
