"""Every job list query can be served by an index: for each filter and ordering of /jobs/ and
/api/v1/jobs/ (and the other lists' main queries), the page's own SQL is EXPLAINed with
sequential scans switched off, and the plan must not read the whole jobs table anyway.

PostgreSQL only: SQLite's planner has no switch to refuse a full scan, and its plans (EXPLAIN
QUERY PLAN) say nothing about what PostgreSQL, the production database, would do.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.choices import EmploymentType, ExperienceLevel, Workplace
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the check reads PostgreSQL's plans with enable_seqscan off, "
        "which SQLite has no equivalent of",
    ),
]

# One query string per filter of JobFilter and per ordering, then a few combinations.
JOB_QUERIES = [
    "",
    "page=2",
    "q=data",
    "q=%22data+engineer%22+-intern",
    "location=Berlin",
    "location=remote",
    "location=Germany",
    "workplace=remote",
    "workplace=remote&workplace=hybrid",
    "employment_type=contract",
    "experience_level=senior",
    "salary_min=90000",
    "role=data-engineer",
    "company=acme",
    "posted_within=1",
    "posted_within=30",
    "ordering=newest",
    "ordering=salary",
    "ordering=salary&page=2",
    "salary_min=90000&ordering=salary",
    "company=acme&ordering=newest",
    "role=data-engineer&workplace=remote&experience_level=senior",
]

# Other lists and pages that read jobs, guides or roles, with the tables whose full scan fails.
OTHER_PAGES = [
    ("/", ["jobs_job", "roles_guide"]),
    ("/guides/", ["roles_guide"]),
    ("/guides/?role=data-engineer", ["roles_guide"]),
    ("/guides/plain-guide/", ["jobs_job", "roles_guide"]),
    ("/guides/compare-guide/", ["jobs_job", "roles_guide"]),
    ("/roles/data-engineer/", ["jobs_job", "roles_guide"]),
    ("/jobs/open-job/", ["jobs_job", "roles_guide"]),
    ("/search/?q=data", ["jobs_job"]),
    ("/feeds/jobs/", ["jobs_job"]),
    ("/feeds/jobs/?workplace=remote&salary_min=50000", ["jobs_job"]),
    ("/feeds/guides/", ["roles_guide"]),
    ("/sitemap.xml", ["jobs_job", "roles_guide"]),
    ("/sitemap-jobs.xml", ["jobs_job"]),
    ("/api/v1/companies/", ["jobs_job"]),
    ("/api/v1/companies/acme/", ["jobs_job"]),
    ("/api/v1/guides/", ["roles_guide"]),
    ("/api/v1/guides/?role=data-engineer", ["roles_guide"]),
]


@pytest.fixture
def board(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.JOBS_PER_PAGE = 2
    now = timezone.now()
    role = make_role(name="Data Engineer", slug="data-engineer")
    other = make_role()
    acme = make_company(name="Acme", slug="acme")
    make_job(slug="open-job", company=acme, role=role, featured_until=now + timedelta(days=2))
    make_job(company=acme, role=role, workplace=Workplace.REMOTE, city="", country="US",
             experience_level=ExperienceLevel.SENIOR, salary_max=150_000)  # fmt: skip
    make_job(role=other, workplace=Workplace.HYBRID, employment_type=EmploymentType.CONTRACT)
    for n in range(4):
        make_job(role=role if n % 2 else None, posted_at=now - timedelta(days=n + 2))
    make_guide(slug="plain-guide", first_role=role)
    make_guide(slug="compare-guide", first_role=role, second_role=other)


def seq_scans(url: str, client, tables: list[str]) -> list[str]:
    """The plans of the address's queries that read one of `tables` whole."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    found = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # for the test's transaction
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or "SAVEPOINT" in sql:
                continue
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            if any(f"Seq Scan on {table}" in plan for table in tables):
                found.append(f"{sql}\n{plan}")
    return found


@pytest.mark.parametrize("query", JOB_QUERIES)
@pytest.mark.parametrize("path", ["/jobs/", "/api/v1/jobs/"])
def test_every_job_filter_and_ordering_is_served_by_an_index(client, board, path, query):
    url = f"{path}?{query}" if query else path
    if path.startswith("/api/") and "page=2" in query:
        url += "&page_size=2"
    assert seq_scans(url, client, ["jobs_job"]) == []


@pytest.mark.parametrize(("url", "tables"), OTHER_PAGES)
def test_other_lists_are_served_by_indexes(client, board, url, tables):
    assert seq_scans(url, client, tables) == []
