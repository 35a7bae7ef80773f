"""A moderator approves a pending posting in the admin; visitors can then open and find it."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from jobs.choices import JobStatus
from jobs.models import Job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "moderator-browser-pass"


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user(
        "moderator", "moderator@example.com", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_moderator_approves_a_pending_job(moderator, open_page, viewport, screenshot):
    job = Job.objects.filter(status=JobStatus.PENDING).order_by("title").first()
    visitor = open_page(viewport)
    assert visitor.goto(job.get_absolute_url()).status == 404

    admin = open_page(viewport)
    admin.goto("/admin/")
    admin.get_by_label("Username").fill(moderator.username)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    admin.locator("#jobs-job").get_by_role("link", name="Jobs").click()
    admin.locator("#changelist-filter").get_by_role("link", name="Pending review").click()
    expect(admin).to_have_url(re.compile(r"status__exact=pending"))
    screenshot(admin, "pending-jobs")

    row = admin.locator("#result_list tbody tr").filter(has_text=job.title)
    expect(row).to_have_count(1)
    row.get_by_role("checkbox").check()
    admin.get_by_role("combobox", name="Action").select_option(
        label="Approve and publish selected jobs"
    )
    admin.get_by_role("button", name="Run").click()
    expect(admin.locator(".messagelist")).to_contain_text("Published 1 job(s).")
    screenshot(admin, "approved")

    assert visitor.goto(job.get_absolute_url()).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(job.title)
    screenshot(visitor, "public-job")
    visitor.goto("/jobs/?" + urlencode({"q": job.title}))
    expect(
        visitor.locator(".results .card-title").get_by_text(job.title, exact=True)
    ).to_be_visible()
    screenshot(visitor, "found-in-search")


def test_moderation_desk_flow(moderator, open_page, screenshot):
    """From the admin index's waiting count to the queue, then a rejection with a reason (first
    without one, which is refused) and an approval, each from a posting's review page."""
    waiting = list(Job.objects.filter(status=JobStatus.PENDING).order_by("submitted_at", "pk"))
    assert len(waiting) >= 2
    rejected, approved = waiting[0], waiting[1]

    admin = open_page("desktop")
    admin.goto("/admin/")
    admin.get_by_label("Username").fill(moderator.username)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    count = admin.locator(".postings-waiting.is-review")
    expect(count).to_contain_text(f"{len(waiting)} postings waiting")
    count.get_by_role("link").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(
        "Postings waiting for review, oldest first"
    )
    rows = admin.locator("#result_list tbody tr")
    expect(rows).to_have_count(len(waiting))
    expect(rows.first).to_contain_text(rejected.title)
    screenshot(admin, "queue")

    rows.first.get_by_role("link", name=rejected.title).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(f"Review: {rejected.title}")
    expect(admin.locator(".site-look .prose")).to_be_visible()
    admin.get_by_role("button", name="Reject with reason").click()
    expect(admin.locator(".errornote")).to_contain_text("needs a reason for the employer")
    admin.get_by_label("Reason for the employer").fill("Say which team the role is in.")
    screenshot(admin, "review")
    admin.get_by_role("button", name="Reject with reason").click()
    expect(admin.locator(".messagelist")).to_contain_text(f"“{rejected.title}”")
    expect(admin.locator(".messagelist")).to_contain_text("is now rejected")
    expect(rows).to_have_count(len(waiting) - 1)

    admin.locator("#result_list").get_by_role("link", name=approved.title).click()
    admin.get_by_role("button", name="Approve and publish").click()
    expect(admin.locator(".messagelist")).to_contain_text("is now published")
    expect(rows).to_have_count(len(waiting) - 2)

    rejected.refresh_from_db()
    approved.refresh_from_db()
    assert (rejected.status, approved.status) == (JobStatus.REJECTED, JobStatus.PUBLISHED)
    assert rejected.status_changes.get(to_status=JobStatus.REJECTED).note == (
        "Say which team the role is in."
    )
