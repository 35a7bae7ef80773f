"""A visitor narrows the job search with the form, reads the chips, widens it again, follows it."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from jobs.models import Job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Search matches skills and descriptions too, which cards do not show: each result's posting is
# checked for the word in the database.
KEYWORD = "data"
LEVEL = "Senior-level / Expert"
CARD_LEVEL = "Senior-level"  # a card says the level in a word


def result_count(page) -> int:
    heading = page.locator("#results-h").inner_text()
    return int(re.match(r"([\d,]+) jobs?", heading).group(1).replace(",", ""))


def feed_filters(page) -> dict[str, list[str]]:
    href = page.locator(".feed-links").get_by_role("link", name="RSS feed").get_attribute("href")
    return parse_qs(urlsplit(href).query)


def test_search_with_keyword_remote_and_level(page, screenshot):
    page.goto("/jobs/")
    everything = result_count(page)
    page.get_by_label("Keywords").fill(KEYWORD)
    filters = page.locator(".filters-panel")
    if not filters.get_by_role("group", name="Workplace").is_visible():
        filters.locator("summary").click()  # folded on a phone
    filters.get_by_role("group", name="Workplace").get_by_label("Remote").check()
    filters.get_by_role("group", name="Experience level").get_by_label(LEVEL).check()
    screenshot(page, "form-filled")
    page.get_by_role("button", name="Search jobs").click()

    expect(page).to_have_url(re.compile(r"experience_level=senior"))
    expect(page.locator("#results-h")).to_contain_text("match")
    matches = result_count(page)
    assert 0 < matches < everything
    cards = page.locator(".results .job-card")
    expect(cards.first).to_be_visible()
    for text in cards.all_inner_texts():
        assert "Remote" in text, text
        assert CARD_LEVEL in text, text
    for link in cards.locator(".card-title a").all():
        job = Job.objects.select_related("company", "role").get(
            slug=link.get_attribute("href").strip("/").split("/")[-1]
        )
        role = job.role.name if job.role else ""
        text = " ".join([job.title, job.company.name, role, job.skills, job.description])
        assert KEYWORD in text.lower(), job.slug
    chips = page.get_by_role("list", name="Applied filters").get_by_role("link")
    expect(chips).to_have_count(3)
    assert feed_filters(page) == {
        "q": [KEYWORD],
        "workplace": ["remote"],
        "experience_level": ["senior"],
    }
    screenshot(page, "results")

    page.get_by_role("link", name=f"Remove filter Experience level: {LEVEL}").click()
    expect(chips).to_have_count(2)
    assert result_count(page) > matches
    assert feed_filters(page) == {"q": [KEYWORD], "workplace": ["remote"]}
    feed = page.request.get(page.locator(".feed-links a").first.get_attribute("href"))
    assert feed.ok and "<rss" in feed.text()
    screenshot(page, "widened")
