"""/api/v1/jobs/: the /jobs/ page's public rule, filters and order, as JSON."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    """Jobs that differ in every filtered field, two of them featured, and hidden ones."""
    now = timezone.now()
    ml = make_role(name="Machine Learning Engineer", slug="machine-learning-engineer")
    data = make_role(name="Data Engineer", slug="data-engineer")
    acme = make_company(name="Acme Robotics", slug="acme")
    globex = make_company(name="Globex", slug="globex")
    rows = [
        ("Remote Senior ML", acme, ml, Workplace.REMOTE, ExperienceLevel.SENIOR, 2, 190_000),
        ("Berlin Data Intern", globex, data, Workplace.ONSITE, ExperienceLevel.ENTRY, 72, 30_000),
        ("Hybrid Contract Analyst", globex, None, Workplace.HYBRID, ExperienceLevel.MID, 480, 0),
        ("Director of Data", acme, data, Workplace.ONSITE, ExperienceLevel.EXECUTIVE, 240, 240_000),
        ("Remote Data Engineer", globex, data, Workplace.REMOTE, ExperienceLevel.MID, 30, 120_000),
        ("Munich ML Engineer", acme, ml, Workplace.HYBRID, ExperienceLevel.SENIOR, 100, 95_000),
        ("Junior ML in Paris", globex, ml, Workplace.ONSITE, ExperienceLevel.ENTRY, 5, 55_000),
    ]
    for n, (title, company, role, workplace, level, hours, pay) in enumerate(rows):
        place = {"city": "", "country": "US", "remote_region": "anywhere in the U.S."}
        if workplace != Workplace.REMOTE:
            place = {"city": ["Berlin", "Munich", "Paris"][n % 3], "country": "DE"}
        salary = {"salary_min": pay, "salary_max": pay, "salary_currency": "USD"}
        if not pay:
            salary = {"salary_min": None, "salary_max": None, "salary_currency": ""}
        make_job(
            title=title,
            company=company,
            role=role,
            workplace=workplace,
            experience_level=level,
            employment_type=EmploymentType.CONTRACT if n == 2 else EmploymentType.FULL_TIME,
            posted_at=now - timedelta(hours=hours),
            featured_until=now + timedelta(days=2) if n in (3, 5) else None,
            skills="PyTorch, SQL" if role == ml else "SQL, dbt",
            **place,
            **salary,
        )
    make_job(title="Pending one", status=JobStatus.PENDING, company=acme, role=ml)
    make_job(title="Filled one", status=JobStatus.FILLED, company=acme, role=ml)
    make_job(title="Monthly pay", salary_min=9_000, salary_max=10_000, salary_period="month")
    return {"acme": acme, "globex": globex}


def page_titles(client, query: str = "") -> list[str]:
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    return re.findall(r'class="card-title"><a href="/jobs/[^"]+/">([^<]+)</a>', response.text)


def api_titles(client, query: str = "") -> list[str]:
    response = client.get(f"/api/v1/jobs/?{query}")
    assert response.status_code == 200, response.content
    return [job["title"] for job in response.json()["results"]]


SAME_AS_THE_PAGE = [
    "",
    "workplace=remote",
    "workplace=remote&workplace=hybrid",
    "experience_level=entry&experience_level=senior",
    "employment_type=contract",
    "role=machine-learning-engineer",
    "role=data-engineer&workplace=onsite",
    "company=acme",
    "company=globex&experience_level=mid",
    "q=data",
    "q=sql+engineer",
    "q=pytorch&workplace=hybrid",
    "location=Berlin",
    "location=remote",
    "location=Germany",
    "salary_min=100000",
    "salary_min=50000&ordering=salary",
    "posted_within=1",
    "posted_within=7&ordering=newest",
    "ordering=newest",
    "ordering=salary",
    "ordering=salary&role=machine-learning-engineer",
    "q=nothing-matches-this",
]


@pytest.mark.parametrize("query", SAME_AS_THE_PAGE)
def test_the_api_lists_exactly_what_the_page_shows(client, board, query):
    shown = page_titles(client, query)
    assert api_titles(client, query) == shown
    if query in ("", "ordering=newest"):
        assert len(shown) == 8  # every public job; none of the hidden ones


def test_pages_of_the_api_follow_the_pages_of_the_site(client, board, settings):
    settings.JOBS_PER_PAGE = 3
    for number in (1, 2, 3):
        site = page_titles(client, f"page={number}")
        assert api_titles(client, f"page={number}&page_size=3") == site


def test_featured_jobs_come_first_then_newest(client, board):
    titles = api_titles(client)
    assert titles[:2] == ["Munich ML Engineer", "Director of Data"]
    body = client.get("/api/v1/jobs/").json()
    assert [job["featured"] for job in body["results"]][:3] == [True, True, False]


def test_a_job_object(client, board):
    job = client.get("/api/v1/jobs/?q=Remote+Senior").json()["results"][0]
    assert job["url"].startswith("http://testserver/jobs/") and job["url"].endswith("/")
    assert job["company"] == {
        "slug": "acme",
        "name": "Acme Robotics",
        "url": "http://testserver/companies/acme/",
        "website": board["acme"].website,
        "verified": False,
    }
    assert job["role"]["slug"] == "machine-learning-engineer"
    assert job["role"]["url"] == "http://testserver/roles/machine-learning-engineer/"
    assert (job["workplace"], job["employment_type"], job["experience_level"]) == (
        "remote",
        "full_time",
        "senior",
    )
    assert job["location"] == "Remote (anywhere in the U.S.)"
    assert job["salary"] == {
        "min": 190_000,
        "max": 190_000,
        "currency": "USD",
        "period": "year",
        "label": "USD 190K",
    }
    assert job["skills"] == ["PyTorch", "SQL"]
    assert "description_html" not in job  # lists stay light; the detail carries it


def test_the_json_written_out_has_exactly_the_declared_fields(client, board):
    """The serializers write a job's JSON directly; their declarations still describe it."""
    from jobs.api.serializers import JobDetailSerializer, JobSerializer

    listed = client.get("/api/v1/jobs/").json()["results"][0]
    assert list(listed) == JobSerializer.Meta.fields
    one = client.get(f"/api/v1/jobs/{listed['slug']}/").json()
    assert list(one) == JobDetailSerializer.Meta.fields


