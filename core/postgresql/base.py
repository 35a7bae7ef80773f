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

A new connection also says how many parallel workers one query may start. PostgreSQL's default
(two) lets a query that walks an index for a long time hand parts of the walk to worker
processes: a page's query then waits milliseconds for them to start, and each costs CPU that
the board's other requests were using. On a busy web server every core is already serving a
request, so the app's connections run each query in one process (DATABASE_PARALLEL_WORKERS,
default 0): lists 5 % more requests a second on two cores, the traffic mix's p99 132 to 107 ms.

Reads whose statement never changes (core/compiled_reads.py) may be prepared once per session
and then executed by name (`prepared_statement`): PostgreSQL parsed and planned a job page's
posting read (three tables, sixty-seven columns) on every page, 0.6 ms, for an execution of
0.1 ms; executed by name, its plan is kept (DATABASE_PREPARED_READS).
"""

import itertools
import re
import select
import time
from functools import lru_cache
from typing import Any

from django.conf import settings
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

    def _configure_connection(self, connection: Any) -> bool:
        """Django's settings for a new connection, and how many parallel workers a query of
        this connection may start (DATABASE_PARALLEL_WORKERS; None leaves the server's)."""
        # (Called for a new connection and by Django's pool; not in the type stubs.)
        commit = super()._configure_connection(connection)  # type: ignore[misc]
        workers = settings.DATABASE_PARALLEL_WORKERS
        if workers is None:
            return commit
        with connection.cursor() as cursor:
            cursor.execute(f"SET max_parallel_workers_per_gather = {int(workers)}")
        return True

    def prepared_statement(self, name: str, sql: str) -> str | None:
        """`EXECUTE name(%s, …)` for `sql` (Django's placeholders, `name` unique to it), which
        is prepared on this session first if it has not been; None with prepared reads off.
        The names are kept on the session's connection object, so a connection taken again
        from a pool is not asked to prepare a statement twice."""
        if not settings.DATABASE_PREPARED_READS:
            return None
        self.ensure_connection()
        connection = self.connection
        prepared: set[str] | None = getattr(connection, PREPARED, None)
        if prepared is None:
            prepared = set()
            setattr(connection, PREPARED, prepared)
        numbered, count = _numbered(sql)
        if name not in prepared:
            # Through the session itself (setting up a connection, not a query of the page), its
            # errors as Django's: a database gone away reads as Django's OperationalError.
            with self.wrap_database_errors, connection.cursor() as cursor:
                cursor.execute(f"PREPARE {name} AS {numbered}")
            prepared.add(name)
        return f"EXECUTE {name}({', '.join(['%s'] * count)})" if count else f"EXECUTE {name}"


# Django's placeholders, and its escaped percent sign.
PLACEHOLDER = re.compile(r"%%|%s")


@lru_cache(maxsize=256)
def _numbered(sql: str) -> tuple[str, int]:
    """`sql` with PostgreSQL's numbered placeholders ($1, $2…) and plain percent signs, as
    PREPARE takes it, and how many parameters it has: worked out once per statement."""
    numbers = itertools.count(1)
    numbered = PLACEHOLDER.sub(
        lambda found: "%" if found.group() == "%%" else f"${next(numbers)}", sql
    )
    return numbered, next(numbers) - 1


# The statements prepared on a session, an attribute of its psycopg connection.
PREPARED = "_jobboard_prepared"


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
