"""With Redis unreachable, pages still serve (every cache read misses) and rate limits still
count, in the app server's memory."""

import pytest
from django.core.cache import caches

from tests.factories import make_job

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connections are refused at once.
DEAD_REDIS = {"LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.5}}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.FailSafeRedisCache", **DEAD_REDIS},
        "ratelimit": {"BACKEND": "core.cache.BreakerRedisCache", **DEAD_REDIS},
    }
    yield
    for cache in caches.all(initialized_only=True):
        cache.close()


@pytest.mark.parametrize("path", ["/", "/jobs/", "/sitemap.xml", "/sitemap-jobs.xml", "/guides/"])
def test_pages_serve_without_the_cache(client, redis_down, path):
    make_job()
    assert client.get(path).status_code == 200


def test_the_page_cache_misses_instead_of_failing(redis_down):
    cache = caches["default"]
    cache.set("key", "value")
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["key"]) == {}
    assert cache.add("key", 1) is False


def test_rate_limits_still_count(client, redis_down):
    data = {"email": "not-an-address", "password": "x", "company_name": "Acme"}
    statuses = [client.post("/employers/sign-up/", data).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