def test_job_detail(client, board):
    slug = client.get("/api/v1/jobs/?q=Remote+Senior").json()["results"][0]["slug"]
    response = client.get(f"/api/v1/jobs/{slug}/")
    assert response.status_code == 200
    job = response.json()
    assert job["description_html"].startswith("<p>")
    assert job["apply_url"].startswith("https://")
    assert job["applies_by_email"] is False
    assert response["Last-Modified"]


def test_detail_ignores_the_list_filters(client, board):
    slug = client.get("/api/v1/jobs/?q=Remote+Senior").json()["results"][0]["slug"]
    assert client.get(f"/api/v1/jobs/{slug}/?workplace=onsite&page=x").status_code == 200


@pytest.mark.parametrize(
    "status, fields",
    [
        (JobStatus.DRAFT, {}),
        (JobStatus.PENDING, {}),
        (JobStatus.REJECTED, {}),
        (JobStatus.CHANGES, {}),
        (JobStatus.FILLED, {}),
        (JobStatus.EXPIRED, {}),
        (JobStatus.PUBLISHED, {"expires_at": timezone.now() - timedelta(minutes=1)}),
        (
            JobStatus.PUBLISHED,
            {
                "posted_at": timezone.now() + timedelta(days=1),
                "expires_at": timezone.now() + timedelta(days=30),
            },
        ),
    ],
)
def test_a_job_that_is_not_public_is_not_found(client, status, fields):
    job = make_job(status=status, **fields)
    response = client.get(f"/api/v1/jobs/{job.slug}/")
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "not_found",
        "detail": "Not found.",
        "errors": {},
    }
    assert job.title not in client.get("/api/v1/jobs/").text


def test_a_draft_role_is_not_named(client):
    role = make_role(name="Secret role", status="draft")
    make_job(title="Public job, draft role", role=role)
    job = client.get("/api/v1/jobs/").json()["results"][0]
    assert job["title"] == "Public job, draft role"
    assert job["role"] is None
    assert "Secret role" not in client.get(f"/api/v1/jobs/{job['slug']}/").text


INVALID = [
    ("workplace=moon", "workplace"),
    ("workplace=remote&workplace=moon", "workplace"),
    ("employment_type=forever", "employment_type"),
    ("experience_level=guru", "experience_level"),
    ("salary_min=lots", "salary_min"),
    ("salary_min=-5", "salary_min"),
    ("salary_min=1e400", "salary_min"),
    ("role=no-such-role", "role"),
    ("company=no-such-company", "company"),
    ("posted_within=2", "posted_within"),
    ("ordering=title", "ordering"),
    ("ordering=-posted_at", "ordering"),
    ("q=" + "x" * 201, "q"),
    ("location=" + "x" * 101, "location"),
    ("page=0", "page"),
    ("page=two", "page"),
    ("page_size=0", "page_size"),
    ("page_size=101", "page_size"),
    ("page_size=ten", "page_size"),
]


