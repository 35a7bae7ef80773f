"""Every e-mail: a subject, plain text and HTML, absolute links to the site, the reason."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from employers.accounts import send_verification
from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import StatusChange
from tests.factories import make_job

from .helpers import make_employer, make_moderator, make_pending

pytestmark = pytest.mark.django_db

SITE = "https://board.example"
REASON = "The apply link goes to a 404 page."


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def employer():
    return make_employer("boss@acme.example")


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def expiring_subject(job) -> str:
    local = timezone.localtime(job.expires_at)
    return f"Expires {local:%B} {local.day}: {job.title}"


def check_message(message, *, to: list[str], subject: str, must_link: list[str], reason=None):
    assert message.to == to
    assert message.subject == subject
    assert "\n" not in message.subject
    assert message.body.strip()
    assert len(message.alternatives) == 1
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert html.lstrip().lower().startswith("<!doctype html>")
    for path in must_link:
        assert f"{SITE}{path}" in message.body, path
        assert f"{SITE}{path}" in html, path
    for url in links(message.body) + links(html):
        assert url.startswith(SITE), url
    if reason is not None:
        assert reason in message.body
        assert reason in html


def sent(capture, step, *args) -> list:
    with capture(execute=True):
        step(*args)
    return list(mail.outbox)


def test_verification(employer, settings, django_capture_on_commit_callbacks):
    (message,) = sent(django_capture_on_commit_callbacks, send_verification, employer)
    check_message(
        message,
        to=["boss@acme.example"],
        subject=f"Confirm your e-mail address for {settings.SITE_NAME}",
        must_link=["/employers/verify/"],
    )


@pytest.mark.parametrize("resubmitted", [False, True])
def test_submitted(employer, django_capture_on_commit_callbacks, resubmitted):
    moderator = make_moderator()
    status = JobStatus.REJECTED if resubmitted else JobStatus.DRAFT
    job = make_job(company=employer.company, status=status, posted_at=None, expires_at=None)
    (message,) = sent(django_capture_on_commit_callbacks, moderation.submit, job, employer.user)
    check_message(
        message,
        to=[moderator.email],
        subject=f"To review: {job.title} at {employer.company.name}",
        must_link=[reverse("admin:jobs_job_review", args=[job.pk])],
    )
    came_back = "came back for review" in message.body
    assert came_back is resubmitted


@pytest.mark.parametrize("note", ["", "Nice posting."])
def test_approved(employer, django_capture_on_commit_callbacks, note):
    job = make_pending(employer.company)
    moderator = make_moderator()
    (message,) = sent(django_capture_on_commit_callbacks, moderation.approve, job, moderator, note)
    check_message(
        message,
        to=["boss@acme.example"],
        subject=f"Your posting is live: {job.title}",
        must_link=[job.get_absolute_url(), reverse("employers:dashboard")],
        reason=note or None,
    )
    assert ("The moderator added" in message.body) is bool(note)


@pytest.mark.parametrize(
    ("step", "subject"),
    [
        (moderation.request_changes, "Changes requested: "),
        (moderation.reject, "Not published: "),
    ],
    ids=["changes", "rejected"],
)
def test_sent_back(employer, django_capture_on_commit_callbacks, step, subject):
    job = make_pending(employer.company)
    moderator = make_moderator()
    (message,) = sent(django_capture_on_commit_callbacks, step, job, moderator, REASON)
    check_message(
        message,
        to=["boss@acme.example"],
        subject=f"{subject}{job.title}",
        must_link=[reverse("employers:edit", args=[job.pk]), reverse("employers:dashboard")],
        reason=REASON,
    )


def test_expiring(employer, django_capture_on_commit_callbacks):
    job = make_job(company=employer.company, expires_at=timezone.now() + timedelta(days=3))
    (message,) = sent(django_capture_on_commit_callbacks, moderation.warn_expiring, job)
    check_message(
        message,
        to=["boss@acme.example"],
        subject=expiring_subject(job),
        must_link=[reverse("employers:dashboard")],
    )


def test_expired(employer, django_capture_on_commit_callbacks):
    job = make_job(company=employer.company, expires_at=timezone.now() - timedelta(hours=1))
    (message,) = sent(django_capture_on_commit_callbacks, moderation.expire, job)
    check_message(
        message,
        to=["boss@acme.example"],
        subject=f"Expired: {job.title}",
        must_link=[reverse("employers:dashboard")],
    )


def test_password_reset(employer, client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("employers:password-reset"), {"email": "boss@acme.example"})
    (message,) = mail.outbox
    check_message(
        message,
        to=["boss@acme.example"],
        subject=f"Reset your {settings.SITE_NAME} password",
        must_link=["/employers/password/reset/"],
    )


def test_only_verified_members_are_written_to(django_capture_on_commit_callbacks):
    employer = make_employer("boss@acme.example")
    make_employer("new@acme.example", company=employer.company, verified=False)
    job = make_pending(employer.company)
    messages = sent(
        django_capture_on_commit_callbacks, moderation.reject, job, make_moderator(), REASON
    )
    assert [m.to for m in messages] == [["boss@acme.example"]]


def expire_jobs(capture) -> str:
    out = io.StringIO()
    with capture(execute=True):
        call_command("expire_jobs", stdout=out)
    return out.getvalue()


def test_expire_jobs_warns_once_per_expiry_date(employer, django_capture_on_commit_callbacks):
    job = make_job(company=employer.company, expires_at=timezone.now() + timedelta(days=3))
    expire_jobs(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == [expiring_subject(job)]
    expire_jobs(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1, "the same expiry is announced once"

    # Renewed, then close to the new expiry: a new notice for the new date.
    job.refresh_from_db()
    job.expires_at = job.expires_at + timedelta(days=2)
    job.save()
    expire_jobs(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_expire_jobs_archives_and_writes(employer, django_capture_on_commit_callbacks):
    job = make_job(company=employer.company, expires_at=timezone.now() - timedelta(minutes=5))
    far = make_job(company=employer.company, expires_at=timezone.now() + timedelta(days=20))
    output = expire_jobs(django_capture_on_commit_callbacks)
    assert "Archived 1 expired job(s)." in output
    job.refresh_from_db()
    assert job.status == JobStatus.EXPIRED
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.from_status, change.to_status) == (
        None,
        JobStatus.PUBLISHED,
        JobStatus.EXPIRED,
    )
    assert [m.subject for m in mail.outbox] == [f"Expired: {job.title}"]
    far.refresh_from_db()
    assert far.status == JobStatus.PUBLISHED
    expire_jobs(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1, "an expired posting is written about once"
