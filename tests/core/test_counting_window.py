"""Rate-limit counters in Redis count in one round trip (core.cache.BreakerRedisCache
.count_in_window): the window opens with the first count, lasts its seconds whatever follows,
and counts concurrent attempts exactly. Several values are stored in one round trip too."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from core import ratelimit
from core.cache import BreakerRedisCache
from tests.faults import redis_server


@pytest.fixture(scope="module")
def redis_cache():
    with redis_server() as server:
        yield BreakerRedisCache(server.url, {"OPTIONS": {}})


def round_trips(cache, monkeypatch) -> list[str]:
    sent = []
    client = cache._cache.get_client(write=True)
    real = type(client.connection_pool).get_connection

    def counted(pool, *args, **kwargs):
        sent.append("connection")
        return real(pool, *args, **kwargs)

    monkeypatch.setattr(type(client.connection_pool), "get_connection", counted)
    return sent


def test_the_window_opens_with_the_first_count_and_keeps_its_end(redis_cache, monkeypatch):
    sent = round_trips(redis_cache, monkeypatch)
    assert [redis_cache.count_in_window("k1", 2) for _ in range(3)] == [1, 2, 3]
    assert len(sent) == 3  # one round trip a count
    client = redis_cache._cache.get_client(write=True)
    key = redis_cache.make_and_validate_key("k1")
    assert 0 < client.pttl(key) <= 2000
    time.sleep(1.1)
    redis_cache.count_in_window("k1", 2)  # a count does not move the window's end
    assert client.pttl(key) <= 900
    time.sleep(1.0)
    assert redis_cache.count_in_window("k1", 2) == 1  # a new window
    assert redis_cache.get("k1") == 1  # what Django's add and incr would have stored


def test_concurrent_counts_are_exact(redis_cache):
    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(lambda _: redis_cache.count_in_window("k2", 60), range(50)))
    assert sorted(counts) == list(range(1, 51))


def test_a_limit_counted_in_redis_refuses_past_its_count(redis_cache, monkeypatch):
    monkeypatch.setattr(ratelimit, "caches", {"ratelimit": redis_cache})
    limit = ratelimit.Limit("test-window", 3, 60)
    assert [ratelimit.hit(limit, "10.0.0.1") for _ in range(5)] == [False] * 3 + [True] * 2
    assert ratelimit.hit(limit, "10.0.0.2") is False


def test_several_values_are_stored_with_their_expiry_in_one_round_trip(redis_cache, monkeypatch):
    sent = round_trips(redis_cache, monkeypatch)
    redis_cache.set_many({"a": {"page": 1}, "b": b"\x00bytes", "c": 3}, timeout=30)
    assert len(sent) == 1
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": {"page": 1}, "b": b"\x00bytes", "c": 3}
    client = redis_cache._cache.get_client(write=True)
    for key in "abc":
        assert 0 < client.ttl(redis_cache.make_and_validate_key(key)) <= 30
    redis_cache.set_many({"d": 4}, timeout=None)  # kept until deleted
    assert client.ttl(redis_cache.make_and_validate_key("d")) == -1
    redis_cache.set_many({"a": 5, "d": 6}, timeout=0)  # Django's "expire at once"
    assert redis_cache.get_many(["a", "d"]) == {}
