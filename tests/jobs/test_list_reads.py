"""A job list's count and pages read around the filters' compiled WHERE clause (jobs/list_reads.py)
give exactly what the ORM's statements give, for every filter, order and page."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.db.models import Count
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs import list_reads
from jobs.choices import EmploymentType, ExperienceLevel, Workplace
from jobs.filters import JobFilter
from jobs.list_reads import CompiledFilters
from jobs.models import Job
from jobs.pagination import CountUpTo, FeaturedFirst, in_list_order
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    now = timezone.now()
    ml = make_role(slug="ml")
    acme = make_company(name="Acme Robotics", slug="acme")
    other = make_company(name="Other Labs", slug="other")
    places = [
        ("Berlin", "", "DE"),
        ("Austin", "TX", "US"),
        ("Denver", "CO", "US"),
        ("Paris", "", "FR"),
    ]
    for n in range(36):
        city, region, country = places[n % 4]
        featured = None
        if n % 5 == 0:
            featured = now + timedelta(days=2)
        elif n % 7 == 0:
            featured = now - timedelta(days=1)  # no longer featured
        make_job(
            title=f"{'Data' if n % 3 else 'Vision'} Engineer {n}",
            company=acme if n % 2 else other,
            role=ml if n % 3 == 0 else None,
            city=city,
            region=region,
            country=country,
            workplace=[Workplace.REMOTE, Workplace.ONSITE, Workplace.HYBRID][n % 3],
            employment_type=[EmploymentType.FULL_TIME, EmploymentType.CONTRACT][n % 2],
            experience_level=[ExperienceLevel.SENIOR, ExperienceLevel.MID][n % 2],
            salary_min=None if n % 4 == 3 else 50_000 + 5_000 * n,
            salary_max=None if n % 4 == 3 else 60_000 + 5_000 * n,
            salary_currency="" if n % 4 == 3 else "USD",
            featured_until=featured,
            # Some postings share a moment: the order falls back to the id.
            posted_at=now - timedelta(hours=(n // 2) * 5),
        )


QUERIES = [
    "",
    "workplace=remote",
    "workplace=remote&workplace=hybrid",
    "role=ml",
    "company=acme",
    "location=Berlin",
    "location=US",
    "location=Austin, TX",
    "location=remote",
    "salary_min=150000",
    "posted_within=1",
    "q=vision",
    "q=nothing-matches-this",
    "experience_level=senior&employment_type=contract",
    "role=ml&company=other&workplace=remote",
    "company=unknown",  # invalid: left out, the others apply
    "ordering=newest&workplace=onsite",
    "ordering=salary",
    "ordering=salary&workplace=remote",
    "ordering=salary&location=Berlin&salary_min=60000",
    "ordering=salary&q=vision",
    "ordering=salary&salary_min=99000000",
]
SLICES = [(0, 1), (0, 5), (0, 20), (3, 9), (5, 10), (10, 30), (30, 60)]


def read(query: str, up_to: int | None) -> tuple:
    """The counts and pages of a list; each page read once before any count and once after
    (a list counted to few matches reads them all and sorts them)."""

    def results():
        jobs = JobFilter(QueryDict(query), queryset=Job.objects.public().for_cards())
        jobs.is_valid()
        return in_list_order(jobs, featured_up_to=up_to)

    def pages(listed) -> list:
        return [[job.pk for job in listed[start:stop]] for start, stop in SLICES]

    uncounted = pages(results())
    counted, counts = results(), []
    for cap in (2, 1000):
        capped = CountUpTo(counted, cap)
        counts.append((capped.count(), capped.exact))
    assert pages(counted) == uncounted
    return counts, uncounted


@pytest.mark.parametrize("query", QUERIES)
def test_compiled_reads_match_the_orm(board, query):
    jobs = JobFilter(QueryDict(query), queryset=Job.objects.public().for_cards())
    # The compiled path is the one under test; SQLite's keyword match reads companies' names
    # across a join, so a keyword there is read through the ORM.
    keyword_on_sqlite = "q=" in query and connection.vendor == "sqlite"
    assert (CompiledFilters.of(jobs.qs) is None) == keyword_on_sqlite
    for up_to in (3, None):
        compiled = read(query, up_to)
        with mock.patch.object(list_reads.CompiledFilters, "of", return_value=None):
            assert read(query, up_to) == compiled, (query, up_to)


def test_the_featured_go_first_then_the_newest(board):
    now = timezone.now()
    public = list(Job.objects.public())
    featured = sorted(
        (job for job in public if job.featured_until and job.featured_until > now),
        key=lambda job: (job.posted_at, job.pk),
        reverse=True,
    )
    first = featured[:3]
    rest = sorted(
        (job for job in public if job not in first),
        key=lambda job: (job.posted_at, job.pk),
        reverse=True,
    )
    paged = FeaturedFirst(Job.objects.public(), up_to=3)
    assert paged.compiled is not None
    assert paged[0:20] == (first + rest)[:20]
    assert FeaturedFirst(Job.objects.public(), up_to=3)[20:40] == (first + rest)[20:40]


def test_a_list_s_count_and_first_page_are_two_queries(board):
    jobs = JobFilter(QueryDict("workplace=remote&salary_min=60000"), queryset=Job.objects.public())
    listed = FeaturedFirst(jobs.qs, up_to=3)
    assert listed.compiled is not None
    results = CountUpTo(listed, 1000)
    with CaptureQueriesContext(connection) as queries:
        assert results.count() > 0
        assert results[0:20]
    assert len(queries) == 2
    # The filters appear in each statement as the ORM compiled them, with their parameters.
    assert all("workplace" in query["sql"] for query in queries)


def test_filters_across_a_join_are_read_through_the_orm(board):
    joined = Job.objects.public().filter(company__name="Acme Robotics")
    assert CompiledFilters.of(joined) is None
    assert CompiledFilters.of(Job.objects.public()[:5]) is None
    assert CompiledFilters.of(Job.objects.public().distinct()) is None
    # What `rows` would not read back: an annotation, prefetched rows, values() rows.
    assert CompiledFilters.of(Job.objects.public().annotate(n=Count("pk"))) is None
    assert CompiledFilters.of(Job.objects.public().prefetch_related("company")) is None
    assert CompiledFilters.of(Job.objects.public().values("pk")) is None
    # A join Django set up and then trimmed (role= compares the role's id) is no join.
    assert CompiledFilters.of(Job.objects.public().filter(role__slug="ml")) is None
    assert CompiledFilters.of(Job.objects.public().filter(role=make_role(slug="x"))) is not None
    acme = [job.pk for job in Job.objects.public().filter(company__slug="acme").newest()]
    assert [job.pk for job in FeaturedFirst(joined, up_to=0)[0:50]] == acme


def test_filters_that_match_nothing_read_nothing(board):
    nothing = Job.objects.public().filter(pk__in=[])
    compiled = CompiledFilters.of(nothing)
    assert compiled is not None and compiled.sql is None
    with CaptureQueriesContext(connection) as queries:
        assert CountUpTo(FeaturedFirst(nothing, up_to=3), 10).count() == 0
        assert FeaturedFirst(nothing, up_to=3)[0:20] == []
    assert len(queries) == 0


def counted_list(query: str) -> CountUpTo:
    """The list of `query` as /jobs/ reads it: three featured postings first, counted to 1,000."""
    jobs = JobFilter(QueryDict(query), queryset=Job.objects.public())
    return CountUpTo(FeaturedFirst(jobs.qs, up_to=3), 1000)


def test_a_list_counted_to_nothing_reads_no_page(board):
    results = counted_list("salary_min=99000000")
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == 0
        assert results[0:20] == []
    assert len(queries) == 1


def test_a_list_counted_to_few_matches_reads_them_all_and_sorts_them(board):
    results = counted_list("workplace=remote")
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == 12
        assert len(results[0:5]) == 5
    page = queries[-1]["sql"]
    assert "gathered" in page and page.count("ORDER BY") == 2
    if connection.vendor == "postgresql":
        assert "OFFSET 0) gathered" in page


@pytest.mark.parametrize("query", ["ordering=newest", "ordering=newest&workplace=onsite"])
def test_newest_first_is_read_as_the_default_order_is_and_gives_the_filtersets_order(board, query):
    jobs = JobFilter(QueryDict(query), queryset=Job.objects.public())
    listed = in_list_order(jobs, featured_up_to=3)
    assert isinstance(listed, FeaturedFirst)
    expected = [job.pk for job in jobs.qs]  # the FilterSet's own order: newest, then id
    assert expected
    for start, stop in SLICES:
        assert [job.pk for job in listed[start:stop]] == expected[start:stop]
