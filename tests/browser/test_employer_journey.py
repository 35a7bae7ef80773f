"""An employer signs up, confirms the address, posts a job and gets it through review."""

import re
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from employers.models import Employer
from jobs.choices import JobStatus
from jobs.models import Job
from tests.employers.helpers import make_employer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODERATOR_PASSWORD = "moderator-browser-pass"
EMPLOYER_EMAIL = "talent@quantumleaf.example"
EMPLOYER_PASSWORD = "quantum-leaf-browser-pass"
TITLE = "Applied Scientist, Ranking"
REASON = "Say which team this is for and state the salary range."

# Every field of the posting form, by the label people see (optional ones say so).
JOB_FIELDS = [
    "Job title",
    "Role",
    "Employment type",
    "Experience level",
    "Description",
    "Skills and tags",
    "Where the work happens",
    "Where remote applicants may live",
    "Street address",
    "City or town",
    "State or region",
    "Postal code",
    "Country",
    "Salary from",
    "Salary up to",
    "Salary currency",
    "Salary period",
    "Apply at (web address)",
    "Apply by e-mail",
]


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user(
        "moderator", "moderator@example.com", MODERATOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def wait_for_mail(count: int) -> list:
    """The live server runs in this process with the locmem backend: its mail lands here."""
    deadline = time.monotonic() + 5
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.outbox) >= count, [m.subject for m in mail.outbox]
    return mail.outbox


def site_path(url: str) -> str:
    assert url.startswith(settings.SITE_URL), url
    return url.removeprefix(settings.SITE_URL)


def review(admin, decision: str, note: str = "") -> None:
    admin.goto("/admin/")
    admin.locator(".postings-waiting.is-review").get_by_role("link").click()
    row = admin.locator("#result_list tbody tr").filter(has_text=TITLE)
    expect(row).to_have_count(1)
    row.get_by_role("link", name=TITLE).click()
    if note:
        admin.get_by_label("Reason for the employer").fill(note)
    admin.get_by_role("button", name=decision, exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text(TITLE)


def test_employer_journey(moderator, open_page, viewport, screenshot):
    mail.outbox.clear()
    employer = open_page(viewport)

    # Sign up through the form.
    employer.goto("/employers/")
    employer.get_by_role("link", name="Post a job").first.click()
    employer.get_by_label("Work e-mail").fill(EMPLOYER_EMAIL)
    employer.get_by_label("Password").fill(EMPLOYER_PASSWORD)
    employer.get_by_label("Company", exact=True).fill("Quantum Leaf")
    employer.get_by_label("Company website").fill("quantumleaf.example")
    screenshot(employer, "sign-up")
    employer.get_by_role("button", name="Create account").click()
    expect(employer.get_by_role("heading", level=1)).to_have_text("Check your inbox")

    # Confirm the address with the link from the e-mail, then log in.
    (verification,) = wait_for_mail(1)
    assert verification.to == [EMPLOYER_EMAIL]
    link = re.search(r"\S+/employers/verify/\S+/", verification.body).group(0)
    employer.goto(site_path(link))
    expect(employer.get_by_text(f"{EMPLOYER_EMAIL} is confirmed")).to_be_visible()
    assert Employer.objects.get(user__email=EMPLOYER_EMAIL).is_verified
    mail.outbox.clear()
    employer.get_by_label("E-mail").fill(EMPLOYER_EMAIL)
    employer.get_by_label("Password").fill(EMPLOYER_PASSWORD)
    employer.get_by_role("button", name="Log in").click()
    expect(employer.get_by_role("heading", level=1)).to_have_text("Your postings")

    # Write the posting: every field is reachable by its label.
    employer.get_by_role("link", name="Post a job").first.click()
    form = employer.locator("form.job-form")
    for label in JOB_FIELDS:
        expect(form.get_by_label(label)).to_have_count(1)
    employer.get_by_label("Job title").fill(TITLE)
    employer.get_by_label("Employment type").select_option(label="Full Time")
    employer.get_by_label("Experience level").select_option(label="Senior-level / Expert")
    employer.get_by_label("Description").fill("Improve **search ranking**.\n\n- Python\n- Spark")
    employer.get_by_label("Skills and tags").fill("Python, Spark, Learning to rank")
    employer.get_by_label("Where the work happens").select_option(label="Hybrid")
    employer.get_by_label("City or town").fill("Lisbon")
    employer.get_by_label("Country").select_option("PT")
    employer.get_by_label("Apply at (web address)").fill("https://quantumleaf.example/jobs/1")
    screenshot(employer, "job-form")
    employer.get_by_role("button", name="Save and preview").click()
    expect(employer.get_by_role("region", name="Preview")).to_be_visible()
    expect(employer.get_by_role("heading", level=1)).to_have_text(TITLE)
    screenshot(employer, "preview")
    employer.get_by_role("button", name="Submit for review").click()
    expect(employer.get_by_text("is in the review queue")).to_be_visible()
    job = Job.objects.get(title=TITLE)
    assert job.status == JobStatus.PENDING
    assert wait_for_mail(1)[0].to == [moderator.email]

    # The moderator rejects it with a reason.
    admin = open_page(viewport)
    admin.goto("/admin/")
    admin.get_by_label("Username").fill(moderator.username)
    admin.get_by_label("Password").fill(MODERATOR_PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    review(admin, "Reject with reason", REASON)
    screenshot(admin, "rejected")

    # The employer reads the reason, edits and submits again.
    employer.goto("/employers/dashboard/")
    expect(employer.locator(".review-note")).to_contain_text(REASON)
    screenshot(employer, "dashboard-with-reason")
    employer.get_by_role("list", name=f"Actions for {TITLE}").get_by_role(
        "link", name="Edit"
    ).click()
    employer.get_by_label("Salary from").fill("95000")
    employer.get_by_label("Salary up to").fill("125000")
    employer.get_by_label("Salary currency").select_option("EUR")
    employer.get_by_label("Description").fill(
        "Join the **Ranking team**: improve search ranking.\n\n- Python\n- Spark"
    )
    employer.get_by_role("button", name="Save and preview").click()
    employer.get_by_role("button", name="Submit for review").click()
    expect(employer.get_by_text("is in the review queue")).to_be_visible()

    # Approved: the job is on the board.
    review(admin, "Approve and publish")
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    visitor = open_page(viewport)
    visitor.goto("/jobs/")
    expect(visitor.locator(".results").get_by_text(TITLE, exact=True)).to_be_visible()
    assert visitor.goto(job.get_absolute_url()).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    screenshot(visitor, "public-job")

    # Somebody from another company gets "not found" for its edit page.
    make_employer("someone@elsewhere.example", password=EMPLOYER_PASSWORD)
    stranger = open_page(viewport)
    stranger.goto("/employers/log-in/")
    stranger.get_by_label("E-mail").fill("someone@elsewhere.example")
    stranger.get_by_label("Password").fill(EMPLOYER_PASSWORD)
    stranger.get_by_role("button", name="Log in").click()
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Your postings")
    assert stranger.goto(f"/employers/jobs/{job.pk}/edit/").status == 404
