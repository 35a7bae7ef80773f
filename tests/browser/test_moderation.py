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
