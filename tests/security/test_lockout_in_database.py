"""The log-in lockout is counted in the database: it holds on every app server and while Redis
is away, for two small queries per log-in attempt."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import ratelimit
from core.models import LimitCount
from tests.employers.helpers import DASHBOARD_URL, LOG_IN_URL, PASSWORD, make_employer

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "LOCATION": "redis://127.0.0.1:1/6",
    "OPTIONS": {"socket_connect_timeout": 0.2, "breaker_seconds": 30},
}


@pytest.fixture
def redis_away(settings):
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.FailSafeRedisCache", **DEAD_REDIS},
        "ratelimit": {"BACKEND": "core.cache.BreakerRedisCache", **DEAD_REDIS},
    }
    yield
    caches["default"].breaker.succeeded()
    for cache in caches.all(initialized_only=True):
        cache.close()


def another_server() -> Client:
    """A client as if on another app server: what this process counted in memory is gone."""
    ratelimit._fallback.clear()
    return Client()


def fail(client: Client, email: str):
    return client.post(LOG_IN_URL, {"username": email, "password": "wrong-password"})


def test_failures_spread_over_servers_without_redis_lock_the_account(redis_away):
    make_employer("target@victim.example")
    for _ in range(5):
        assert fail(another_server(), "target@victim.example").status_code == 200
    response = another_server().post(
        LOG_IN_URL, {"username": "target@victim.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert LimitCount.objects.get().hits == 6  # the refused attempt counts too (same window)


def test_sessions_hold_without_redis(redis_away):
    make_employer("someone@company.example")
    client = Client()
    response = client.post(
        LOG_IN_URL, {"username": "someone@company.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(DASHBOARD_URL).status_code == 200


def test_a_log_in_attempt_costs_two_small_queries_for_the_lockout():
    make_employer("someone@company.example")
    table = LimitCount._meta.db_table
    for password in ("wrong-password", PASSWORD):
        with CaptureQueriesContext(connection) as queries:
            Client().post(LOG_IN_URL, {"username": "someone@company.example", "password": password})
        assert len([q for q in queries if table in q["sql"]]) == 2, password


def test_a_window_that_has_passed_counts_from_one_again():
    who = "someone@company.example"
    for _ in range(5):
        ratelimit.hit(ratelimit.LOG_IN_FAILURES, who)
    assert ratelimit.exceeded(ratelimit.LOG_IN_FAILURES, who)
    LimitCount.objects.update(window_ends=timezone.now() - timedelta(seconds=1))
    assert not ratelimit.exceeded(ratelimit.LOG_IN_FAILURES, who)
    assert not ratelimit.hit(ratelimit.LOG_IN_FAILURES, who)
    assert LimitCount.objects.get().hits == 1


def test_a_success_clears_the_account_and_every_passed_window():
    ratelimit.hit(ratelimit.LOG_IN_FAILURES, "old@company.example")
    LimitCount.objects.update(window_ends=timezone.now() - timedelta(seconds=1))
    ratelimit.hit(ratelimit.LOG_IN_FAILURES, "other@company.example")
    ratelimit.hit(ratelimit.LOG_IN_FAILURES, "me@company.example")
    ratelimit.clear(ratelimit.LOG_IN_FAILURES, "me@company.example")
    assert LimitCount.objects.count() == 1  # only the other account's open window is left
