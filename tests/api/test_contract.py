"""Every real answer of the API validates strictly against the schema at /api/schema/: list and
detail of every endpoint, the errors, and data with nulls and empty strings (a job without a role
or pay, a job taking applications by e-mail, a company without a logo).

The validator is openapi-core (OpenAPI 3.0 and 3.1): it finds the operation, checks that the
status is declared, then the content type and the body. "Strictly" here also means that no
undeclared key slips through: every object of the schema is closed (additionalProperties false)
before the answers are checked against it."""

import copy
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from rest_framework.throttling import SimpleRateThrottle

from jobs.choices import SalaryPeriod, Workplace
from roles.models import Status
from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.api_clients import make_employer, token_client
from tests.factories import (
    make_author,
    make_company,
    make_guide,
    make_job,
    make_role,
    make_salary_records,
)

pytestmark = pytest.mark.django_db


class Request(DjangoOpenAPIRequest):
    # The router's regular expressions are not templates: let the validator match the path
    # against the schema's own templates.
    path_pattern = None


def closed(schema: dict) -> dict:
    """The schema with every object that lists its properties refusing any other key."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema["components"]["schemas"])
    return schema


@pytest.fixture(scope="module")
def contract(django_db_blocker) -> OpenAPI:
    with django_db_blocker.unblock():
        response = Client().get(
            "/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
        )
    assert response.status_code == 200
    return OpenAPI.from_dict(closed(response.json()))


@pytest.fixture
def check(contract):
    """Validate a test client's answer; returns it."""

    def validate(response, status: int | None = None):
        if status is not None:
            assert response.status_code == status, response.content
        contract.validate_response(Request(response.wsgi_request), DjangoOpenAPIResponse(response))
        return response

    return validate


@pytest.fixture
def board():
    """Postings with every field that can be empty empty somewhere, and the rest."""
    now = timezone.now()
    ml = make_role(name="Machine Learning Engineer", slug="ml-engineer")
    data = make_role(name="Data Engineer", slug="data-engineer")
    draft = make_role(name="Prompt Engineer", slug="prompt-engineer", status=Status.DRAFT)
    acme = make_company(name="Acme", slug="acme", website="")
    profiled = make_company(name="Profiled", slug="profiled", tagline="Maps from space",
                            headquarters="Berlin, Germany", size="51-200",
                            industries="Geospatial, Software")  # fmt: skip
    make_job(title="At a profiled company", slug="profiled-job", company=profiled)
    make_job(title="With everything", slug="full", company=acme, role=ml, region="BE")
    make_job(title="No role, no pay", slug="bare", role=None, salary_min=None, salary_max=None,
             salary_currency="", skills="")  # fmt: skip
    make_job(title="Apply by e-mail", slug="by-email", role=data, apply_url="",
             apply_email="jobs@acme.example", salary_max=None)  # fmt: skip
    make_job(title="Draft role", slug="draft-role", role=draft, workplace=Workplace.REMOTE,
             city="", country="US", remote_region="", salary_period=SalaryPeriod.HOUR,
             salary_min=50, salary_max=70, featured_until=now + timedelta(days=3))  # fmt: skip
    # One guide with two authors and a review date, one with neither.
    make_guide(slug="ml-vs-data", first_role=ml, second_role=data,
               authors=[make_author(), make_author()], last_reviewed=now.date())  # fmt: skip
    make_guide(slug="ml-alone", first_role=ml, sections=False, subtitle="")
    title = SalaryTitle.objects.get(name="Machine Learning Engineer")
    make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000], level="senior")
    make_salary_records(title, [60_000], level="entry", country="DE", year=2024)
    refresh_stats()


PUBLIC_READS = [
    "/api/v1/jobs/",
    "/api/v1/jobs/?page_size=1&page=2",
    "/api/v1/jobs/?workplace=remote&salary_min=1",
    "/api/v1/jobs/?q=nothing-at-all",
    "/api/v1/jobs/full/",
    "/api/v1/jobs/bare/",
    "/api/v1/jobs/by-email/",
    "/api/v1/jobs/draft-role/",
    "/api/v1/companies/",
    "/api/v1/companies/acme/",
    "/api/v1/companies/profiled/",
    "/api/v1/companies/?q=prof",
    "/api/v1/companies/?q=no-such-name",
    "/api/v1/roles/",
    "/api/v1/roles/ml-engineer/",
    "/api/v1/guides/",
    "/api/v1/guides/?role=data-engineer",
    "/api/v1/guides/ml-vs-data/",
    "/api/v1/guides/ml-alone/",
    "/api/v1/salaries/",
    "/api/v1/salaries/?q=machine",
    "/api/v1/salaries/machine-learning-engineer/",
    "/api/v1/salaries/machine-learning-engineer/?country=DE&experience_level=senior",
    "/api/v1/salaries/data-engineer/",
    "/api/v1/roles/compare/?a=ml-engineer&b=data-engineer",
]


@pytest.mark.parametrize("url", PUBLIC_READS)
def test_public_reads_match_the_schema(client, board, check, url):
    check(client.get(url), 200)


