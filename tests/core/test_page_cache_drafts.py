"""Saving something that was not public and still is not (an employer's draft, a posting in
review, a draft guide and its sections) retires no cached page; publishing, closing or editing
something public does."""

import pytest
from django.test import Client

from jobs.choices import JobStatus
from roles.models import GuideSection, Status
from tests.factories import make_company, make_guide, make_job

pytestmark = pytest.mark.django_db


def cached(url: str = "/jobs/") -> bool:
    """Whether the page comes from the page cache (after one request to store it)."""
    return Client().get(url)["X-Page-Cache"] == "hit"


@pytest.fixture
def warm():
    make_job(title="Data Engineer")

    def warm_up(url: str = "/jobs/") -> None:
        assert Client().get(url)["X-Page-Cache"] in ("miss", "hit")
        assert cached(url)

    return warm_up


def test_drafts_and_postings_in_review_retire_nothing(warm):
    company = make_company()
    warm()
    draft = make_job(company=company, status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    assert cached()
    draft.title = "Still a draft"
    draft.save()
    assert cached()
    draft.status = JobStatus.PENDING
    draft.save()
    assert cached()
    draft.status = JobStatus.REJECTED
    draft.save(update_fields=["status"])
    assert cached()


def test_publishing_closing_and_editing_public_postings_retire_pages(warm):
    job = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)
    warm()
    job.status = JobStatus.PUBLISHED
    job.save()
    assert not cached()
    warm()
    job.title = "Senior Data Engineer"
    job.save()
    assert not cached()
    warm()
    job.status = JobStatus.FILLED
    job.save()
    assert not cached()
    warm()
    job.status = JobStatus.DRAFT  # taken back from public: its page must go
    job.save()
    assert not cached()


def test_a_posting_loaded_without_its_status_still_retires(warm):
    job = make_job(status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    warm()
    loaded = type(job).objects.only("title").get(pk=job.pk)
    loaded.title = "Unknown status"
    loaded.save(update_fields=["title"])
    assert not cached()


def test_draft_guides_and_their_sections_retire_nothing(warm):
    guide = make_guide(status=Status.DRAFT)
    warm("/guides/")
    guide.subtitle = "Work in progress"
    guide.save()
    section = GuideSection.objects.select_related("guide").filter(guide=guide).first()
    section.intro = "A new paragraph"
    section.save()
    assert cached("/guides/")
    guide.status = Status.PUBLISHED
    guide.save()
    assert not cached("/guides/")
