"""What every endpoint shares: the schema and its docs, throttles, errors, addresses."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from tests.api_clients import token_client
from tests.factories import make_guide, make_job

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
READ_ENDPOINTS = [
    "/api/v1/jobs/",
    "/api/v1/companies/",
    "/api/v1/roles/",
    "/api/v1/guides/",
    "/api/v1/salaries/",
]


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    """The same check CI runs: warnings (an untyped field, an unknown filter) fail it."""
    out = tmp_path / "schema.yaml"
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--file",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"SECRET_KEY": "schema-test", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "openapi: 3" in out.read_text()


def test_the_schema_lists_every_operation(client):
    response = client.get("/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    operations = {
        (method.upper(), path) for path, item in schema["paths"].items() for method in item
    }
    assert operations == {
        ("GET", "/api/v1/jobs/"),
        ("GET", "/api/v1/jobs/{slug}/"),
        ("GET", "/api/v1/companies/"),
        ("GET", "/api/v1/companies/{slug}/"),
        ("GET", "/api/v1/roles/"),
        ("GET", "/api/v1/roles/{slug}/"),
        ("GET", "/api/v1/roles/compare/"),
        ("GET", "/api/v1/guides/"),
        ("GET", "/api/v1/guides/{slug}/"),
        ("GET", "/api/v1/salaries/"),
        ("GET", "/api/v1/salaries/{slug}/"),
        ("GET", "/api/v1/employer/jobs/"),
        ("POST", "/api/v1/employer/jobs/"),
        ("GET", "/api/v1/employer/jobs/{id}/"),
        ("PUT", "/api/v1/employer/jobs/{id}/"),
        ("PATCH", "/api/v1/employer/jobs/{id}/"),
        ("POST", "/api/v1/employer/jobs/{id}/submit/"),
        ("POST", "/api/v1/employer/jobs/{id}/fill/"),
    }
    # The job filters are documented with the values of PRODUCT.md.
    params = {p["name"]: p for p in schema["paths"]["/api/v1/jobs/"]["get"]["parameters"]}
    assert set(params) >= {
        "q",
        "location",
        "workplace",
        "employment_type",
        "experience_level",
        "salary_min",
        "role",
        "company",
        "posted_within",
        "ordering",
        "page",
        "page_size",
    }
    assert params["workplace"]["schema"]["items"]["enum"] == ["hybrid", "onsite", "remote"]
    assert params["ordering"]["schema"]["enum"] == ["newest", "salary"]
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    # A salary title's query is checked, so its 400 is documented; the levels are the postings'.
    salary = schema["paths"]["/api/v1/salaries/{slug}/"]["get"]
    assert {"200", "400", "404", "429"} <= set(salary["responses"])
    params = {p["name"]: p for p in salary["parameters"]}
    assert set(params) == {"slug", "country", "experience_level"}
    assert params["experience_level"]["schema"]["enum"] == ["entry", "executive", "mid", "senior"]
    listed = schema["paths"]["/api/v1/salaries/"]["get"]["parameters"]
    assert {p["name"] for p in listed} == {"q", "role", "page", "page_size"}


def test_the_docs_page_loads_only_our_own_files_and_no_inline_code(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.text
    assert "<style" not in html and " style=" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) == 3
    for attributes, body in scripts:
        assert body.strip() == ""  # every script is a file
        src = re.search(r'src="([^"]+)"', attributes).group(1)
        assert src.startswith("/"), src  # from this site, not a CDN
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # The start-up script is served by the site itself and points at our schema.
    start = re.findall(r'src="([^"]+)"', html)[-1].replace("&amp;", "&")
    script = client.get(start)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert '"/api/schema/"' in script.text


def test_the_browsable_api_renders(client):
    make_job()
    response = client.get("/api/v1/jobs/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "Job" in response.text


@pytest.fixture
def rates(monkeypatch):
    """Small limits for the test (DRF reads the rates once, when it loads)."""

    def set_rates(anon: str, user: str) -> None:
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": anon, "user": user})

    return set_rates


@pytest.mark.parametrize("url", READ_ENDPOINTS)
def test_anonymous_callers_are_throttled_per_address(rates, url):
    rates("3/minute", "5/minute")
    caller = Client(REMOTE_ADDR="10.0.0.1")
    assert [caller.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = caller.get(url)
    assert refused["Retry-After"]
    assert refused.json()["code"] == "throttled"
    # Another address has its own count; a forged X-Forwarded-For does not give a new one.
    assert Client(REMOTE_ADDR="10.0.0.2").get(url).status_code == 200
    forged = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert forged.get(url).status_code == 429
    # The counts live in the shared cache (its rate-limit alias).
    caches["ratelimit"].clear()
    assert caller.get(url).status_code == 200


def test_signed_in_callers_are_throttled_per_account(rates, employer):
    rates("1/minute", "3/minute")
    api = token_client(employer.user)
    codes = [api.get("/api/v1/employer/jobs/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    # The same account from another token shares the count.
    assert token_client(employer.user).get("/api/v1/jobs/").status_code == 429


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


def test_throttles_survive_a_cache_outage(rates, monkeypatch):
    """A broken shared cache counts in this process instead of failing the request."""
    rates("2/minute", "2/minute")
    monkeypatch.setattr("core.ratelimit.caches", {"ratelimit": BrokenCache()})
    caller = Client(REMOTE_ADDR="10.0.0.3")
    assert [caller.get("/api/v1/roles/").status_code for _ in range(3)] == [200, 200, 429]


def test_one_error_format_everywhere(client, employer):
    guide = make_guide()
    responses = [
        client.get("/api/v1/jobs/?workplace=moon"),  # 400
        client.get("/api/v1/employer/jobs/"),  # 401
        client.get("/api/v1/jobs/no-such-job/"),  # 404
        client.get("/api/v1/nothing-here/"),  # 404, unknown address
        client.get("/api/no/such/thing/"),
        client.post("/api/v1/jobs/"),  # 405
        client.delete(f"/api/v1/guides/{guide.slug}/"),  # 405
        token_client(employer.user).post(
            "/api/v1/employer/jobs/", "x=1", content_type="text/plain"
        ),  # 415
    ]
    statuses = []
    for response in responses:
        assert response["Content-Type"] == "application/json", response
        body = response.json()
        assert set(body) == {"status", "code", "detail", "errors"}, body
        assert body["status"] == response.status_code
        assert isinstance(body["detail"], str) and body["detail"]
        statuses.append(response.status_code)
    assert statuses == [400, 401, 404, 404, 404, 405, 405, 415]


def test_the_api_root_lists_the_resources(client):
    body = client.get("/api/v1/").json()
    assert set(body) == {"jobs", "companies", "roles", "guides", "salaries", "employer/jobs"}


def test_the_api_address_leads_to_the_docs(client):
    response = client.get("/api/")
    assert response.status_code == 302 and response["Location"] == "/api/docs/"


def test_an_address_without_its_slash_is_redirected(client):
    response = client.get("/api/v1/jobs")
    assert response.status_code == 301 and response["Location"] == "/api/v1/jobs/"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/jobs/%00/",
        "/api/v1/guides/a%00b/",
        "/api/v1/salaries/a%00b/",
        "/api/v1/jobs/%0A/",
        "/api/v1/roles/%ff/",
        "/api/v1/companies/%E2%80%AE/",
        "/api/v1/employer/jobs/99999999999999999999999/",
        "/api/v1/employer/jobs/abc/",
    ],
)
def test_odd_object_addresses_are_not_found(anonymous, url):
    """A NUL in a lookup fails the query on PostgreSQL: such addresses never reach the view."""
    response = anonymous.get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_throttle_count_is_exact_under_concurrent_requests(rates, monkeypatch):
    """Forty callers at once from one address, a limit of 25: exactly 25 get through (DRF's own
    throttle read a list of timestamps and wrote it back, so concurrent requests both passed).
    Each cache call takes a millisecond, as a round trip to Redis does."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from django.core.cache.backends.locmem import LocMemCache

    def slowed(method):
        def call(*args, **kwargs):
            time.sleep(0.001)
            return method(*args, **kwargs)

        return call

    for name in ("add", "incr", "set"):  # the counter's calls, on every thread's cache object
        monkeypatch.setattr(LocMemCache, name, slowed(getattr(LocMemCache, name)))

    from django.test import RequestFactory
    from rest_framework.request import Request

    from api.throttling import AnonymousThrottle

    rates("25/minute", "25/minute")
    factory = RequestFactory()

    def attempt(_: int) -> bool:
        request = Request(factory.get("/api/v1/jobs/", REMOTE_ADDR="10.0.0.9"))
        return AnonymousThrottle().allow_request(request, None)

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(attempt, range(40)))
    assert allowed.count(True) == 25
