"""A visitor reports a posting; a moderator finds it on the desk and takes it down. The footer's
pages and the contact form, as a visitor uses them."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from jobs.choices import JobStatus
from jobs.models import Job
from pages.models import ContactMessage
from reports.models import Outcome, Reason, Report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "moderator-browser-pass"
REASON = "The posting asks candidates to pay for their own background check."


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user(
        "moderator", "moderator@example.com", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_a_visitor_reports_a_job_and_a_moderator_takes_it_down(
    moderator, open_page, viewport, screenshot
):
    job = Job.objects.public().order_by("-posted_at", "pk").first()
    visitor = open_page(viewport)
    visitor.goto(job.get_absolute_url())
    visitor.get_by_role("link", name="Report this job").click()
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(job.title)
    visitor.get_by_role("button", name="Send the report").click()
    expect(visitor.locator(".errorlist")).to_contain_text("Choose what is wrong")
    visitor.get_by_label("Scam, or asks for money").check()
    visitor.get_by_label("Details").fill("They asked me to pay 80 USD for a background check.")
    visitor.get_by_label("Your e-mail, to hear the outcome").fill("reader@example.com")
    screenshot(visitor, "report-form")
    visitor.get_by_role("button", name="Send the report").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Thank you for your report")
    screenshot(visitor, "thanks")
    report = Report.objects.get()
    assert (report.job_id, report.reason) == (job.pk, Reason.SCAM)

    admin = open_page("desktop")
    admin.goto("/admin/")
    admin.get_by_label("Username").fill(moderator.username)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    count = admin.locator(".postings-waiting").filter(has_text="reported")
    expect(count).to_contain_text("1 posting reported")
    count.get_by_role("link").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(
        "Reported postings, newest report first"
    )
    row = admin.locator("#result_list tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Scam, or asks for money (1)")
    screenshot(admin, "reported-postings")
    row.get_by_role("link", name=job.title).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(f"Reports: {job.title}")
    expect(admin.locator(".report-list")).to_contain_text("80 USD for a background check")
    admin.get_by_role("button", name="Take the posting down").click()
    expect(admin.locator(".errornote")).to_contain_text("Give the employer a reason")
    admin.get_by_label("Reason for the employer").fill(REASON)
    screenshot(admin, "desk")
    admin.get_by_role("button", name="Take the posting down").click()
    expect(admin.locator(".messagelist")).to_contain_text("taken down; 1 report closed")
    expect(admin.locator("#result_list")).to_have_count(0)

    job.refresh_from_db()
    assert job.status == JobStatus.REJECTED
    assert job.report_decisions.get().outcome == Outcome.TAKEN_DOWN
    assert visitor.goto(job.get_absolute_url()).status == 404


def test_the_footer_pages_and_the_contact_form(open_page, viewport, screenshot):
    visitor = open_page(viewport)
    visitor.goto("/")
    footer = visitor.get_by_role("navigation", name="Footer")
    for name in ["About", "Contact", "Privacy", "Terms", "How moderation works"]:
        expect(footer.get_by_role("link", name=name, exact=True)).to_be_visible()
    footer.get_by_role("link", name="Privacy", exact=True).click()
    expect(visitor).to_have_url(re.compile(r"/privacy/$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Privacy")
    expect(visitor.locator(".prose")).to_contain_text("Reports of postings")
    screenshot(visitor, "privacy")
    visitor.get_by_role("navigation", name="Footer").get_by_role("link", name="Contact").click()
    visitor.get_by_label("Your name").fill("Ada Reader")
    visitor.get_by_label("Your e-mail").fill("ada@example.com")
    visitor.get_by_label("Subject").fill("A pay figure looks wrong")
    visitor.get_by_label("Message").fill("The median for data engineers in Berlin seems high.")
    screenshot(visitor, "contact")
    visitor.get_by_role("button", name="Send the message").click()
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("your message is on its way")
    assert ContactMessage.objects.get().subject == "A pay figure looks wrong"
