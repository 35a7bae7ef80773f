"""An employer renews a posting at most three times, each only in the last seven days before it
expires (or once it has expired); the dashboard and the confirmation step say why not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import Job
from tests.factories import make_job

from .helpers import DASHBOARD_URL, action_url, client_for, make_employer, make_moderator

pytestmark = pytest.mark.django_db


def expiring_in(days: float, employer, **fields) -> Job:
    return make_job(
        company=employer.company, expires_at=timezone.now() + timedelta(days=days), **fields
    )


def messages_after(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_a_posting_far_from_its_expiry_cannot_be_renewed_yet():
    employer = make_employer()
    job = expiring_in(20, employer)
    client = client_for(employer.user)

    dashboard = client.get(DASHBOARD_URL).content.decode()
    assert action_url(job, "renew") not in dashboard
    assert "Renewable 7 days before expiry" in dashboard
    response = client.post(action_url(job, "renew"))
    html = messages_after(client, response)
    assert "can be renewed from" in html and "in the last 7 days before it expires" in html
    # The confirmation page says so too, before anything is asked.
    assert client.get(action_url(job, "renew")).status_code == 302

    old_expiry = job.expires_at
    job.refresh_from_db()
    assert job.expires_at == old_expiry


def test_three_renewals_then_no_more():
    employer = make_employer()
    job = expiring_in(3, employer)
    client = client_for(employer.user)
    for n in range(moderation.MAX_RENEWALS):
        Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() + timedelta(days=2))
        response = client.post(action_url(job, "renew"))
        html = messages_after(client, response)
        assert "now runs until" in html, n
    assert "That was its last renewal." in html

    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() + timedelta(days=2))
    response = client.post(action_url(job, "renew"))
    html = messages_after(client, response)
    assert "was renewed 3 times, the most a posting may be" in html
    assert "Duplicate it" in html
    job.refresh_from_db()
    assert job.expires_at < timezone.now() + timedelta(days=3)  # not moved on
    assert "Renewed 3 times, the most" in client.get(DASHBOARD_URL).content.decode()
    assert action_url(job, "renew") not in client.get(DASHBOARD_URL).content.decode()


def test_the_message_counts_the_renewals_left():
    employer = make_employer()
    job = expiring_in(1, employer)
    client = client_for(employer.user)
    html = messages_after(client, client.post(action_url(job, "renew")))
    assert "It may be renewed 2 more times." in html


def test_an_expired_posting_can_be_renewed():
    employer = make_employer()
    job = make_job(
        company=employer.company,
        status=JobStatus.EXPIRED,
        posted_at=timezone.now() - timedelta(days=40),
        expires_at=timezone.now() - timedelta(days=10),
    )
    response = client_for(employer.user).post(action_url(job, "renew"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED and job.is_public


def test_a_moderators_extensions_do_not_count():
    employer = make_employer()
    job = expiring_in(2, employer)
    moderator = make_moderator()
    for _ in range(3):
        moderation.renew(job, moderator, days=5)
    assert moderation.renewals_used(job) == 0
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() + timedelta(days=2))
    assert moderation.renewal_refusal(Job.objects.get(pk=job.pk)) is None
