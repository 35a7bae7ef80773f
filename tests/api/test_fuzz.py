"""Random requests, shaped by the schema's own parameters and fields, never get a 5xx.

Query strings mix every documented parameter with hostile and random values; bodies are random
JSON objects over the writable fields of a posting. Every answer is a success or a 4xx in the
API's error format."""

import functools
import json
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from employers.api.serializers import EmployerJobSerializer
from jobs.choices import JobStatus
from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.api_clients import make_employer, token_client
from tests.factories import make_company, make_guide, make_job, make_role, make_salary_records
from tests.security.test_hostile_input import HOSTILE

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@functools.cache
def parameters() -> dict[str, list[str]]:
    """Each list endpoint's query parameters, read from the schema (built once: every example
    of the fuzz below needs it, and building it is the slowest request of all)."""
    schema = Client().get("/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"})
    paths = json.loads(schema.content)["paths"]
    return {
        path: [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"]
        for path, item in paths.items()
        if "{" not in path and "get" in item and not path.startswith("/api/v1/employer")
    }


@pytest.fixture
def site():
    role = make_role(name="Data Engineer", slug="data-engineer")
    make_salary_records(SalaryTitle.objects.get(slug="engineer"), [90_000, 100_000] * 3)
    refresh_stats()
    company = make_company(slug="acme")
    job = make_job(role=role, company=company, slug="data-job")
    make_job(role=role, company=company, status=JobStatus.FILLED, slug="filled-job")
    guide = make_guide(first_role=role, slug="a-guide")
    return {"job": job, "guide": guide}


def check(response, where: str) -> None:
    assert response.status_code < 500, f"{response.status_code} on {where}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"status", "code", "detail", "errors"}, where


VALUES = (
    st.sampled_from(HOSTILE)
    | st.text(max_size=30)
    | st.integers(min_value=-(10**30), max_value=10**30).map(str)
    | st.sampled_from(["remote", "hybrid", "senior", "full_time", "newest", "salary", "7"])
    | st.sampled_from(["data-engineer", "acme", "1", "100", "101"])
)


@FUZZ
@given(data=st.data())
@example(data=None)
def test_random_queries_on_every_list(site, data):
    client = Client(raise_request_exception=False)
    endpoints = parameters()
    assert set(endpoints) == {
        "/api/v1/jobs/",
        "/api/v1/companies/",
        "/api/v1/roles/",
        "/api/v1/guides/",
        "/api/v1/salaries/",
        "/api/v1/roles/compare/",
    }
    if data is None:  # one pass with every parameter at a hostile value
        for path, names in endpoints.items():
            for value in ("\x00", "x" * 100_000, "1e400", "<script>"):
                url = f"{path}?{urlencode([(name, value) for name in names])}"
                check(client.get(url), url[:200])
        return
    path = data.draw(st.sampled_from(sorted(endpoints)))
    names = st.sampled_from(endpoints[path]) | st.text(max_size=10)
    query = data.draw(st.lists(st.tuples(names, VALUES), max_size=8))
    url = f"{path}?{urlencode(query)}"
    response = client.get(url)
    check(response, url[:200])
    assert response.status_code in (200, 400, 404), url[:200]


@FUZZ
@given(
    kind=st.sampled_from(["jobs", "roles", "guides", "companies", "salaries"]),
    slug=st.sampled_from(["data-job", "filled-job", "a-guide", "acme", "data-engineer", "engineer"])
    | st.text(max_size=40),
)
def test_random_addresses_of_single_objects(site, kind, slug):
    from urllib.parse import quote

    client = Client(raise_request_exception=False)
    url = f"/api/v1/{kind}/{quote(slug, safe='')}/"
    check(client.get(url), url)


@FUZZ
@given(
    slug=st.sampled_from(["data-engineer", "engineer"]),
    query=st.lists(
        st.tuples(st.sampled_from(["country", "experience_level"]) | st.text(max_size=10), VALUES)
        | st.tuples(st.just("country"), st.text(min_size=2, max_size=2)),
        max_size=4,
    ),
)
def test_random_queries_on_a_salary_title(site, slug, query):
    """A title's figures take query parameters too (a country, a level)."""
    client = Client(raise_request_exception=False)
    url = f"/api/v1/salaries/{slug}/?{urlencode(query)}"
    response = client.get(url)
    check(response, url[:200])
    assert response.status_code in (200, 400), url[:200]


WRITABLE = [
    name
    for name, field in EmployerJobSerializer().fields.items()
    if not field.read_only and name != "id"
]
VALID_POSTING = {
    "title": "Data Engineer",
    "description": "Build pipelines.",
    "workplace": "remote",
    "country": "US",
    "remote_region": "anywhere in the U.S.",
    "salary_min": 90_000,
    "salary_max": 120_000,
    "salary_currency": "USD",
    "salary_period": "year",
    "apply_url": "https://acme.example/jobs/1",
}
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.integers(min_value=0, max_value=5_000_000_000)
    | st.floats(allow_nan=False)
    | st.sampled_from(HOSTILE)
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=5,
)


@pytest.fixture
def fuzz_employer():
    employer = make_employer()
    client = token_client(employer.user)
    client.raise_request_exception = False
    return employer, client


@FUZZ
@given(
    body=st.dictionaries(st.sampled_from(WRITABLE) | st.text(max_size=8), JSON_VALUES, max_size=12),
    method=st.sampled_from(["post", "patch", "put"]),
    on_a_valid_posting=st.booleans(),
)
def test_random_posting_bodies(site, fuzz_employer, body, method, on_a_valid_posting):
    """Random fields alone, or over a valid posting so that the deeper rules run too."""
    employer, client = fuzz_employer
    if on_a_valid_posting:
        body = {**VALID_POSTING, **body}
    cache.clear()  # the submission limit would answer 429 after ten
    job = make_job(company=employer.company)
    url = "/api/v1/employer/jobs/" if method == "post" else f"/api/v1/employer/jobs/{job.pk}/"
    response = getattr(client, method)(url, json.dumps(body), content_type="application/json")
    check(response, f"{method} {body!r}"[:300])
    assert response.status_code in (200, 201, 400), response.content[:300]
    if response.status_code in (200, 201):
        assert response.json()["status"] != "published" or method != "post"
