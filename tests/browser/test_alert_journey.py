"""A job seeker's alert, in Chromium: "e-mail me" on a role page, the confirmation link from the
e-mail, a matching posting approved, its digest, and the unsubscribe button. The confirmation and
unsubscribe pages post their own forms, which a browser's Origin header must let through."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from alerts import digests
from alerts.models import Alert
from tests.factories import make_job, make_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "seeker@example.com"


def wait_for_mail(count: int) -> list:
    """The live server runs in this process with the locmem backend: its mail lands here."""
    deadline = time.monotonic() + 5
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.outbox) >= count, [m.subject for m in mail.outbox]
    return mail.outbox


def link_in(message, path: str) -> str:
    url = re.search(rf"{re.escape(settings.SITE_URL)}{path}\S+/", message.body).group(0)
    return url.removeprefix(settings.SITE_URL)


def test_alert_journey(open_page, viewport, screenshot):
    mail.outbox.clear()
    role = make_role(name="Retrieval Engineer", slug="retrieval-engineer")
    page = open_page(viewport)
    page.goto(role.get_absolute_url())
    box = page.locator(".alert-box")
    box.get_by_label("Your e-mail address").fill(ADDRESS)
    screenshot(page, "alert-form")
    box.get_by_role("button", name="E-mail me new jobs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")

    (confirmation,) = wait_for_mail(1)
    page.goto(link_in(confirmation, "/alerts/confirm/"))
    page.get_by_role("button", name="Confirm the alert").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your alert is on")
    assert Alert.objects.confirmed().filter(subscriber__email=ADDRESS).count() == 1

    job = make_job(role=role, title="Retrieval Engineer, Search", posted_at=timezone.now())
    mail.outbox.clear()
    digests.send_due_digests(every_alert=True, settle=timedelta(0))
    (digest,) = wait_for_mail(1)
    assert job.title in digest.body

    page.goto(link_in(digest, "/alerts/unsubscribe/"))
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    assert not Alert.objects.filter(subscriber__email=ADDRESS).exists()
