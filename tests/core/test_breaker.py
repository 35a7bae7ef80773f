"""The circuit breaker in front of Redis: a few failures open it, a probe after the cooldown
closes or reopens it, and only one caller probes at a time."""

import threading

import pytest
from django.core.cache import caches
from redis.exceptions import ConnectionError as RedisConnectionError

from core import breaker
from core.breaker import CircuitBreaker
from core.cache import CacheUnavailable


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_opens_after_failures_in_a_row_and_lets_one_probe_through_after_the_cooldown():
    clock = Clock()
    breaker = CircuitBreaker("redis", failures=3, cooldown=5, clock=clock)
    breaker.failed()
    breaker.succeeded()  # a success in between starts the count again
    breaker.failed()
    breaker.failed()
    assert breaker.allow() and not breaker.is_open
    breaker.failed()
    assert breaker.is_open and not breaker.allow()
    clock.now += 4.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # everyone else waits for it
    breaker.failed()  # the probe failed: open for another cooldown
    assert not breaker.allow()
    clock.now += 5.1
    assert breaker.allow()
    breaker.succeeded()
    assert not breaker.is_open and breaker.allow() and breaker.allow()
    assert breaker.failures_seen == 5


def test_one_probe_among_many_threads():
    clock = Clock()
    breaker = CircuitBreaker("redis", failures=1, cooldown=1, clock=clock)
    breaker.failed()
    clock.now += 2
    allowed = []
    barrier = threading.Barrier(16)

    def call():
        barrier.wait()
        allowed.append(breaker.allow())

    threads = [threading.Thread(target=call) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 1


@pytest.fixture
def dead_redis(settings):
    # Nothing listens on port 1: every call is refused at once.
    location = "redis://127.0.0.1:1/7"
    # Breakers are per server, made on first use: other tests' dead Redis on port 1 may have made
    # this one with their thresholds. Start from a breaker with these.
    breaker._breakers.pop(breaker.server_address(location), None)
    options = {"socket_connect_timeout": 0.2, "breaker_failures": 2, "breaker_seconds": 30}
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailSafeRedisCache",
            "LOCATION": location,
            "OPTIONS": options,
        },
        "ratelimit": {
            "BACKEND": "core.cache.BreakerRedisCache",
            "LOCATION": location,
            "OPTIONS": options,
        },
    }
    yield caches["default"], caches["ratelimit"]
    for cache in caches.all(initialized_only=True):
        cache.close()
    caches["default"].breaker.succeeded()  # leave it closed for whoever comes next
    breaker._breakers.pop(breaker.server_address(location), None)


def test_every_alias_of_one_server_shares_its_breaker(dead_redis):
    default, ratelimit = dead_redis
    assert default.breaker is ratelimit.breaker
    assert default.get("a", "missed") == "missed"
    with pytest.raises(RedisConnectionError):  # refused: the second failure in a row
        ratelimit.incr("counter")
    assert default.breaker.is_open
    # Open: nothing is called, pages miss, counters say the cache is away.
    assert default.get("a", "missed") == "missed"
    with pytest.raises(CacheUnavailable):
        ratelimit.incr("counter")
    assert "circuit open" in default.unavailable_reason()


@pytest.mark.django_db
def test_healthz_says_degraded_but_stays_in_rotation_unless_strict(client, dead_redis):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().startswith("degraded: cache unavailable (")
    for _ in range(3):  # the probes open the circuit; then Redis is not even called
        client.get("/healthz")
    response = client.get("/healthz?strict=1")
    assert response.status_code == 503
    assert response.content == b"degraded: cache unavailable (circuit open)\n"


@pytest.mark.django_db
def test_healthz_without_redis_is_simply_ok(client):
    for address in ("/healthz", "/healthz?strict=1"):
        response = client.get(address)
        assert (response.status_code, response.content) == (200, b"ok\n")
