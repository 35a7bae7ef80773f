"""/companies/ and a company's page: who is listed and in what order, what a page shows, its
structured data, the sitemap, and the queries a page runs."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.choices import JobStatus
from tests.factories import make_company, make_job
from tests.images.helpers import library_image

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def listed_names(html: str) -> list[str]:
    return re.findall(r'<h2 class="card-title"><a href="/companies/[^"]+/">([^<]+)</a>', html)


def jobs_at(company, n: int, **fields) -> None:
    for _ in range(n):
        make_job(company=company, **fields)


# --- /companies/ -------------------------------------------------------------------------------


def test_the_most_open_jobs_first_then_by_name(client):
    jobs_at(make_company(name="Beta"), 1)
    jobs_at(make_company(name="Alpha"), 1)
    busy = make_company(name="Zeta")
    jobs_at(busy, 3)
    # Closed and unpublished postings do not count toward the order.
    jobs_at(make_company(name="Gamma"), 2, status=JobStatus.FILLED)
    jobs_at(make_company(name="Gamma 2"), 1)
    jobs_at(busy, 1, status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    page = client.get("/companies/")
    assert page.status_code == 200
    assert listed_names(page.text) == ["Zeta", "Alpha", "Beta", "Gamma 2"]
    assert ">3 open jobs<" in page.text and ">1 open job<" in page.text


def test_companies_without_an_open_job_are_left_out(client):
    make_company(name="Only Drafts")
    make_job(company=make_company(name="Only Pending"), status=JobStatus.PENDING)
    make_job(company=make_company(name="Only Expired"), expires_at=timezone.now())
    make_job(company=make_company(name="Hiring"))
    assert listed_names(client.get("/companies/").text) == ["Hiring"]


def test_search_by_name(client):
    make_job(company=make_company(name="Brookhaven National Laboratory"))
    make_job(company=make_company(name="McKesson"))
    found = client.get("/companies/?q=LAB")
    assert listed_names(found.text) == ["Brookhaven National Laboratory"]
    assert 'rel="canonical" href="http://testserver/companies/?q=LAB"' in found.text
    none = client.get("/companies/?q=nothing-like-it")
    assert none.status_code == 200
    assert listed_names(none.text) == []
    assert "No company hiring now matches" in none.text


def test_pages_and_canonical_links(client, settings):
    settings.COMPANIES_PER_PAGE = 2
    for n in range(5):
        make_job(company=make_company(name=f"Co {n}"))
    first = client.get("/companies/")
    assert 'rel="canonical" href="http://testserver/companies/"' in first.text
    assert listed_names(first.text) == ["Co 0", "Co 1"]
    third = client.get("/companies/?page=3")
    assert listed_names(third.text) == ["Co 4"]
    assert 'rel="canonical" href="http://testserver/companies/?page=3"' in third.text
    for page in ("4", "0", "-1", "abc"):
        assert client.get(f"/companies/?page={page}").status_code == 404


# --- a company's page --------------------------------------------------------------------------


@pytest.fixture
def acme():
    return make_company(
        name="Acme Analytics",
        slug="acme",
        website="https://www.acme.example",
        tagline="Forecasts for retailers",
        headquarters="Toronto, Canada",
        size="51-200",
        industries="Retail, Software",
        description="We **forecast** demand.\n\n<script>alert(1)</script>",
    )


def test_the_page_shows_the_profile_and_the_open_jobs(client, acme):
    open_job = make_job(company=acme, title="Forecasting Engineer")
    make_job(company=acme, title="Draft Job", status=JobStatus.DRAFT, posted_at=None,
             expires_at=None)  # fmt: skip
    make_job(company=acme, title="Pending Job", status=JobStatus.PENDING)
    make_job(company=acme, title="Rejected Job", status=JobStatus.REJECTED)
    make_job(company=acme, title="Filled Job", status=JobStatus.FILLED)
    make_job(company=acme, title="Future Job", posted_at=timezone.now() + timedelta(days=1))
    page = client.get("/companies/acme/")
    assert page.status_code == 200
    html = page.text
    for text in (
        "<h1",
        "Acme Analytics",
        "Forecasts for retailers",
        "Toronto, Canada",
        "51–200 people",
        "Retail, Software",
        "<strong>forecast</strong>",
        'href="https://www.acme.example"',
        f'href="{open_job.get_absolute_url()}"',
    ):
        assert text in html, text
    assert "<script>alert" not in html
    for hidden in ("Draft Job", "Pending Job", "Rejected Job", "Filled Job", "Future Job"):
        assert hidden not in html
    # The job card's company name leads back to the page, and the alert follows the company.
    assert 'class="company-name" href="/companies/acme/"' in html
    assert "E-mail me new jobs at this company" in html
    assert 'name="search" value="company=acme"' in html
    assert [c for c in page.context["crumbs"]] == [
        ("Home", "/"),
        ("Companies", "/companies/"),
        ("Acme Analytics", "/companies/acme/"),
    ]


def test_a_long_list_links_to_all_the_jobs(client, acme):
    jobs_at(acme, 23)
    html = client.get("/companies/acme/").text
    assert html.count('class="card job-card') == 20
    assert 'href="/jobs/?company=acme">See all 23 jobs at Acme Analytics' in html


def test_companies_without_a_public_posting_have_no_page(client):
    make_company(slug="empty")
    make_job(company=make_company(slug="pending"), status=JobStatus.PENDING)
    make_job(company=make_company(slug="draft"), status=JobStatus.DRAFT, posted_at=None,
             expires_at=None)  # fmt: skip
    for slug in ("empty", "pending", "draft", "no-such-company"):
        assert client.get(f"/companies/{slug}/").status_code == 404, slug


def test_a_company_whose_postings_closed_keeps_a_page_out_of_search_engines(client, acme):
    make_job(company=acme, status=JobStatus.FILLED)
    page = client.get("/companies/acme/")
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex"
    assert "has no open job right now" in page.text
    assert "E-mail me new jobs" not in page.text


def test_pay_figures_only_with_enough_postings_stating_pay(client, acme):
    for top in (100_000, 120_000, 140_000, 160_000):
        make_job(company=acme, salary_min=top - 20_000, salary_max=top)
    make_job(company=acme, salary_min=None, salary_max=None, salary_currency="")
    page = client.get("/companies/acme/").text
    assert "Shown once at least 5 open postings state pay; 4 do now." in page
    assert "the median" not in page
    # Monthly pay in euros counts, a year's top in U.S. dollars at reference rates.
    make_job(company=acme, salary_min=8_000, salary_max=10_000, salary_currency="EUR",
             salary_period="month")  # fmt: skip
    page = client.get("/companies/acme/").text
    # EUR 10,000 a month is USD 129,600 a year (12 × 10,000 × 1.08): the middle of the five.
    assert "USD 129,600</strong> a year, the median" in page
    assert "across the 5 open postings that state pay" in page
    assert "from USD 100,000 to USD 160,000" in page


def test_pay_leaves_out_postings_that_are_not_open(client, acme):
    for top in (100_000, 120_000, 140_000, 160_000):
        make_job(company=acme, salary_max=top)
    make_job(company=acme, salary_max=900_000, status=JobStatus.FILLED)
    make_job(company=acme, salary_max=900_000, status=JobStatus.PENDING)
    assert "the median" not in client.get("/companies/acme/").text


@pytest.mark.parametrize("count", [1, 30])
def test_the_page_runs_at_most_six_queries(client, acme, count, django_assert_max_num_queries):
    jobs_at(acme, count, featured_until=timezone.now() + timedelta(days=2))
    with django_assert_max_num_queries(6):
        page = client.get("/companies/acme/")
    assert page.status_code == 200


def test_the_page_runs_the_same_queries_for_1_and_30_jobs(acme):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert Client().get("/companies/acme/").status_code == 200
        return len(queries)

    jobs_at(acme, 1)
    one = measure()
    jobs_at(acme, 29)
    assert measure() == one


def test_organization_structured_data(client, acme):
    acme.logo = library_image()
    acme.save()
    make_job(company=acme)
    organization, breadcrumbs = json_ld(client.get("/companies/acme/").text)
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Acme Analytics"
    assert organization["url"] == "http://testserver/companies/acme/"
    assert organization["sameAs"] == "https://www.acme.example"
    assert organization["logo"].startswith("http://testserver/") and ".png" in organization["logo"]
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Home",
        "Companies",
        "Acme Analytics",
    ]


def test_organization_without_website_or_logo_leaves_them_out(client):
    company = make_company(slug="plain", website="")
    make_job(company=company)
    organization = json_ld(client.get("/companies/plain/").text)[0]
    assert "sameAs" not in organization and "logo" not in organization


def test_every_job_posting_names_its_company_page(client, acme):
    acme.logo = library_image()
    acme.save()
    job = make_job(company=acme)
    posting = next(d for d in json_ld(client.get(job.get_absolute_url()).text)
                   if d["@type"] == "JobPosting")  # fmt: skip
    organization = posting["hiringOrganization"]
    assert organization["url"] == "http://testserver/companies/acme/"
    assert organization["sameAs"] == "https://www.acme.example"
    assert organization["logo"].startswith("http://testserver/")


def test_job_cards_and_job_pages_link_to_the_company(client, acme):
    job = make_job(company=acme, title="Forecasting Engineer")
    for url in ("/jobs/", "/", job.get_absolute_url()):
        html = client.get(url).text
        assert 'href="/companies/acme/">Acme Analytics</a>' in html, url


def test_the_sitemap_lists_companies_hiring_now(client, acme):
    make_job(company=acme)
    make_job(company=make_company(slug="closed-co"), status=JobStatus.FILLED)
    make_job(company=make_company(slug="pending-co"), status=JobStatus.PENDING)
    index = client.get("/sitemap.xml").text
    assert "http://testserver/sitemap-companies.xml" in index
    section = client.get("/sitemap-companies.xml").text
    assert "<loc>http://testserver/companies/acme/</loc>" in section
    assert "closed-co" not in section and "pending-co" not in section
    assert "<loc>http://testserver/companies/</loc>" in client.get("/sitemap-pages.xml").text


def test_a_new_posting_or_a_profile_change_retires_the_cached_page(client, acme, settings):
    make_job(company=acme, title="First Job")
    assert client.get("/companies/acme/")["X-Page-Cache"] == "miss"
    assert client.get("/companies/acme/")["X-Page-Cache"] == "hit"
    make_job(company=acme, title="Second Job")
    page = client.get("/companies/acme/")
    assert page["X-Page-Cache"] == "miss" and "Second Job" in page.text
    acme.tagline = "Now with weather"
    acme.save()
    page = client.get("/companies/acme/")
    assert page["X-Page-Cache"] == "miss" and "Now with weather" in page.text
    listing = client.get("/companies/")
    assert "Now with weather" in listing.text


@pytest.mark.parametrize("query", ["te\x00ss", "\x00", "tess\x00&page=abc"])
def test_a_nul_byte_in_the_search_is_dropped_not_a_server_error(client, query):
    name, _, rest = query.partition("&")
    params = {"q": name, **dict([rest.split("=")] if rest else [])}
    assert client.get("/companies/", params).status_code in (200, 404)


def test_padded_spellings_of_a_search_share_one_cached_page(client):
    jobs_at(make_company(name="Tessellate AI", slug="tessellate"), 1)
    assert client.get("/companies/", {"q": "tess"})["X-Page-Cache"] == "miss"
    for padded in (" tess", "tess  ", "  tess "):
        assert client.get("/companies/", {"q": padded})["X-Page-Cache"] == "hit"
