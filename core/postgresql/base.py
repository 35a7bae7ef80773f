"""Django's PostgreSQL backend, with a cheaper check that a kept connection still works.

With `conn_health_checks` Django checks a reused connection before each request's first query
with a `SELECT 1`: a round trip and a statement for PostgreSQL on every page that reads the
database (3–5 % of a first view's work here). A connection the server has ended (a restart, an
idle timeout, `pg_terminate_backend`) says so on its socket: the server sends its last words
and closes it, so the socket has something to read although nothing was asked. An idle, working
connection has nothing to read. So the check looks at the socket first, without waiting, and
runs Django's `SELECT 1` only when something arrived unasked (or the connection is in any state
but idle); a dead connection is then found and replaced before the request's query, as before.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq

IDLE = pq.TransactionStatus.IDLE


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != IDLE or _has_unasked_input(connection.fileno()):
            return super().is_usable()
        return True


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
