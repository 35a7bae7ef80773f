"""The expire_jobs command tidies the records; visitors never depend on it having run."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from jobs.choices import JobStatus
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def run() -> str:
    out = StringIO()
    call_command("expire_jobs", "--soon", "7", stdout=out)
    return out.getvalue()


def on_job_list(client) -> set[str]:
    response = client.get("/jobs/")
    assert response.status_code == 200
    return {job.slug for job in response.context["page"].object_list}


def past_expiry(**fields):
    now = timezone.now()
    return make_job(
        posted_at=now - timedelta(days=40), expires_at=now - timedelta(days=1), **fields
    )


def test_a_published_job_past_its_expiry_becomes_expired(client):
    stale = past_expiry(title="Stale job")
    live = make_job(title="Live job")
    assert on_job_list(client) == {live.slug}

    output = run()

    stale.refresh_from_db()
    live.refresh_from_db()
    assert stale.status == JobStatus.EXPIRED
    assert live.status == JobStatus.PUBLISHED
    assert "Archived 1 expired job(s)." in output
    assert on_job_list(client) == {live.slug}


def test_jobs_expiring_soon_are_listed():
    now = timezone.now()
    soon = make_job(title="Closing soon", expires_at=now + timedelta(days=3))
    later = make_job(title="Closing later", expires_at=now + timedelta(days=20))
    stale = past_expiry(title="Already closed")

    output = run()

    assert "1 job(s) expire within 7 days:" in output
    assert soon.title in output and soon.slug in output
    assert later.title not in output and later.slug not in output
    assert stale.title not in output


def test_drafts_pending_and_closed_jobs_are_untouched():
    now = timezone.now()
    draft = make_job(status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    # Unpublished postings may carry a stale expiry; only published ones are archived.
    pending = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=now - timedelta(days=1))
    rejected = past_expiry(status=JobStatus.REJECTED)
    filled = past_expiry(status=JobStatus.FILLED)
    jobs = [draft, pending, rejected, filled]
    before = {job.pk: (job.status, job.expires_at, job.updated_at) for job in jobs}

    output = run()

    for job in jobs:
        job.refresh_from_db()
        assert (job.status, job.expires_at, job.updated_at) == before[job.pk]
    assert "Archived 0 expired job(s)." in output


def test_running_twice_is_harmless(client):
    stale = past_expiry()
    soon = make_job(expires_at=timezone.now() + timedelta(days=3))

    first = run()
    stale.refresh_from_db()
    archived_at = stale.updated_at
    second = run()

    stale.refresh_from_db()
    soon.refresh_from_db()
    assert "Archived 1 expired job(s)." in first
    assert "Archived 0 expired job(s)." in second
    assert stale.status == JobStatus.EXPIRED
    assert stale.updated_at == archived_at
    assert soon.status == JobStatus.PUBLISHED
    assert soon.slug in second
    assert on_job_list(client) == {soon.slug}
