"""While the database is unreachable: cached pages are served from their last copy even when it
has been retired (stale-if-error), other pages answer 503 with Retry-After, and a write that the
database drops halfway leaves nothing behind."""

import pytest
from django.db import OperationalError, connection

from core.page_cache import pages_changed
from jobs.models import Job, StatusChange
from tests.employers.helpers import NEW_URL, client_for, job_data, make_employer
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def database_down(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def test_a_cached_page_is_served_from_its_last_copy_even_when_retired(client):
    make_job(title="Staff Data Engineer")
    first = client.get("/jobs/")
    assert first["X-Page-Cache"] == "miss"
    pages_changed()  # the copy is now stale: normally the page would be rendered again
    with connection.execute_wrapper(database_down):
        stale = client.get("/jobs/")
    assert stale.status_code == 200
    assert stale["X-Page-Cache"] == "stale"
    assert stale.content == first.content
    # Back to normal once the database answers: rendered again, and stored.
    assert client.get("/jobs/")["X-Page-Cache"] == "miss"


def test_a_page_with_no_stored_copy_answers_503_with_retry_after(client):
    with connection.execute_wrapper(database_down):
        page = client.get("/guides/")
        api = client.get("/api/v1/jobs/?page=2")
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert "reload this page in half a minute" in page.text
    assert api.status_code == 503 and api["Retry-After"] == "30"
    assert api.json()["code"] == "unavailable"


def test_a_write_the_database_drops_halfway_leaves_nothing_behind():
    employer = make_employer("poster@company.example")
    client = client_for(employer.user)
    history = StatusChange._meta.db_table

    def history_insert_fails(execute, sql, params, many, context):
        if sql.startswith("INSERT") and history in sql:
            raise OperationalError("terminating connection due to administrator command")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(history_insert_fails):
        response = client.post(NEW_URL, job_data(title="Half Saved Engineer", save_draft="1"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "what you sent was not saved" in response.text
    # The posting was inserted before its history failed: the request's transaction undid it.
    assert not Job.objects.filter(title="Half Saved Engineer").exists()
    response = client.post(NEW_URL, job_data(title="Half Saved Engineer", save_draft="1"))
    assert response.status_code == 302
    assert Job.objects.filter(title="Half Saved Engineer").count() == 1


def test_a_read_whose_connection_was_dropped_is_tried_once_more(client):
    make_job(title="Staff Data Engineer")
    failures = []

    def first_query_fails(execute, sql, params, many, context):
        if not failures:
            failures.append(sql)
            raise OperationalError("terminating connection due to administrator command")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(first_query_fails):
        response = client.get("/jobs/")
    assert response.status_code == 200 and len(failures) == 1
    assert "Staff Data Engineer" in response.text
