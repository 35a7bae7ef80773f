"""axe-core on the main public pages at desktop and phone widths, and labels on the job search."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.http import urlencode
from playwright.sync_api import expect

from demo.jobs import SEED_JOBS, seed_slug
from employers.models import Employer
from jobs.choices import JobStatus
from jobs.models import Company, Job
from roles.models import Guide

from .support import VIEWPORTS, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE_SLUG = "deep-learning-engineer-vs-lead-machine-learning-engineer"


def closed_job_path() -> str:
    return Job.objects.filter(status=JobStatus.FILLED).order_by("slug").first().get_absolute_url()


def role_path() -> str:
    return Guide.objects.get(slug=GUIDE_SLUG).first_role.get_absolute_url()


# Page name -> its address, or a function that finds it in the demo content.
PAGES = {
    "home": "/",
    "jobs": "/jobs/",
    "jobs-form-error": "/jobs/?" + urlencode({"workplace": "remote", "salary_min": "abc"}),
    "job": f"/jobs/{seed_slug(SEED_JOBS[0])}/",
    "closed-job": closed_job_path,
    "guide": f"/guides/{GUIDE_SLUG}/",
    "role": role_path,
    "salaries": "/salaries/",
    "salary": "/salaries/machine-learning-engineer/",
    "salary-country": "/salaries/data-scientist/?country=DE",
    "sign-up": "/employers/sign-up/",
    "search": "/search/?q=engineer",
    "search-empty": "/search/?q=zzzzzz",
    "search-too-long": "/search/?" + urlencode({"q": "engineer " * 30}),
}
# What shows that a page is in the state meant to be checked.
PAGE_STATES = {
    "jobs-form-error": ".field-error",
    "closed-job": ".closed-notice",
    "search": "#jobs-h",
    "search-empty": ".empty-state",
    "search-too-long": ".field-error",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_axe_violations(name, open_page):
    path = PAGES[name] if isinstance(PAGES[name], str) else PAGES[name]()
    page = open_page()
    blocking = []
    for width, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        assert page.goto(path).ok, path
        if name in PAGE_STATES:
            expect(page.locator(PAGE_STATES[name])).to_be_visible()
        blocking += axe_violations(page, f"{path} at {width}")
    assert not blocking, "\n".join(blocking)


EMPLOYER_EMAIL = "axe@employer.example"
EMPLOYER_PASSWORD = "axe-employer-pass"
# Pages of the employers' area, seen logged in as an employer.
EMPLOYER_PAGES = {"post-a-job": "/employers/jobs/new/"}


@pytest.mark.parametrize("name", list(EMPLOYER_PAGES))
def test_no_serious_axe_violations_for_employers(name, open_page):
    company = Company.objects.order_by("name").first()
    user = get_user_model().objects.create_user(EMPLOYER_EMAIL, EMPLOYER_EMAIL, EMPLOYER_PASSWORD)
    Employer.objects.create(user=user, company=company, verified_at=timezone.now())
    page = open_page()
    page.goto("/employers/log-in/")
    page.get_by_label("E-mail").fill(EMPLOYER_EMAIL)
    page.get_by_label("Password").fill(EMPLOYER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your postings")
    path = EMPLOYER_PAGES[name]
    blocking = []
    for width, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        assert page.goto(path).ok, path
        expect(page.get_by_role("heading", level=1)).to_have_text("Post a job")
        blocking += axe_violations(page, f"{path} at {width}")
    assert not blocking, "\n".join(blocking)


# A form field's name for assistive technology: its <label>s, aria-label or aria-labelledby.
UNLABELLED_FIELDS = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((el) => el.type !== "hidden" && el.getClientRects().length > 0)
  .filter((el) => {
    const labels = [...el.labels].map((label) => label.innerText.trim()).join("");
    const labelledBy = (el.getAttribute("aria-labelledby") || "").split(/\\s+/)
      .map((id) => document.getElementById(id)?.innerText.trim() || "").join("");
    return !(labels || (el.getAttribute("aria-label") || "").trim() || labelledBy);
  })
  .map((el) => el.outerHTML)"""


def test_every_visible_search_field_has_a_label(page):
    page.goto("/jobs/")
    page.locator(".filters-panel").evaluate("panel => { panel.open = true; }")  # folded on a phone
    assert page.locator(".job-search input:visible").count() > 10
    assert page.evaluate(UNLABELLED_FIELDS) == []


# Ids that a visible field's aria-describedby names but the page lacks.
MISSING_DESCRIPTIONS = """() => [...document.querySelectorAll("[aria-describedby]")]
  .filter((el) => el.getClientRects().length > 0)
  .flatMap((el) => el.getAttribute("aria-describedby").split(/\\s+/)
    .filter((id) => id && !document.getElementById(id)).map((id) => `#${el.id} -> ${id}`))"""


def test_search_field_descriptions_exist(open_page):
    page = open_page()
    page.goto(PAGES["jobs-form-error"])
    assert page.evaluate(MISSING_DESCRIPTIONS) == []
