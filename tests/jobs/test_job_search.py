"""/jobs/: every filter alone and together, ordering, pagination, bad input and query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.page_cache import pages_changed
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace
from jobs.models import Job
from jobs.pagination import FeaturedFirst, featured_then_newest, search_count_up_to
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db


def listed(client, query: str = "") -> list[str]:
    """Titles on the first page of /jobs/?query, in order."""
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    return re.findall(r'class="card-title"><a href="/jobs/[^"]+/">([^<]+)</a>', response.text)


@pytest.fixture
def board():
    now = timezone.now()
    ml = make_role(name="Machine Learning Engineer", slug="machine-learning-engineer")
    acme = make_company(name="Acme Robotics", slug="acme")
    make_job(
        title="Remote Senior ML",
        company=acme,
        role=ml,
        workplace=Workplace.REMOTE,
        city="",
        country="US",
        remote_region="anywhere in the U.S.",
        experience_level=ExperienceLevel.SENIOR,
        salary_min=150_000,
        salary_max=190_000,
        skills="PyTorch, Kubernetes",
        posted_at=now - timedelta(hours=2),
    )
    make_job(
        title="Berlin Data Intern",
        workplace=Workplace.ONSITE,
        city="Berlin",
        country="DE",
        employment_type=EmploymentType.INTERNSHIP,
        experience_level=ExperienceLevel.ENTRY,
        salary_min=2_000,
        salary_max=2_500,
        salary_currency="EUR",
        salary_period=SalaryPeriod.MONTH,
        skills="SQL",
        posted_at=now - timedelta(days=3),
    )
    make_job(
        title="Hybrid Contract Analyst",
        workplace=Workplace.HYBRID,
        city="Alpharetta",
        region="GA",
        country="US",
        employment_type=EmploymentType.CONTRACT,
        experience_level=ExperienceLevel.MID,
        salary_min=None,
        salary_max=None,
        salary_currency="",
        posted_at=now - timedelta(days=20),
    )
    make_job(
        title="Director of Data",
        company=acme,
        city="London",
        country="GB",
        experience_level=ExperienceLevel.EXECUTIVE,
        salary_min=200_000,
        salary_max=240_000,
        salary_currency="GBP",
        posted_at=now - timedelta(days=10),
    )
    make_job(title="Pending one", status=JobStatus.PENDING, role=ml, workplace=Workplace.REMOTE)


ALL = ["Remote Senior ML", "Berlin Data Intern", "Director of Data", "Hybrid Contract Analyst"]


def test_unfiltered_list_shows_public_jobs_newest_first(client, board):
    assert listed(client) == ALL


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=pytorch", ["Remote Senior ML"]),
        ("q=acme", ["Remote Senior ML", "Director of Data"]),
        ("q=data+director", ["Director of Data"]),
        ("q=machine+learning", ["Remote Senior ML"]),
        ("location=berlin", ["Berlin Data Intern"]),
        ("location=Alpharetta,+GA", ["Hybrid Contract Analyst"]),
        ("location=United+Kingdom", ["Director of Data"]),
        ("location=usa", ["Remote Senior ML", "Hybrid Contract Analyst"]),
        ("location=remote", ["Remote Senior ML"]),
        ("workplace=remote", ["Remote Senior ML"]),
        ("workplace=remote&workplace=hybrid", ["Remote Senior ML", "Hybrid Contract Analyst"]),
        ("employment_type=internship", ["Berlin Data Intern"]),
        ("employment_type=contract", ["Hybrid Contract Analyst"]),
        ("experience_level=senior", ["Remote Senior ML"]),
        ("experience_level=entry&experience_level=executive", ["Berlin Data Intern",
                                                               "Director of Data"]),
        ("salary_min=160000", ["Remote Senior ML", "Director of Data"]),
        # EUR 2,500 a month is EUR 30,000 a year, USD 32,400 at the reference rate.
        ("salary_min=32400", ["Remote Senior ML", "Berlin Data Intern", "Director of Data"]),
        ("salary_min=32401", ["Remote Senior ML", "Director of Data"]),
        ("role=machine-learning-engineer", ["Remote Senior ML"]),
        ("company=acme", ["Remote Senior ML", "Director of Data"]),
        ("posted_within=1", ["Remote Senior ML"]),
        ("posted_within=7", ["Remote Senior ML", "Berlin Data Intern"]),
        ("posted_within=30", ALL),
    ],
)  # fmt: skip
def test_each_filter(client, board, query, expected):
    assert listed(client, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("company=acme&workplace=onsite", ["Director of Data"]),
        ("q=data&location=berlin&employment_type=internship", ["Berlin Data Intern"]),
        ("workplace=remote&experience_level=senior&salary_min=100000&role=machine-learning-engineer"
         "&posted_within=7&q=ml", ["Remote Senior ML"]),
        ("workplace=remote&location=berlin", []),
    ],
)  # fmt: skip
def test_filters_combine(client, board, query, expected):
    assert listed(client, query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("workplace=moon", "Select a valid choice"),
        ("experience_level=guru", "Select a valid choice"),
        ("salary_min=lots", "Enter a number"),
        ("salary_min=-5", "greater than or equal to 0"),
        ("posted_within=99", "Select a valid choice"),
        ("role=no-such-role", "Select a valid choice"),
        ("company=no-such-company", "That company has no listing here"),
        ("q=" + "x" * 300, "at most 200 characters"),
    ],
)
def test_invalid_values_show_the_error_and_ignore_that_filter(client, board, query, message):
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    assert message in response.text
    assert listed(client, query) == ALL


@pytest.mark.parametrize(
    "query",
    ["workplace=", "salary_min=1e400", "q=%00", "location=%27%3B--", "ordering=nope",
     "q=%3Cscript%3E"],
)  # fmt: skip
def test_odd_input_never_fails(client, board, query):
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>", 1)[1]


def test_featured_jobs_come_first_while_featured(client, board):
    now = timezone.now()
    make_job(title="Old featured", posted_at=now - timedelta(days=25),
             featured_until=now + timedelta(days=1))  # fmt: skip
    make_job(title="Lapsed feature", posted_at=now - timedelta(days=26),
             featured_until=now - timedelta(minutes=1))  # fmt: skip
    titles = listed(client)
    assert titles[0] == "Old featured"
    assert titles[-1] == "Lapsed feature"
    assert titles.count("Old featured") == 1


def test_other_orderings(client, board):
    assert listed(client, "ordering=salary")[:2] == ["Director of Data", "Remote Senior ML"]
    assert listed(client, "ordering=newest") == ALL


def test_pagination_links_total_and_nearest_page(client, settings):
    settings.JOBS_PER_PAGE = 5
    company = make_company()
    now = timezone.now()
    for n in range(12):
        make_job(title=f"Job number {n}", company=company, posted_at=now - timedelta(hours=n))
    response = client.get("/jobs/?workplace=onsite&page=2")
    assert "Page 2 of 3 · 12 in all" in response.text
    assert 'href="?workplace=onsite&amp;page=3"' in response.text  # filters kept in page links
    assert listed(client, "page=2")[0] == "Job number 5"
    assert listed(client, "page=3") == ["Job number 10", "Job number 11"]
    assert client.get("/jobs/?page=4").status_code == 404  # never the last page instead


def test_form_keeps_its_values(client, board):
    html = client.get("/jobs/?q=ml&location=berlin&workplace=remote&salary_min=5000").text
    assert 'value="ml"' in html and 'value="berlin"' in html and 'value="5000"' in html
    assert re.search(r'value="remote"[^>]*checked', html)


def test_active_filters_can_be_removed_one_by_one(client, board):
    html = client.get("/jobs/?workplace=remote&experience_level=senior").text
    assert 'href="/jobs/?experience_level=senior"' in html  # drop the workplace
    assert 'href="/jobs/?workplace=remote"' in html  # drop the level


def test_empty_result_suggests_widening(client, board):
    html = client.get("/jobs/?q=astronaut&workplace=remote").text
    assert "No jobs match all of these filters" in html
    assert "See all open jobs" in html


def test_non_public_jobs_never_listed(client, board):
    assert "Pending one" not in client.get("/jobs/?workplace=remote").text


def test_queries_do_not_grow_with_jobs(client, settings):
    settings.JOBS_PER_PAGE = 20

    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/jobs/?{query}").status_code == 200
        return len(queries)

    role = make_role(slug="ml")
    companies = [make_company() for _ in range(5)]
    for n in range(20):
        featured = timezone.now() + timedelta(days=1) if n % 4 == 0 else None
        make_job(company=companies[n % 5], role=role, featured_until=featured)
    small = count(""), count("role=ml&workplace=onsite&company=" + companies[0].slug)
    for n in range(480):
        make_job(company=companies[n % 5], role=role)
    assert Job.objects.public().count() == 500
    assert (count(""), count("role=ml&workplace=onsite&company=" + companies[0].slug)) == small
    # The total, the first page (its featured rows and the newest others in one query) and the
    # role menu; filtering by role and company adds one check each.
    assert small == (3, 5)


def test_featured_first_pages_match_the_featured_first_ordering():
    now = timezone.now()
    company = make_company()
    for n in range(23):
        featured = now + timedelta(days=1) if n % 4 == 0 else None
        if n % 7 == 0:
            featured = now - timedelta(days=1)  # no longer featured
        make_job(title=f"J{n}", company=company, featured_until=featured,
                 posted_at=now - timedelta(hours=n % 9, minutes=n))  # fmt: skip
    expected = list(Job.objects.public().featured_first())
    paged = FeaturedFirst(Job.objects.public())
    assert paged.count() == len(expected) == 23
    assert paged[0:23] == expected
    for start, stop in [(0, 5), (3, 9), (5, 20), (20, 40)]:
        assert paged[start:stop] == expected[start:stop]
        # A first page read on its own, as a list page asks for it, is the same.
        assert FeaturedFirst(Job.objects.public())[start:stop] == expected[start:stop]
    # With `up_to`, the newest featured postings go first and the others keep their dates.
    featured = [job for job in expected if job.featured_until and job.featured_until > now]
    for up_to in (0, 2, 10):
        first = featured[:up_to]
        by_date = first + sorted(
            (job for job in expected if job not in first),
            key=lambda job: (job.posted_at, job.pk),
            reverse=True,
        )
        for start, stop in [(0, 1), (0, 5), (0, 23), (3, 9), (20, 40)]:
            page = FeaturedFirst(Job.objects.public(), up_to=up_to)[start:stop]
            assert page == by_date[start:stop], (up_to, start, stop)


def test_featured_then_newest_matches_the_featured_first_ordering():
    now = timezone.now()
    for n in range(12):
        featured = now + timedelta(days=1) if n in (3, 7, 11) else None
        make_job(featured_until=featured, posted_at=now - timedelta(hours=n))
    expected = list(Job.objects.public().featured_first()[:5])
    assert featured_then_newest(Job.objects.public(), 5) == expected
    assert featured_then_newest(Job.objects.public(), 2) == expected[:2]


def test_the_job_list_counts_up_to_a_cap(client, board, monkeypatch, settings):
    settings.JOBS_PER_PAGE = 2
    total = Job.objects.public().count()
    assert f'<h2 id="results-h">{total} jobs</h2>' in client.get("/jobs/").text
    monkeypatch.setattr("jobs.views.LIST_COUNT_UP_TO", 3)
    pages_changed()  # as after a deploy: pages cached under the old code are retired
    html = client.get("/jobs/").text
    assert '<h2 id="results-h">3+ jobs</h2>' in html
    assert "Page 1 of 2+ · 3+ in all" in html  # the pages reach the first three
    assert "Page 2 of 2" in client.get("/jobs/?page=2").text
    assert client.get("/jobs/?page=3").status_code == 404


def test_a_filtered_list_counts_up_to_the_lower_cap(client, board, monkeypatch, settings):
    settings.JOBS_PER_PAGE = 1
    monkeypatch.setattr("jobs.views.SEARCH_COUNT_UP_TO", 1)
    pages_changed()
    # The whole board is counted up to its own cap; any filter stops at the lower one.
    total = Job.objects.public().count()
    assert f'<h2 id="results-h">{total} jobs</h2>' in client.get("/jobs/").text
    assert f'<h2 id="results-h">{total} jobs</h2>' in client.get("/jobs/?ordering=newest").text
    onsite = Job.objects.public().filter(workplace=Workplace.ONSITE).count()
    assert onsite > 1
    html = client.get("/jobs/?workplace=onsite").text
    assert '<h2 id="results-h">1+ job matches</h2>' in html  # (a cap of one, for the test)
    assert client.get("/jobs/?workplace=onsite&page=2").status_code == 404  # the first one only


def test_a_filtered_list_counts_as_far_as_its_reader_pages_soon():
    # Twenty a page: 200 ("200+", ten pages) up to page 5, then in steps of ten pages, always
    # five pages past the one shown, never past the ceiling.
    assert [search_count_up_to(page, 20, 1000) for page in (1, 5, 6, 15, 16, 35, 36, 999)] == [
        200,
        200,
        400,
        400,
        600,
        800,
        1000,
        1000,
    ]
    assert search_count_up_to(1, 20, 150) == 150
    assert search_count_up_to(1, 20, 0) == 1


def test_a_filtered_page_says_how_far_it_counted(client, monkeypatch, settings):
    settings.JOBS_PER_PAGE = 1
    monkeypatch.setattr("jobs.pagination.SEARCH_COUNT_STEP", 2)
    monkeypatch.setattr("jobs.pagination.SEARCH_PAGES_AHEAD", 1)
    for n in range(7):
        make_job(title=f"Onsite {n}", workplace=Workplace.ONSITE)
    pages_changed()
    first = client.get("/jobs/?workplace=onsite").text
    assert '<h2 id="results-h">2+ jobs match</h2>' in first
    assert "Page 1 of 2+ · 2+ in all" in first
    # Further on, it counts further: page 2 is five postings' worth from the start here.
    assert "Page 2 of 4+ · 4+ in all" in client.get("/jobs/?workplace=onsite&page=2").text
    assert "Page 5 of 6+ · 6+ in all" in client.get("/jobs/?workplace=onsite&page=5").text
    # Leading zeros name the same page, counted as far.
    assert "Page 5 of 6+ · 6+ in all" in client.get("/jobs/?workplace=onsite&page=0000000005").text
    # Counted to the end: exact, and no "+".
    last = client.get("/jobs/?workplace=onsite&page=7").text
    assert "Page 7 of 7 · 7 in all" in last
    assert client.get("/jobs/?workplace=onsite&page=8").status_code == 404
