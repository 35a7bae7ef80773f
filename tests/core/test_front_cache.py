"""Cached pages answered by the first middleware (core/front_cache.py): the same response the
page got the first time, retired with it, and never for anyone signed in or for the API."""

from unittest import mock

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import caches
from django.test import Client

from core import page_cache
from jobs import moderation
from tests.factories import make_job

pytestmark = pytest.mark.django_db

PER_REQUEST = {"X-Request-ID", "X-Page-Cache"}


def same_headers(one, other) -> bool:
    def kept(response):
        return {name: value for name, value in response.items() if name not in PER_REQUEST}

    return kept(one) == kept(other)


def below_the_front():
    """Watches a middleware below the front one: it runs unless the front answered."""
    original = SessionMiddleware.process_request
    return mock.patch.object(
        SessionMiddleware, "process_request", autospec=True, side_effect=original
    )


@pytest.fixture
def job():
    return make_job(title="Vector Search Engineer")


@pytest.mark.parametrize("encoding", ["gzip, deflate, br", ""])
def test_a_second_view_is_answered_before_the_other_middleware(job, encoding):
    browser = Client(headers={"Accept-Encoding": encoding} if encoding else {})
    first = browser.get(job.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with below_the_front() as sessions:
        second = browser.get(job.get_absolute_url())
    assert not sessions.called  # nothing below the front middleware ran
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert same_headers(first, second)  # security headers, CSP, caching, tags, encoding
    assert second["Content-Security-Policy"] and second["X-Content-Type-Options"] == "nosniff"
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_a_revalidation_is_answered_304_from_the_front(job):
    browser = Client(headers={"Accept-Encoding": "gzip"})
    etag = browser.get("/jobs/")["ETag"]
    with below_the_front() as sessions:
        assert browser.get("/jobs/", headers={"If-None-Match": etag}).status_code == 304
    assert not sessions.called


def test_a_change_retires_the_front_copy_with_the_page(job):
    Client().get("/jobs/")
    assert Client().get("/jobs/")["X-Page-Cache"] == "hit"
    moderation.mark_filled(job, None)
    after = Client().get("/jobs/")
    assert after["X-Page-Cache"] == "miss" and "Vector Search Engineer" not in after.text


def test_another_spelling_of_a_stored_page_is_a_hit_below_the_front(job):
    Client().get("/jobs/?workplace=remote")
    # The page cache keys by the canonical query; the front keeps only what the view stored,
    # under the address as first asked for.
    with below_the_front() as sessions:
        other = Client().get("/jobs/?workplace=remote&page=1")
    assert other["X-Page-Cache"] == "hit" and sessions.called
    with below_the_front() as sessions:
        assert Client().get("/jobs/?workplace=remote")["X-Page-Cache"] == "hit"
    assert not sessions.called


def test_nobody_signed_in_or_with_credentials_gets_the_front_copy(job, django_user_model):
    Client().get("/jobs/")
    assert Client().get("/jobs/")["X-Page-Cache"] == "hit"
    with_credentials = Client().get("/jobs/", headers={"Authorization": "Basic eDp5"})
    assert "private" in with_credentials["Cache-Control"]
    user = django_user_model.objects.create_user("reader", password="x")
    signed_in = Client()
    signed_in.force_login(user)
    with mock.patch.object(page_cache, "read_current", wraps=page_cache.read_current) as read:
        signed_in.get("/jobs/")
    assert not any(call.args[0].startswith("front:") for call in read.call_args_list)


def test_the_api_is_never_answered_from_the_front(job):
    with mock.patch.object(page_cache, "store", wraps=page_cache.store) as stored:
        Client().get("/api/v1/jobs/")
        Client().get("/api/v1/jobs/")
    assert stored.called
    assert not any(call.args[0].startswith("front:") for call in stored.call_args_list)


def test_a_first_view_asks_the_cache_a_few_times(job):
    """The front lookup reads the cache's state once for the whole request; a fragment's tag
    versions come with it; the page and its front copy are written together."""
    other = make_job(title="Feature Store Engineer", company=job.company)
    Client().get(job.get_absolute_url())  # the company's newest postings, now kept
    # Every call the page cache makes to the cache goes through _safely: one round trip each.
    with mock.patch.object(page_cache, "_safely", wraps=page_cache._safely) as calls:
        response = Client().get(other.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    asked = [call.args[0].__name__ for call in calls.call_args_list]
    # The front lookup; the page's check; one write of both copies. The company's newest
    # postings and the pay comparison were read by the first view, and nothing changed since,
    # so this process serves them (page_cache.NearFragments). Before, the same view asked 13
    # times, then 8 with each fragment read from the cache.
    assert asked == ["get_many", "get_many", "set_many"], asked


def test_a_restarted_cache_lets_the_process_serve_fragments_before_any_change(job):
    """A cache that lost everything (Redis restarted or flushed) gets a change token with its
    new generation, so a quiet board's first views read shared fragments from the process at
    once rather than from the cache until the next change."""
    other = make_job(title="Feature Store Engineer", company=job.company)
    for each in caches.all():
        each.clear()
    Client().get(job.get_absolute_url())
    with mock.patch.object(page_cache, "_safely", wraps=page_cache._safely) as calls:
        response = Client().get(other.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    asked = [call.args[0].__name__ for call in calls.call_args_list]
    # As in the test above, and the posting's own tag, lost with the rest, given a version.
    assert asked == ["get_many", "get_many", "add", "set_many"], asked
