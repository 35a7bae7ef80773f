"""A reader goes from the home page to a guide, on to a job beside it, and finds how to apply."""

import re

import pytest
from playwright.sync_api import expect

from jobs.models import Job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE_TITLE = "Deep Learning Engineer vs Lead Machine Learning Engineer"
GUIDE_PATH = "/guides/deep-learning-engineer-vs-lead-machine-learning-engineer/"
JOB_PAGE = re.compile(r"/jobs/[\w-]+/$")


def check_apply_action(page, screenshot) -> None:
    """The job page's main apply action: the employer's site, or the e-mail address page."""
    apply = page.locator("article .apply")
    expect(apply).to_be_visible()
    link = apply.locator("a.apply-button")
    if link.count():
        assert link.get_attribute("href").startswith("https://")
        return
    apply.get_by_role("button", name="Apply by e-mail").click()
    expect(page.get_by_text("Send your application to")).to_be_visible()
    mailto = page.locator(".apply-address a")
    assert mailto.get_attribute("href").startswith("mailto:")
    screenshot(page, "apply-by-email")


def test_reader_goes_from_home_to_guide_to_job(page, screenshot):
    page.goto("/")
    screenshot(page, "home")
    page.get_by_role("link", name="Read the role guides").click()
    expect(page).to_have_url(re.compile(r"/guides/$"))
    page.get_by_role("link", name=GUIDE_TITLE, exact=True).click()

    expect(page).to_have_url(re.compile(f"{GUIDE_PATH}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_TITLE)
    # The contents: in the article on a phone, in the aside on a wide screen.
    contents = page.get_by_role("navigation", name=re.compile("Table of contents|On this page"))
    expect(contents).to_have_count(1)  # the other copy is hidden from everyone
    expect(contents).to_be_visible()
    jobs_box = page.locator("aside .featured-jobs")
    expect(jobs_box).to_be_visible()
    screenshot(page, "guide")

    first_card = jobs_box.locator(".job-card .card-title a").first
    title = first_card.inner_text()
    first_card.click()
    expect(page).to_have_url(JOB_PAGE)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    screenshot(page, "job")
    check_apply_action(page, screenshot)


def test_apply_by_email_shows_the_address(page, screenshot):
    job = Job.objects.public().filter(apply_url="").order_by("slug").first()
    page.goto(job.get_absolute_url())
    screenshot(page, "job")
    check_apply_action(page, screenshot)
    expect(page.get_by_role("link", name=job.apply_email)).to_be_visible()
