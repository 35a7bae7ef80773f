"""A Redis cache that a Redis outage cannot take the site down with: reads miss, writes are
dropped, and the site keeps serving from the database."""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# Answers while Redis is unreachable: what an empty cache would say.
MISS_RESULTS = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "add": lambda args, kwargs: False,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
}


def _fail_safe(name: str) -> Callable[..., Any]:
    method = getattr(RedisCache, name)
    miss = MISS_RESULTS.get(name, lambda args, kwargs: None)

    @wraps(method)
    def wrapped(self: RedisCache, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            log.warning("Cache unavailable (%s: %s); serving without it", name, error)
            return miss(args, kwargs)

    return wrapped


class FailSafeRedisCache(RedisCache):
    """RedisCache whose page-caching operations never raise when Redis is down. Counters
    (`incr`, `decr`) still raise, so rate limits know to count elsewhere."""


for _name in ("get", "get_many", "set", "set_many", "add", "touch", "delete", "delete_many",
              "has_key", "clear"):  # fmt: skip
    setattr(FailSafeRedisCache, _name, _fail_safe(_name))
