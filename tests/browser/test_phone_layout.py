"""A phone first: what a seeker needs is on the first screen, and nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

from jobs.models import Job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEED_GUIDE = "/guides/deep-learning-engineer-vs-lead-machine-learning-engineer/"
SCREEN = 844  # the phone viewport's height (tests/browser/support.py)


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_first_job_card_is_on_the_first_phone_screen(open_page, screenshot):
    page = open_page("phone")
    page.goto("/jobs/")
    screenshot(page, "jobs-first-screen")
    assert top(page, ".job-card") + 60 < SCREEN  # its title and company are in view
    # The filters are folded under their summary and open with a tap.
    workplace = page.get_by_role("group", name="Workplace")
    expect(workplace).to_be_hidden()
    page.locator(".filters-panel > summary").click()
    expect(workplace).to_be_visible()


def test_filters_are_an_open_sidebar_on_a_wide_screen(open_page):
    page = open_page("desktop")
    page.goto("/jobs/")
    expect(page.get_by_role("group", name="Workplace")).to_be_visible()


def test_apply_stays_in_reach_while_a_phone_reads_a_posting(open_page, screenshot):
    job = Job.objects.public().exclude(apply_url="").order_by("-posted_at").first()
    page = open_page("phone")
    page.goto(job.get_absolute_url())
    apply = page.locator(".apply-bar .apply-button")
    assert top(page, "h1") < SCREEN / 2
    box = apply.bounding_box()
    assert box["y"] + box["height"] <= SCREEN
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    box = apply.bounding_box()  # held at the foot of the screen
    assert box["y"] > SCREEN - 120 and box["y"] + box["height"] <= SCREEN
    screenshot(page, "job-scrolled")


def test_guide_shows_its_jobs_under_the_introduction_on_a_phone(open_page):
    page = open_page("phone")
    page.goto(SEED_GUIDE)
    strip = page.locator(".jobs-strip")
    expect(strip).to_be_visible()
    assert top(page, ".jobs-strip") < top(page, "#definitions")
    expect(strip.locator("li").first).to_be_visible()


def test_guide_contents_stay_in_view_on_a_wide_screen(open_page):
    page = open_page("desktop")
    page.goto(SEED_GUIDE)
    expect(page.locator(".jobs-strip")).to_be_hidden()
    page.locator("#conclusion").scroll_into_view_if_needed()
    contents = page.locator(".toc-aside")
    expect(contents).to_be_in_viewport()


@pytest.mark.parametrize("width", [360, 320])
def test_no_public_page_scrolls_sideways_on_a_narrow_phone(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, base_url=site)
    page = context.new_page()
    job = Job.objects.public().first()
    pages = ["/", "/jobs/", job.get_absolute_url(), "/guides/", SEED_GUIDE, "/roles/",
             "/roles/data-scientist/", "/salaries/", "/salaries/data-scientist/", "/search/?q=data",
             "/roles/compare/", "/roles/compare/data-engineer-vs-data-scientist/", "/employers/",
             "/employers/log-in/"]  # fmt: skip
    wide = {}
    for path in pages:
        assert page.goto(path).status == 200, path
        scrolled = page.evaluate("document.documentElement.scrollWidth")
        if scrolled > width:
            wide[path] = scrolled
    context.close()
    assert wide == {}
