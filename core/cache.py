"""Redis caches that a Redis outage cannot take the site down with.

Both aliases go through one circuit breaker per Redis server (core/breaker.py): after a few
calls in a row fail (refused, or no answer within the socket timeout), no call goes to Redis for
a few seconds, and then one probe does. `BreakerRedisCache` ("ratelimit": the rate limits and
the API throttles, through core.ratelimit, in a Redis database of their own) raises
`CacheUnavailable` meanwhile, so that they know to count elsewhere; `FailSafeRedisCache`
("default": pages and fragments) answers as an empty cache would: reads miss, writes are
dropped, and the site keeps serving from the database.
"""

import logging
import re
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.breaker import breaker_for

log = logging.getLogger(__name__)

# What the breaker counts as the server being away; any other answer (an error reply, a
# missing counter) shows that it is there.
SERVER_AWAY = (RedisConnectionError, RedisTimeoutError, OSError)

# (`decr` is `incr` of a negative amount: guarding both would count one call twice.)
GUARDED = ("get", "get_many", "set", "set_many", "add", "touch", "delete", "delete_many",
           "has_key", "clear", "incr", "ping", "count_in_window")  # fmt: skip
FAIL_SAFE = ("get", "get_many", "set", "set_many", "add", "touch", "delete", "delete_many",
             "has_key", "clear")  # fmt: skip

# Answers while Redis is unreachable: what an empty cache would say.
MISS_RESULTS = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "add": lambda args, kwargs: False,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
}


class CacheUnavailable(RedisError):
    """Redis was not called: its circuit is open."""


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(method)
    def wrapped(self: "BreakerRedisCache", *args: Any, **kwargs: Any) -> Any:
        breaker = self.breaker
        if not breaker.allow():
            raise CacheUnavailable(f"circuit open for {breaker.name}")
        try:
            result = method(self, *args, **kwargs)
        except SERVER_AWAY as error:
            breaker.failed(error)
            raise
        except BaseException:
            breaker.succeeded()  # the server answered (an error reply, a missing key)
            raise
        breaker.succeeded()
        return result

    return wrapped


class ReusedClients(RedisCacheClient):
    """Django's client builds a new redis.Redis for every call, and each build fills a table of
    about 200 reply handlers: a tenth of a millisecond, several times a page. One per pool is
    enough (each takes its connections from the pool as before)."""

    # Set by RedisCacheClient (private, so the type stubs leave them out).
    _servers: list[str]
    _pools: dict[int, Any]
    _pool_class: Any
    _pool_options: dict[str, Any]
    _client: Any
    _serializer: Any
    _get_connection_pool_index: Callable[[bool], int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                self._pools[index] = pool
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client

    def set_many(self, data: Mapping[Any, Any], timeout: Any) -> None:
        """Each value SET with its expiry, the commands sent together: Django's MULTI, MSET, an
        EXPIRE per key and EXEC made five replies for a page and its front copy, this two. (Not
        atomic: a failure between two keys leaves one stored, which a cache may.)"""
        client = self.get_client(None, write=True)
        if timeout == 0:
            client.delete(*data)  # as Django's set of a zero timeout
            return
        pipeline = client.pipeline(transaction=False)
        for key, value in data.items():
            pipeline.set(key, self._serializer.dumps(value), ex=timeout)
        pipeline.execute()


class BreakerRedisCache(RedisCache):
    """RedisCache behind the process's circuit breaker for its server. Raises while Redis is
    away (`CacheUnavailable` without calling it while the circuit is open).

    OPTIONS may hold `breaker_failures` (failures in a row that open the circuit, default 3) and
    `breaker_seconds` (how long it stays open before a probe, default 5); the rest go to
    redis-py as usual."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        failures = options.pop("breaker_failures", 3)
        cooldown = options.pop("breaker_seconds", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClients
        first = (re.split("[;,]", server) if isinstance(server, str) else server)[0]
        self.breaker = breaker_for(first, failures=failures, cooldown=cooldown)

    def ping(self) -> bool:
        return bool(self._cache.get_client(write=True).ping())

    def count_in_window(self, key: str, seconds: int) -> int:
        """One more in the counter `key`, whose window opens with its first count and lasts
        `seconds`: the count so far. One round trip (MULTI: the window's opening, then the
        increment); Django's `add` and `incr` take three (`incr` asks whether the key exists
        first)."""
        key = self.make_and_validate_key(key)
        pipe = self._cache.get_client(key, write=True).pipeline(transaction=True)
        pipe.set(key, 0, nx=True, ex=seconds)  # as add(key, 0, seconds) stores it
        pipe.incr(key)
        return int(pipe.execute()[1])

    def unavailable_reason(self) -> str | None:
        """None when Redis answers a ping now; otherwise why it does not (for /healthz)."""
        try:
            self.ping()
        except CacheUnavailable:
            return "circuit open"
        except RedisError as error:
            return f"{type(error).__name__}: {error}"
        return None


for _name in GUARDED:
    setattr(BreakerRedisCache, _name, _guarded(getattr(BreakerRedisCache, _name)))


def _fail_safe(name: str) -> Callable[..., Any]:
    method = getattr(BreakerRedisCache, name)
    miss = MISS_RESULTS.get(name, lambda args, kwargs: None)

    @wraps(method)
    def wrapped(self: BreakerRedisCache, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except CacheUnavailable:
            return miss(args, kwargs)  # said once, when the circuit opened
        except RedisError as error:
            log.warning("Cache unavailable (%s: %s); serving without it", name, error)
            return miss(args, kwargs)

    return wrapped


class FailSafeRedisCache(BreakerRedisCache):
    """BreakerRedisCache whose page-caching operations never raise when Redis is away. Counters
    (`incr`, and `decr` through it) still raise, so rate limits know to count elsewhere."""


for _name in FAIL_SAFE:
    setattr(FailSafeRedisCache, _name, _fail_safe(_name))
