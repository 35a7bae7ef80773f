"""API throttles, counted in the shared cache so that every app server counts together.

Anonymous callers are counted per network address (the one our proxy appended, never one they
sent; an IPv6 address by its /64: core.ratelimit.client_network), signed-in callers per
account. Each request increments one counter atomically (core.ratelimit: a window opens with
the first request and lasts the rate's period), so concurrent requests on several workers
cannot both read the old count: DRF's own throttles read a list of timestamps and write it
back, and under load let 95 and 240 requests through in a minute set to 60. While the cache is
unreachable each app server counts on its own, as the site's other limits do.
"""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from core import ratelimit


class CountingThrottle(SimpleRateThrottle):
    """SimpleRateThrottle's rates and keys, counted with one atomic increment per request."""

    # Parsed from the rate by SimpleRateThrottle.__init__ (the stubs leave them out); both are
    # read only when a rate is set.
    num_requests: int
    duration: int

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        limit = ratelimit.Limit(f"api-{self.scope}", self.num_requests, self.duration)
        return not ratelimit.hit(limit, self.key)

    def wait(self) -> float:
        # The counter's window opened with the first request; waiting its length is enough.
        return float(self.duration)


class AnonymousThrottle(CountingThrottle, AnonRateThrottle):
    scope = "anon"

    def get_ident(self, request) -> str:
        # The site's other limits' sender: an IPv4 address or an IPv6 /64 (core.ratelimit).
        return ratelimit.client_network(request)


class AccountThrottle(CountingThrottle):
    """Signed-in callers (token or session), per account; anonymous ones are left to the other."""

    scope = "user"

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
