"""API throttles, counted in the shared cache so that every app server counts together.

Anonymous callers are counted per network address (the one our proxy appended, never one they
sent: settings.REST_FRAMEWORK["NUM_PROXIES"]), signed-in callers per account. While the cache is
unreachable each app server counts on its own, as the site's other limits do (core.ratelimit).
"""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from core import ratelimit


class SharedCache:
    """The shared rate-limit cache, falling back to this process's memory when it raises."""

    def get(self, key, default=None):
        return ratelimit.store_call("get", key, default)

    def set(self, key, value, timeout=None):
        return ratelimit.store_call("set", key, value, timeout)


class AnonymousThrottle(AnonRateThrottle):
    scope = "anon"
    cache = SharedCache()


class AccountThrottle(SimpleRateThrottle):
    """Signed-in callers (token or session), per account; anonymous ones are left to the other."""

    scope = "user"
    cache = SharedCache()

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
