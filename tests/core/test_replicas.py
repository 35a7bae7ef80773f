"""Read replicas: anonymous public pages and API reads run their queries on a replica; writes,
signed-in people, API tokens, the admin, commands, and everyone for a moment after a change to
public content read the primary.

The replica here is a second alias for the same test database (committed data, so these tests
are transactional), which is what lets each test see on which alias every query ran."""

import copy
import json
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jobs.models import Job
from tests.api_clients import make_employer, token_client
from tests.employers.helpers import client_for
from tests.factories import make_job

REPLICA = "replica1"


# Serialized rollback: the flush after each test then leaves the migrations' rows (content types,
# groups) as they were, with their ids, for the transactional tests that run after these.
pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", REPLICA]
)


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup, django_db_blocker):
    """A replica alias for the test database, made once the test database exists and before the
    tests name it among their databases."""
    connections.settings[REPLICA] = {
        **copy.deepcopy(connections["default"].settings_dict),
        "TEST": {"MIRROR": "default"},
    }
    yield
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(settings):
    settings.DATABASE_REPLICAS = [REPLICA]
    settings.REPLICA_LAG_SECONDS = 0  # the set-up's own writes must not hold reads on the primary
    return REPLICA


@contextmanager
def ran_on():
    """Which aliases the queries inside ran on: {"default": n, "replica1": m}."""
    counts: dict[str, int] = {}
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        yield counts
    counts["default"] = len(primary.captured_queries)
    counts[REPLICA] = len(replica.captured_queries)


@pytest.fixture
def job(replica):
    return make_job(title="Vector Search Engineer")


@pytest.mark.parametrize(
    "url",
    ["/jobs/", "/jobs/?workplace=remote", "job", "/api/v1/jobs/", "api-job", "/api/v1/roles/"],
)
def test_anonymous_public_reads_run_on_the_replica(url, job):
    url = {"job": job.get_absolute_url(), "api-job": f"/api/v1/jobs/{job.slug}/"}.get(url, url)
    with ran_on() as queries:
        response = Client().get(url)
    assert response.status_code == 200
    assert queries["default"] == 0 and queries[REPLICA] > 0, queries


def test_a_cached_page_reads_no_database(job):
    Client().get("/jobs/")
    with ran_on() as queries:
        assert Client().get("/jobs/")["X-Page-Cache"] == "hit"
    assert queries == {"default": 0, REPLICA: 0}


def test_signed_in_employers_read_the_primary_everywhere(job):
    employer = make_employer()
    client = client_for(employer.user)
    for url in ["/jobs/", job.get_absolute_url(), "/employers/dashboard/"]:
        with ran_on() as queries:
            assert client.get(url).status_code == 200
        assert queries[REPLICA] == 0 and queries["default"] > 0, (url, queries)


def test_the_admin_reads_the_primary(job, admin_client):
    with ran_on() as queries:
        assert admin_client.get("/admin/jobs/job/").status_code == 200
    assert queries[REPLICA] == 0 and queries["default"] > 0


def test_api_token_reads_and_writes_use_the_primary(job):
    api = token_client(make_employer().user)
    with ran_on() as queries:
        assert api.get("/api/v1/jobs/").status_code == 200
        assert api.get("/api/v1/employer/jobs/").status_code == 200
    assert queries[REPLICA] == 0 and queries["default"] > 0
    body = {"title": "Ranking Engineer"}
    with ran_on() as queries:
        answer = api.post("/api/v1/employer/jobs/", json.dumps(body), "application/json")
    assert answer.status_code in (201, 400)
    assert queries[REPLICA] == 0 and queries["default"] > 0


def test_anonymous_writes_use_the_primary(job):
    client = Client(enforce_csrf_checks=False)
    with ran_on() as queries:
        client.post("/alerts/", {"email": "someone@example.com", "workplace": "remote"})
    assert queries[REPLICA] == 0


def test_right_after_a_change_public_reads_stay_on_the_primary(job, settings):
    settings.REPLICA_LAG_SECONDS = 60
    job.title = "Ranking Engineer"
    job.save()  # retires its pages, and marks the moment
    with ran_on() as queries:
        page = Client().get(job.get_absolute_url())
    assert "Ranking Engineer" in page.content.decode()
    assert queries[REPLICA] == 0 and queries["default"] > 0
    settings.REPLICA_LAG_SECONDS = 0  # the replicas have caught up
    with ran_on() as queries:
        assert Client().get("/jobs/?workplace=onsite").status_code == 200
    assert queries["default"] == 0 and queries[REPLICA] > 0


def test_code_outside_public_pages_reads_and_writes_the_primary(job):
    with ran_on() as queries:
        found = Job.objects.get(pk=job.pk)
        found.save()
    assert queries[REPLICA] == 0 and queries["default"] > 0


def test_without_replicas_the_router_stays_out_of_the_way(job, settings):
    settings.DATABASE_REPLICAS = []
    with ran_on() as queries:
        assert Client().get("/jobs/?workplace=hybrid").status_code == 200
    assert queries[REPLICA] == 0 and queries["default"] > 0
