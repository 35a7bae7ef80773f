"""Query budgets: every public page, feed, sitemap and API read runs at most QUERY_BUDGET
queries, and the same number with a few rows as with ten times more jobs, companies, roles,
guides, sections, tips, skills and salary records.

The data is built once for the module (inside a transaction that is rolled back at the end):
a small set, every address measured, then nine times as much again, every address measured
again. Each measured request is the first for its address since the data last changed, with
every cache emptied and the page cache off, so the uncached path is what counts.
"""

from contextlib import ExitStack
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace
from pages.models import Page, Slug
from roles.models import GuideSection, GuideTip, Status
from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_company, make_guide, make_job, make_role, make_salary_records

QUERY_BUDGET = 6
# The sitemap index reads one aggregate per section (jobs, companies, guides, roles, authors,
# salaries, comparisons: the last two read the roles again), whatever the data: one more section
# is one more query.
BUDGETS = {"/sitemap.xml": 8}
PER_PAGE = 5  # small pages, so that a small data set has a second page too
GROWTH = 10  # the large data set holds this many times the small one

PAGES = [
    "/",
    "/jobs/",
    "/jobs/?page=2",
    "/jobs/?q=data",
    "/jobs/?q=data&page=2",
    "/jobs/?q=python+-intern&ordering=salary",
    "/jobs/?location=Berlin",
    "/jobs/?location=remote",
    "/jobs/?location=Germany",
    "/jobs/?workplace=remote",
    "/jobs/?workplace=remote&workplace=hybrid",
    "/jobs/?employment_type=contract",
    "/jobs/?experience_level=senior",
    "/jobs/?salary_min=90000",
    "/jobs/?role=data-engineer",
    "/companies/",
    "/companies/?q=ac",
    "/companies/acme/",
    "/jobs/?company=acme",  # all of a company's open jobs (its page links here)
    "/jobs/?posted_within=7",
    "/jobs/?ordering=newest",
    "/jobs/?ordering=salary",
    "/jobs/?ordering=salary&page=2",
    "/jobs/?workplace=remote&experience_level=senior&salary_min=50000&ordering=newest",
    "/jobs/?workplace=bogus&salary_min=-1",  # invalid values are dropped, the rest applies
    "/jobs/open-job/",
    "/jobs/closed-job/",
    "/guides/",
    "/guides/?page=2",
    "/guides/?role=data-engineer",
    "/guides/plain-guide/",
    "/guides/compare-guide/",
    "/roles/",
    "/roles/data-engineer/",
    "/roles/compare/",
    "/roles/compare/?a=data-engineer",
    "/roles/compare/data-engineer-vs-ml-engineer/",
    "/salaries/",
    "/salaries/?q=engineer",
    "/salaries/data-engineer/",
    "/salaries/data-engineer/?country=US",
    "/search/?q=data",
    "/search/?q=%22data+engineer%22+-intern",
    "/feeds/jobs/",
    "/feeds/jobs/atom/",
    "/feeds/jobs/?workplace=remote&role=data-engineer",
    "/feeds/jobs/?q=data",
    "/feeds/guides/",
    "/feeds/guides/atom/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-jobs.xml",
    "/sitemap-companies.xml",
    "/sitemap-guides.xml",
    "/sitemap-roles.xml",
    "/sitemap-salaries.xml",
    "/sitemap-comparisons.xml",
    "/sitemap-site.xml",
    "/robots.txt",
    "/about/",
    "/contact/",
    "/jobs/open-job/report/",
]

API = [
    "/api/v1/",
    "/api/v1/jobs/",
    f"/api/v1/jobs/?page=2&page_size={PER_PAGE}",
    "/api/v1/jobs/?q=data",
    "/api/v1/jobs/?workplace=remote&experience_level=senior",
    "/api/v1/jobs/?employment_type=contract&location=Berlin",
    "/api/v1/jobs/?salary_min=90000&ordering=salary",
    "/api/v1/jobs/?role=data-engineer&company=acme&posted_within=30",
    "/api/v1/jobs/?ordering=newest",
    "/api/v1/jobs/open-job/",
    "/api/v1/companies/",
    "/api/v1/companies/?page=2&page_size=2",
    "/api/v1/companies/acme/",
    "/api/v1/roles/",
    "/api/v1/roles/data-engineer/",
    "/api/v1/roles/compare/?a=data-engineer&b=ml-engineer",
    "/api/v1/guides/",
    "/api/v1/guides/?role=data-engineer",
    "/api/v1/guides/plain-guide/",
    "/api/v1/guides/compare-guide/",
    "/api/v1/salaries/",
    "/api/v1/salaries/?q=engineer",
    "/api/v1/salaries/?role=data-engineer",
    "/api/v1/salaries/data-engineer/",
    "/api/v1/salaries/data-engineer/?country=US&experience_level=senior",
]

ADDRESSES = PAGES + API

# The marker makes pytest-django create the test database, which the module's data needs.
pytestmark = pytest.mark.django_db


