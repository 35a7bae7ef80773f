"""Django's PostgreSQL backend, with a cheaper check that a kept connection still works.

With `conn_health_checks` Django checks a reused connection before each request's first query
with a `SELECT 1`: a round trip and a statement for PostgreSQL on every page that reads the
database (3–5 % of a first view's work here). A connection the server ended in an orderly way
(a restart, an idle timeout, `pg_terminate_backend`) says so on its socket: the server sends
its last words and closes it, so the socket has something to read although nothing was asked.
An idle, working connection has nothing to read. So, while the connection was checked a moment
ago (a busy worker's, request after request), the check looks at the socket, without waiting,
and runs Django's `SELECT 1` only when something arrived unasked or the connection is in any
state but idle. A connection that died silently (a crashed host, a failover that moved the
address, a firewall that forgot it) shows nothing on its socket: after QUIET_SECONDS without a
check, Django's `SELECT 1` runs again, as before, and finds it.
"""

import select
import time

from django.db.backends.postgresql import base
from psycopg import pq

IDLE = pq.TransactionStatus.IDLE
# A connection unchecked for longer gets Django's full check.
QUIET_SECONDS = 5.0


class DatabaseWrapper(base.DatabaseWrapper):
    checked_at = float("-inf")  # (monotonic) when a check last found the connection working

    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        now = time.monotonic()
        if (
            now - self.checked_at > QUIET_SECONDS
            or connection.info.transaction_status != IDLE
            or _has_unasked_input(connection.fileno())
        ):
            usable = super().is_usable()
        else:
            usable = True
        if usable:
            self.checked_at = now
        return usable


def _has_unasked_input(fileno: int) -> bool:
    """True when the server sent something nobody asked for, or the socket cannot be polled
    (then the real check decides). poll() rather than select(): a worker may hold more than
    1,024 descriptors."""
    try:
        poller = select.poll()
        poller.register(fileno, select.POLLIN)
        return bool(poller.poll(0))
    except (AttributeError, OSError, ValueError):  # (no poll() on Windows)
        return True
