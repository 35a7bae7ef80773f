"""A guide scheduled for a moment reaches every cached list at that moment: the worker's
periodic job (roles.periodic.publish_due, every minute) retires the pages stored before it."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from roles import periodic
from roles.models import Status
from tests.factories import make_guide

pytestmark = pytest.mark.django_db

LISTS = ["/guides/", "/feeds/guides/", "/sitemap-guides.xml", "/", "/api/v1/guides/"]


def shown(url: str, title: str, slug: str) -> bool:
    body = Client().get(url).content.decode()
    return title in body or slug in body


def test_a_scheduled_guide_is_on_every_list_once_its_minute_has_come():
    make_guide(title="Already out")  # the lists have something to cache
    due = timezone.now() + timedelta(minutes=1)
    guide = make_guide(title="Scheduled Guide", slug="scheduled-guide", published_at=due)
    for url in LISTS:
        assert not shown(url, guide.title, guide.slug), url  # cached without it

    later = due + timedelta(seconds=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        # Its own page answers at once; the lists were stored before and still lack it.
        assert Client().get(guide.get_absolute_url()).status_code == 200
        assert not shown("/guides/", guide.title, guide.slug)
        assert "came due" in periodic.publish_due()
        for url in LISTS:
            assert shown(url, guide.title, guide.slug), url


def test_nothing_due_retires_nothing():
    make_guide(published_at=timezone.now() + timedelta(hours=2))
    make_guide(status=Status.DRAFT, published_at=None)
    with mock.patch.object(periodic, "pages_changed") as retire:
        assert periodic.publish_due() == "no scheduled guide came due"
    retire.assert_not_called()


def test_the_worker_checks_every_minute():
    job = settings.PERIODIC_JOBS["publish-scheduled-guides"]
    assert job["call"] == "roles.periodic.publish_due"
    assert job["every"] <= 60 < periodic.LOOK_BACK.total_seconds()
