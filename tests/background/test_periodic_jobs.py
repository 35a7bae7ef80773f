"""The site's own periodic jobs, as the worker runs them (settings.PERIODIC_JOBS)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django.utils.module_loading import import_string

from background import schedule
from background.models import ScheduledRun
from tests.factories import make_job

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(settings.PERIODIC_JOBS))
def test_every_periodic_job_runs(name):
    outcome = import_string(settings.PERIODIC_JOBS[name]["call"])()
    assert str(outcome)  # what the run's history shows


def test_an_expired_posting_leaves_every_cached_page_within_five_minutes(
    django_capture_on_commit_callbacks,
):
    assert settings.PERIODIC_JOBS["expire-postings"]["every"] <= 300
    job = make_job(title="Retrieval Engineer")
    pages = ["/", "/jobs/", "/jobs/?workplace=remote", "/feeds/jobs/"]
    for page in pages:
        Client().get(page)
        assert Client().get(page)["X-Page-Cache"] == "hit"
    type(job).objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert "expire-postings" in schedule.enqueue_due()
    assert ScheduledRun.objects.get(name="expire-postings").outcome.startswith(
        "archived 1 expired posting(s)"
    )
    for page in pages:
        assert job.title not in Client().get(page).text, page
