"""Keyword searches planned from the GIN index on PostgreSQL: the planner is told what matching a
stored vector costs, and where it was not, a capped count of a keyword is planned without
sequential scans and leaves the session as it found it."""

import pytest
from django.db import DataError, connection

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
