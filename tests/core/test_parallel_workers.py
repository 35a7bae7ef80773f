"""The app's PostgreSQL connections run each query in one process unless told otherwise
(DATABASE_PARALLEL_WORKERS, core/postgresql)."""

import pytest
from django.db import connection, connections
from django.test import override_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: parallel query workers are a PostgreSQL setting",
    ),
]


def shown_by_a_new_connection() -> str:
    """What a connection opened now says (the test's own stays in its transaction)."""
    fresh = connections.create_connection("default")
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW max_parallel_workers_per_gather")
            return cursor.fetchone()[0]
    finally:
        fresh.close()


def test_a_new_connection_starts_no_parallel_workers():
    assert shown_by_a_new_connection() == "0"


@pytest.mark.parametrize("workers", [2, None])
def test_the_setting_says_how_many_or_leaves_the_servers(workers):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reset_val FROM pg_settings WHERE name = %s", ["max_parallel_workers_per_gather"]
        )
        server = cursor.fetchone()[0]
    with override_settings(DATABASE_PARALLEL_WORKERS=workers):
        assert shown_by_a_new_connection() == (server if workers is None else str(workers))
