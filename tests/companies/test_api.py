"""/api/v1/companies/ and /api/v1/companies/<slug>/: companies hiring now, as the page lists
them, with their profile, open job count and page address."""

import pytest

from jobs.choices import JobStatus
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db


def results(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_the_list_puts_the_most_open_jobs_first(client):
    make_job(company=make_company(name="Beta", slug="beta"))
    alpha = make_company(name="Alpha", slug="alpha")
    make_job(company=alpha)
    busy = make_company(name="Zeta", slug="zeta")
    for _ in range(2):
        make_job(company=busy)
    make_job(company=busy, status=JobStatus.EXPIRED)
    make_job(company=make_company(slug="quiet"), status=JobStatus.PENDING)
    listed = results(client, "/api/v1/companies/")
    assert [(c["slug"], c["open_jobs"]) for c in listed] == [("zeta", 2), ("alpha", 1), ("beta", 1)]


def test_q_finds_companies_by_part_of_the_name(client):
    make_job(company=make_company(name="Brookhaven National Laboratory", slug="bnl"))
    make_job(company=make_company(name="McKesson", slug="mckesson"))
    assert [c["slug"] for c in results(client, "/api/v1/companies/?q=lab")] == ["bnl"]
    assert results(client, "/api/v1/companies/?q=nothing") == []
    too_long = client.get("/api/v1/companies/?q=" + "x" * 121)
    assert too_long.status_code == 400
    assert "q" in too_long.json()["errors"]


def test_pages_like_the_other_lists(client):
    for n in range(3):
        make_job(company=make_company(name=f"Co {n}"))
    body = client.get("/api/v1/companies/?page_size=2&page=2").json()
    assert body["count"] == 3 and len(body["results"]) == 1
    assert client.get("/api/v1/companies/?page_size=2&page=3").status_code == 404


def test_one_company_with_its_profile_and_page(client):
    acme = make_company(
        name="Acme",
        slug="acme",
        website="https://acme.example",
        tagline="Forecasts for retailers",
        headquarters="Toronto, Canada",
        size="51-200",
        industries="Retail, Software",
        description="We **forecast**.",
    )
    make_job(company=acme)
    make_job(company=acme, status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    body = client.get("/api/v1/companies/acme/").json()
    assert body == {
        "slug": "acme",
        "name": "Acme",
        "url": "http://testserver/companies/acme/",
        "website": "https://acme.example",
        "logo": None,
        "tagline": "Forecasts for retailers",
        "headquarters": "Toronto, Canada",
        "size": "51-200",
        "industries": ["Retail", "Software"],
        "description_html": "<p>We <strong>forecast</strong>.</p>",
        "open_jobs": 1,
    }


def test_companies_without_an_open_posting_are_not_found(client):
    make_job(company=make_company(slug="closed"), status=JobStatus.FILLED)
    make_job(company=make_company(slug="pending"), status=JobStatus.PENDING)
    for slug in ("closed", "pending", "nobody"):
        response = client.get(f"/api/v1/companies/{slug}/")
        assert response.status_code == 404
        assert response.json()["status"] == 404


def test_read_only(client):
    make_job(company=make_company(slug="acme"))
    assert client.post("/api/v1/companies/", {}).status_code == 405
    assert client.delete("/api/v1/companies/acme/").status_code == 405
