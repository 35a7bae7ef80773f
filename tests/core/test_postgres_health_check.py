"""The health check of a kept PostgreSQL connection (core/postgresql): no `SELECT 1` for a
working idle connection; one ended by the server is found and replaced before a query fails."""

import time

import pytest
from django.db import connection, connections

from core.postgresql import base
from tests.faults import admin_connection

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the check reads a PostgreSQL connection's socket",
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def kept():
    """A connection of its own, outside the test's transaction, as a worker keeps one."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    wrapper.health_check_enabled = True
    try:
        yield wrapper
    finally:
        wrapper.close()


@pytest.fixture
def round_trips(monkeypatch):
    """Counts Django's own check (the `SELECT 1`)."""
    calls = []
    original = base.base.DatabaseWrapper.is_usable

    def counted(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(base.base.DatabaseWrapper, "is_usable", counted)
    return calls


def test_the_backend_is_the_one_configured():
    assert isinstance(connections["default"], base.DatabaseWrapper)


def test_a_working_connection_checked_a_moment_ago_is_checked_without_a_query(kept, round_trips):
    kept.close_if_unusable_or_obsolete()  # a request starts
    kept.close_if_health_check_failed()  # its first query: the first check, a full one
    assert round_trips == [kept]
    with kept.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)
    kept.close_if_unusable_or_obsolete()  # a request ends
    kept.close_if_health_check_failed()  # the next one's first query
    assert kept.connection is not None
    assert round_trips == [kept]


def test_a_connection_quiet_for_a_while_gets_the_full_check(kept, round_trips, monkeypatch):
    # A host that crashed, or a firewall that forgot the connection, leaves nothing to read.
    assert kept.is_usable() and round_trips == [kept]
    kept.checked_at -= base.QUIET_SECONDS + 1
    assert kept.is_usable()
    assert round_trips == [kept, kept]


def test_a_connection_in_a_transaction_gets_the_full_check(kept, round_trips):
    kept.connection.execute("BEGIN")
    kept.checked_at = base.time.monotonic()
    assert kept.is_usable()
    assert round_trips == [kept]
    kept.connection.execute("ROLLBACK")


def test_a_connection_the_server_ended_is_replaced_before_the_query(kept, round_trips):
    assert kept.is_usable()  # checked a moment ago: the socket decides
    round_trips.clear()
    pid = kept.connection.info.backend_pid
    settings_dict = kept.settings_dict
    with admin_connection(settings_dict) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone() == (True,)
        # The server ends the backend on its own time: wait until it is gone.
        for _ in range(100):
            gone = admin.execute(
                "SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE pid = %s)", [pid]
            )
            if gone.fetchone()[0]:
                break
            time.sleep(0.02)
    kept.close_if_unusable_or_obsolete()
    kept.close_if_health_check_failed()
    assert round_trips == [kept]  # the socket had the server's last words: checked for real
    assert kept.connection is None  # closed, so the next query connects again
    with kept.cursor() as cursor:
        cursor.execute("SELECT 3")
        assert cursor.fetchone() == (3,)
    assert kept.connection.info.backend_pid != pid
