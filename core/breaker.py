"""A circuit breaker for the shared cache: after a few failed calls in a row, stop calling for a
few seconds, then let one call through to see whether the server is back.

Redis that accepts connections but does not answer (stopped, overloaded, cut off) costs a
whole socket timeout per call; without a breaker every request pays that for each of its cache
calls in turn. With it, a process pays `failures` timeouts, then serves without the cache, and
pays one more every `cooldown` seconds while the server stays away.

One breaker per server address, shared by every thread and every cache alias of the process
that reaches that server (the pages in one Redis database, the rate limits and API throttles in
another of the same server, unless they have a Redis of their own).
"""

import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

log = logging.getLogger(__name__)


class CircuitBreaker:
    """Closed: calls go through. Open: calls are refused until `cooldown` seconds have passed
    since the last failure; then one caller gets through (half open) while the others are still
    refused, and its result closes or reopens the circuit."""

    def __init__(
        self,
        name: str,
        *,
        failures: int = 3,
        cooldown: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.threshold = failures
        self.cooldown = cooldown
        self.clock = clock
        self._lock = threading.Lock()
        self._failures = 0  # in a row
        self._opened_at: float | None = None
        self._probing = False
        # Every failure ever seen, so that callers can tell "something went wrong since I last
        # looked" (the page cache re-syncs its generation then).
        self.failures_seen = 0

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def allow(self) -> bool:
        """Whether a call may go to the server now. In the half-open state only the first
        caller is let through, until it reports back."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self.clock() < self._opened_at + self.cooldown:
                return False
            self._probing = True
            return True

    def succeeded(self) -> None:
        with self._lock:
            was_open = self._opened_at is not None
            self._failures = 0
            self._opened_at = None
            self._probing = False
        if was_open:
            log.warning("Cache %s answers again: circuit closed", self.name)

    def failed(self, error: BaseException | None = None) -> None:
        with self._lock:
            self.failures_seen += 1
            self._failures += 1
            reopen = self._probing or self._failures >= self.threshold
            newly_open = reopen and self._opened_at is None
            if reopen:
                self._opened_at = self.clock()
                self._probing = False
        if newly_open:
            log.error(
                "Cache %s unavailable (%s): circuit open, serving without it for %s s",
                self.name, error, self.cooldown,
            )  # fmt: skip


_breakers: dict[str, CircuitBreaker] = {}
_registry_lock = threading.Lock()


def breaker_for(location: str, *, failures: int = 3, cooldown: float = 5.0) -> CircuitBreaker:
    """The process's breaker for the server at `location` (made on first use), whichever of its
    databases the location names."""
    server = server_address(location)
    with _registry_lock:
        breaker = _breakers.get(server)
        if breaker is None:
            breaker = _breakers[server] = CircuitBreaker(
                server, failures=failures, cooldown=cooldown
            )
        return breaker


def server_address(location: str) -> str:
    """host:port (or a unix socket's path) of a Redis URL, without credentials or database."""
    parts = urlsplit(location)
    return parts.netloc.split("@")[-1] or parts.path or location
