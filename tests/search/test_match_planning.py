"""Keyword searches planned from the GIN index on PostgreSQL: the planner is told what matching a
stored vector costs, and where it was not, a capped count of a keyword is planned without
sequential scans and leaves the session as it found it."""

import pytest
from django.db import DataError, connection, connections

from core.textsearch import engine
from jobs.models import Job
from jobs.pagination import CountUpTo
from tests.factories import make_job

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: planner costs and settings (SQLite has no planner to steer)",
    ),
]


def seqscan() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return cursor.fetchone()[0]


def match_cost() -> float:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT procost FROM pg_proc WHERE oid = %s::regprocedure", [engine.MATCH_FUNCTION]
        )
        return cursor.fetchone()[0]


@pytest.fixture
def untold(monkeypatch):
    """A database whose user could not set the match's cost."""
    monkeypatch.setattr(engine, "_planner_knows_the_match_cost", lambda alias: False)


def test_the_migration_told_the_planner_what_a_match_costs():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_has_role(proowner, 'USAGE') FROM pg_proc WHERE oid = %s::regprocedure",
            [engine.MATCH_FUNCTION],
        )
        if not cursor.fetchone()[0]:
            pytest.skip("the database user may not set a built-in function's cost")
    assert match_cost() == engine.MATCH_COST


def test_a_capped_keyword_count_is_steered(untold):
    for n in range(3):
        make_job(title=f"Vision Engineer {n}")
    make_job(title="Data Analyst")
    steered = []
    counted = CountUpTo(Job.objects.public().search("vision"), cap=2)

    def spy(execute, sql, params, many, context):
        steered.append(seqscan() if "COUNT(*)" in sql else None)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        assert counted.count() == 2 and not counted.exact
    assert "off" in steered  # the count itself ran with sequential scans off


# In autocommit, as a request runs: a test's own transaction would hold SET LOCAL to its end.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_setting_ends_with_the_count_and_with_a_failed_one(untold):
    make_job(title="Vision Engineer")
    queryset = Job.objects.public().search("vision")
    assert CountUpTo(queryset, cap=5).count() == 1
    assert seqscan() == "on"
    with (
        pytest.raises(DataError),
        engine.planned_from_the_index(queryset),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT 1/0")
    assert seqscan() == "on"


def test_without_a_keyword_nothing_is_steered(untold):
    make_job(title="Data Analyst")
    steered = []

    def spy(execute, sql, params, many, context):
        steered.append(seqscan() if "COUNT(*)" in sql else None)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        assert CountUpTo(Job.objects.public(), cap=10).count() == 1
    assert "off" not in steered and "on" in steered


def test_a_failed_steered_count_raises_its_own_error(untold):
    make_job(title="Vision Engineer")
    queryset = Job.objects.public().search("vision")
    with (
        pytest.raises(DataError),  # the query's error, nothing from the setting
        engine.planned_from_the_index(queryset),
        connection.cursor() as cursor,
    ):
        assert seqscan() == "off"
        cursor.execute("SELECT 1/0")


def indexscan() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_indexscan")
        return cursor.fetchone()[0]


def test_a_keyword_count_is_planned_from_the_indexes_in_its_own_statement():
    for n in range(3):
        make_job(title=f"Vision Engineer {n}")
    make_job(title="Data Analyst")
    sent = []

    def spy(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        counted = CountUpTo(Job.objects.public().search("vision"), cap=2)
        assert counted.count() == 2 and not counted.exact
        assert CountUpTo(Job.objects.public().search("vision"), cap=5).count() == 3
        assert CountUpTo(Job.objects.public().search("nothing"), cap=5).count() == 0
        assert CountUpTo(Job.objects.public(), cap=10).count() == 4
    counts = [sql for sql in sent if "COUNT(*)" in sql]
    assert len(counts) == 4
    assert all(sql.startswith(engine.FROM_THE_INDEXES) for sql in counts[:3])
    assert not counts[3].startswith("SET")  # no keyword: planned as the planner likes
    # Inside the test's transaction too, the settings are back as they were.
    assert (seqscan(), indexscan()) == ("on", "on")


def test_inside_a_callers_transaction_its_own_settings_come_back():
    make_job(title="Vision Engineer")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # (the test's transaction)
    assert CountUpTo(Job.objects.public().search("vision"), cap=5).count() == 1
    assert (seqscan(), indexscan()) == ("off", "on")


def test_a_connection_binding_on_the_server_counts_as_planned():
    make_job(title="Vision Engineer")
    binding = connections.create_connection("default")
    options = {**binding.settings_dict["OPTIONS"], "server_side_binding": True}
    binding.settings_dict = {**binding.settings_dict, "OPTIONS": options}
    try:
        sql = "SELECT COUNT(*) FROM (SELECT 1 FROM jobs_job WHERE id > %s LIMIT 5) counted"
        # (Its own connection: the test's rows are not committed. Sent as one message, the
        # statements would fail: "cannot insert multiple commands into a prepared statement".)
        assert engine.count_from_the_indexes(binding, sql, [0]) == 0
    finally:
        binding.close()