def test_the_data_has_the_nulls_and_empty_strings_the_schema_must_allow(client, board, check):
    jobs = {job["slug"]: job for job in check(client.get("/api/v1/jobs/"), 200).json()["results"]}
    assert jobs["bare"]["role"] is None and jobs["bare"]["salary"] is None
    assert jobs["draft-role"]["role"] is None and jobs["draft-role"]["remote_region"] == ""
    assert jobs["by-email"]["salary"]["max"] is None
    by_email = check(client.get("/api/v1/jobs/by-email/"), 200).json()
    assert by_email["apply_url"] == "" and by_email["applies_by_email"] is True
    company = check(client.get("/api/v1/companies/acme/"), 200).json()
    assert company["website"] == "" and company["logo"] is None


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/jobs/?workplace=moon", 400),
        ("/api/v1/jobs/?page=99", 404),
        ("/api/v1/jobs/no-such-job/", 404),
        ("/api/v1/companies/no-such-company/", 404),
        ("/api/v1/roles/prompt-engineer/", 404),
        ("/api/v1/guides/?role=nope", 400),
        ("/api/v1/salaries/machine-learning-engineer/?country=XX", 400),
        ("/api/v1/salaries/no-such-title/", 404),
        ("/api/v1/roles/compare/?a=ml-engineer", 400),
        ("/api/v1/roles/compare/?a=ml-engineer&b=nope", 404),
    ],
)
def test_public_errors_match_the_schema(client, board, check, url, status):
    check(client.get(url), status)


@pytest.mark.parametrize("url", ["/api/v1/jobs/", "/api/v1/jobs/full/"])
def test_a_bad_token_on_a_public_read_is_a_declared_401(board, check, url):
    client = Client(headers={"Authorization": "Bearer not-a-token"})
    check(client.get(url), 401)


@pytest.mark.parametrize("url", ["/api/v1/jobs/", "/api/v1/jobs/full/", "/api/v1/roles/"])
def test_not_modified_is_declared(client, board, check, url):
    etag = client.get(url)["ETag"]
    check(client.get(url, headers={"If-None-Match": etag}), 304)


def test_an_unacceptable_type_is_a_declared_406(client, board, check):
    check(client.get("/api/v1/jobs/", headers={"Accept": "text/csv"}), 406)


def test_throttled_reads_are_declared(board, check, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/minute", "user": "1/m"})
    caller = Client(REMOTE_ADDR="10.9.8.7")
    check(caller.get("/api/v1/roles/"), 200)
    check(caller.get("/api/v1/roles/"), 429)


# --- the employers' endpoints ------------------------------------------------------------------


def posting(**fields) -> dict:
    data = {
        "title": "Senior Data Engineer",
        "description": "Build **pipelines** with us.",
        "employment_type": "full_time",
        "experience_level": "senior",
        "workplace": "hybrid",
        "city": "Berlin",
        "country": "DE",
        "salary_min": 80_000,
        "salary_max": 100_000,
        "salary_currency": "EUR",
        "apply_url": "https://acme.example/jobs/1",
        "skills": "Python, SQL",
    }
    data.update(fields)
    return data


URL = "/api/v1/employer/jobs/"


def test_the_employer_endpoints_match_the_schema(board, check):
    employer = make_employer()
    api = token_client(employer.user)
    # A posting without pay or role, taking applications by e-mail.
    created = check(
        api.post(URL, posting(role=None, salary_min=None, salary_max=None, salary_currency="",
                              apply_url="", apply_email="jobs@acme.example"),
                 content_type="application/json"),
        201,
    ).json()  # fmt: skip
    assert created["role"] is None and created["apply_url"] == ""
    with_role = check(
        api.post(URL, posting(role="data-engineer"), content_type="application/json"), 201
    ).json()
    one = f"{URL}{with_role['id']}/"
    check(api.get(URL), 200)
    check(api.get(f"{URL}?page=9"), 404)
    check(api.get(one), 200)
    check(api.patch(one, {"title": "Lead Data Engineer"}, content_type="application/json"), 200)
    check(api.put(one, posting(), content_type="application/json"), 200)
    check(api.patch(one, {"salary_min": "lots"}, content_type="application/json"), 400)
    check(api.post(URL, "title=x", content_type="text/plain"), 415)
    check(api.post(f"{one}fill/"), 409)  # still under review
    check(api.post(f"{one}submit/"), 409)
    check(api.get(f"{URL}999999/"), 404)
    key = {"Idempotency-Key": "once"}
    check(api.post(URL, posting(), content_type="application/json", headers=key), 201)
    check(api.post(URL, posting(title="Other"), content_type="application/json", headers=key), 422)


def test_employer_refusals_match_the_schema(board, check):
    check(Client().get(URL), 401)
    check(Client(headers={"Authorization": "Bearer not-a-token"}).get(URL), 401)
    unconfirmed = make_employer("new@acme.example", verified=False)
    check(token_client(unconfirmed.user).post(URL, posting(), content_type="application/json"), 403)


def test_every_operation_declares_anonymous_or_token_access(client):
    schema = client.get(
        "/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
    ).json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if path.startswith("/api/v1/employer/"):
                assert {"apiToken": []} in operation["security"], (method, path)
                assert {} not in operation["security"]
            else:
                # An empty list: callable without credentials, as generated clients read it.
                assert operation["security"] == [], (method, path)
            assert "401" in operation["responses"], (method, path)
            assert "429" in operation["responses"], (method, path)
    # An answer carries every field of its serializer (null where there is no value).
    for name, component in schema["components"]["schemas"].items():
        if "properties" in component and not name.endswith("Request"):
            assert set(component["required"]) == set(component["properties"]), name