@pytest.mark.parametrize("query, field", INVALID)
def test_an_invalid_filter_ordering_or_page_is_a_400_naming_the_field(client, board, query, field):
    response = client.get(f"/api/v1/jobs/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid"
    assert list(body["errors"]) == [field]
    assert body["errors"][field][0]


def test_the_page_still_drops_an_invalid_filter(client, board):
    """The page keeps its forgiving behaviour; only the API refuses."""
    assert len(page_titles(client, "workplace=moon")) == 8


def test_a_company_with_only_hidden_postings_is_an_invalid_filter(client):
    company = make_company(slug="stealth")
    make_job(company=company, status=JobStatus.PENDING)
    assert client.get("/api/v1/jobs/?company=stealth").status_code == 400


def test_pages_are_bounded(client, board):
    body = client.get("/api/v1/jobs/?page_size=3").json()
    assert body["count"] == 8 and len(body["results"]) == 3
    assert body["next"] == "http://testserver/api/v1/jobs/?page=2&page_size=3"
    last = client.get("/api/v1/jobs/?page_size=3&page=3").json()
    assert len(last["results"]) == 2 and last["next"] is None
    past = client.get("/api/v1/jobs/?page_size=3&page=4")
    assert past.status_code == 404
    assert "last page is 3" in past.json()["detail"]
    assert len(client.get("/api/v1/jobs/?page_size=100").json()["results"]) == 8


def test_list_queries_do_not_grow_with_jobs(client, django_assert_max_num_queries):
    role = make_role(slug="ml")
    companies = [make_company() for _ in range(5)]

    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/jobs/?{query}").status_code == 200
        return len(queries)

    queries = ["", "role=ml&workplace=onsite&company=" + companies[0].slug, "ordering=salary"]
    for n in range(10):
        featured = timezone.now() + timedelta(days=1) if n % 4 == 0 else None
        make_job(company=companies[n % 5], role=role, featured_until=featured)
    small = [count(query) for query in queries]
    for n in range(90):
        make_job(company=companies[n % 5], role=role)
    assert [count(query + "&page_size=100") for query in queries] == small
    assert max(small) <= 6, small


def test_conditional_get(client, board):
    first = client.get("/api/v1/jobs/")
    etag = first["ETag"]
    assert first["Cache-Control"].startswith("public, ")  # shared caches may keep it too
    again = client.get("/api/v1/jobs/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    # A change in what the list shows changes the tag.
    make_job(title="A brand new job")
    assert client.get("/api/v1/jobs/", headers={"If-None-Match": etag}).status_code == 200


def test_conditional_get_on_a_job(client, board):
    slug = client.get("/api/v1/jobs/?q=Remote+Senior").json()["results"][0]["slug"]
    first = client.get(f"/api/v1/jobs/{slug}/")
    since = first["Last-Modified"]
    assert client.get(
        f"/api/v1/jobs/{slug}/", headers={"If-Modified-Since": since}
    ).status_code == (304)
    from jobs.models import Job

    job = Job.objects.get(slug=slug)
    job.title = "Remote Senior ML, renamed"
    job.updated_at = timezone.now() + timedelta(seconds=2)
    Job.objects.filter(pk=job.pk).update(title=job.title, updated_at=job.updated_at)
    changed = client.get(f"/api/v1/jobs/{slug}/", headers={"If-Modified-Since": since})
    assert changed.status_code == 200 and changed.json()["title"] == job.title


def test_salary_period_and_currency_are_reported_as_posted(client, board):
    monthly = client.get("/api/v1/jobs/?q=Monthly").json()["results"][0]
    assert monthly["salary"]["period"] == SalaryPeriod.MONTH
    assert monthly["salary"]["label"] == "USD 9,000 – 10,000 per month"


def test_the_count_stops_at_the_cap_and_says_so(client, board, monkeypatch):
    body = client.get("/api/v1/jobs/").json()
    assert body["count"] == 8 and body["count_exact"] is True
    assert list(body)[:2] == ["count", "count_exact"]
    monkeypatch.setattr("jobs.api.views.LIST_COUNT_UP_TO", 5)
    body = client.get("/api/v1/jobs/?page_size=2").json()
    assert body["count"] == 5 and body["count_exact"] is False
    last = client.get("/api/v1/jobs/?page_size=2&page=3").json()
    assert len(last["results"]) == 1 and last["next"] is None  # the pages reach the first 5
    past = client.get("/api/v1/jobs/?page_size=2&page=4")
    assert past.status_code == 404
    assert "pages reach the first 5 jobs (page 3)" in past.json()["detail"]
    # A keyword search stops at its own cap.
    monkeypatch.setattr("jobs.api.views.SEARCH_COUNT_UP_TO", 1)
    body = client.get("/api/v1/jobs/?q=engineer").json()
    assert body["count"] == 1 and body["count_exact"] is False
    assert client.get("/api/v1/jobs/?q=kubernetes+healthcare").json()["count_exact"] is True
