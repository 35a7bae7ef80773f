"""On PostgreSQL a read compiled once (core/compiled_reads.py) is prepared once per session and
then executed by name (core/postgresql: DATABASE_PREPARED_READS): the same rows as the ORM's, a
new session prepares it again, and with prepared reads off the statement is sent whole."""

from datetime import datetime

import pytest
from django.db import ProgrammingError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.compiled_reads import CompiledRead
from jobs.models import Job
from tests.core.test_compiled_reads import page_posting
from tests.factories import make_job, make_role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: prepared statements of a session (SQLite keeps its own)",
    ),
]


def prepared_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


def test_a_fixed_read_is_prepared_once_then_executed_by_name():
    role = make_role(slug="ml")
    make_job(slug="one", role=role)
    make_job(slug="two")
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    now = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        for slug in ["one", "two", "none", "one"]:
            got = read(slug=slug, now=now)
            assert [job.pk for job in got] == [job.pk for job in page_posting(slug, now)]
    executed = [query["sql"] for query in queries.captured_queries][::2]  # (each ORM read after)
    assert all(sql.startswith("EXECUTE compiled_read_") for sql in executed), executed
    assert len({sql.split("(")[0] for sql in executed}) == 1
    assert "'one'" in executed[0] and "'two'" in executed[1]
    assert read(slug="one", now=now)[0].role.slug == "ml"  # related rows as before
    assert executed[0].split()[1].split("(")[0] in prepared_names()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # (closed midway)
def test_a_new_session_prepares_it_again():
    make_job(slug="again")
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    assert read(slug="again", now=timezone.now())
    connection.close()
    connection.ensure_connection()
    assert not any(name.startswith("compiled_read_") for name in prepared_names())
    read(slug="again", now=timezone.now())  # no "prepared statement does not exist"
    assert any(name.startswith("compiled_read_") for name in prepared_names())


def test_with_prepared_reads_off_the_statement_is_sent_whole(settings):
    settings.DATABASE_PREPARED_READS = False
    make_job(slug="whole")
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    with CaptureQueriesContext(connection) as queries:
        assert read(slug="whole", now=timezone.now())
    assert queries.captured_queries[0]["sql"].startswith("SELECT ")


def test_placeholders_are_numbered_and_percent_signs_kept():
    statement = connection.prepared_statement(
        "test_percent", "SELECT %s::int + 1, 'a%%b', %s::text"
    )
    assert statement == "EXECUTE test_percent(%s, %s)"
    with connection.cursor() as cursor:
        cursor.execute(statement, [41, "x%s"])
        assert cursor.fetchone() == (42, "a%b", "x%s")
    # Asked again on the same session: executed, not prepared twice.
    assert connection.prepared_statement("test_percent", "SELECT %s::int + 1, 'a%%b', %s::text")


def test_a_statement_that_cannot_be_prepared_fails_as_django_reports_it():
    """Prepared through the session itself, its errors still arrive as Django's (the page cache
    tells a database that went away by them)."""
    with pytest.raises(ProgrammingError):
        connection.prepared_statement("test_broken", "SELECT * FROM no_such_table WHERE a = %s")