def add_data(unit: int) -> None:
    """One unit of data. Unit 0 also holds the records the addresses above name; featured
    postings are few (a paid, short-lived promotion) and live in unit 0 only, so both data sets
    take the same path through the featured-first pages."""
    now = timezone.now()
    if unit == 0:
        role = make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
        second = make_role(name="ML Engineer", slug="ml-engineer")
        acme = make_company(name="Acme", slug="acme")
        make_job(title="Open job", slug="open-job", company=acme, role=role,
                 featured_until=now + timedelta(days=3))  # fmt: skip
        make_job(company=acme, role=second, featured_until=now + timedelta(days=3))
        make_job(title="Closed job", slug="closed-job", company=acme, role=role,
                 status=JobStatus.FILLED)  # fmt: skip
        make_guide(title="Plain guide", slug="plain-guide", first_role=role)
        make_guide(title="Compare guide", slug="compare-guide", first_role=role,
                   second_role=second)  # fmt: skip
        make_role(name="Draft role", status=Status.DRAFT)
        make_guide(status=Status.DRAFT, published_at=None, first_role=role)
        for slug in (Slug.ABOUT, Slug.CONTACT, Slug.PRIVACY):
            Page(slug=slug, title=slug.label, body="Who **we** are.").save()
    else:
        from roles.models import Guide, Role

        role = Role.objects.get(slug="data-engineer")
        second = Role.objects.get(slug="ml-engineer")
        # Ten times the sections, tips and skills on the measured records too.
        for slug in ("plain-guide", "compare-guide"):
            guide = Guide.objects.get(slug=slug)
            position = guide.sections.count() + 1
            GuideSection.objects.create(guide=guide, kind="custom", heading=f"More {unit}",
                                        intro="Notes **here**.", position=position)  # fmt: skip
            GuideTip.objects.create(guide=guide, position=guide.tips.count() + 1,
                                    lead_in=f"Tip {unit}", text="Do it.")  # fmt: skip
        role.skills += f"\nSkill {unit}"
        role.save()
    roles = [role, second, make_role(broader_titles="Engineer"), make_role()]
    companies = [make_company() for _ in range(3)]
    variants = [
        {"workplace": Workplace.REMOTE, "city": "", "country": "US",
         "remote_region": "anywhere in the U.S.", "experience_level": ExperienceLevel.SENIOR},
        {"workplace": Workplace.HYBRID, "employment_type": EmploymentType.CONTRACT,
         "salary_min": 50, "salary_max": 70, "salary_currency": "EUR",
         "salary_period": SalaryPeriod.HOUR},
        {"experience_level": ExperienceLevel.ENTRY, "salary_min": None, "salary_max": None,
         "salary_currency": "", "title": "Data intern"},
        {"salary_min": 90_000, "salary_max": 150_000, "skills": "Python, SQL, Spark, dbt"},
    ]  # fmt: skip
    for n, company in enumerate(companies + [companies[0]]):
        for k, variant in enumerate(variants):
            make_job(company=company, role=roles[(n + k) % len(roles)],
                     posted_at=now - timedelta(days=1 + (n + k) % 20), **variant)  # fmt: skip
    make_job(company=companies[1], status=JobStatus.EXPIRED)
    make_job(company=companies[2], expires_at=now - timedelta(hours=1))
    make_job(company=companies[2], status=JobStatus.PENDING, posted_at=None, expires_at=None)
    make_guide(first_role=roles[2])
    make_guide(first_role=roles[3], second_role=roles[0])
    title = SalaryTitle.objects.get(slug="data-engineer")
    for country, level in (("US", "senior"), ("DE", "mid")):
        make_salary_records(title, [90_000 + 1000 * i for i in range(6)], country=country,
                            level=level, year=2020 + unit % 6)  # fmt: skip
    refresh_stats()


def measure(client: Client) -> dict[str, list[str]]:
    """The SQL of each address, each the first request since the data changed."""
    measured = {}
    for url in ADDRESSES:
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        measured[url] = [query["sql"] for query in queries.captured_queries]
    return measured


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """{"small": {url: [sql, …]}, "large": {…}}, measured once for the module."""
    from rest_framework.throttling import SimpleRateThrottle

    results = {}
    with ExitStack() as stack:
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(
            override_settings(
                PAGE_CACHE_SECONDS=0,  # the full-page cache, when there is one, stays out
                JOBS_PER_PAGE=PER_PAGE,
                GUIDES_PER_PAGE=1,  # the small data set has few guides
                STORAGES={
                    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                    "staticfiles": {
                        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
                    },
                },
            )
        )
        stack.enter_context(
            mock.patch.object(
                SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "1/day"}
            )
        )
        stack.enter_context(transaction.atomic())
        client = Client()
        add_data(0)
        results["small"] = measure(client)
        for unit in range(1, GROWTH):
            add_data(unit)
        results["large"] = measure(client)
        transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()
    return results


def _listing(sql: list[str]) -> str:
    return "\n".join(f"  {n}. {query}" for n, query in enumerate(sql, start=1))


@pytest.mark.parametrize("url", ADDRESSES)
def test_queries_within_budget_and_independent_of_the_data(measured, url):
    small, large = measured["small"][url], measured["large"][url]
    budget = BUDGETS.get(url, QUERY_BUDGET)
    assert len(small) <= budget, f"{url}: {len(small)} queries\n{_listing(small)}"
    assert len(large) == len(small), (
        f"{url}: {len(small)} queries with little data, {len(large)} with more\n"
        f"small:\n{_listing(small)}\nlarge:\n{_listing(large)}"
    )
