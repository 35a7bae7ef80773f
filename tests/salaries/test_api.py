"""/api/v1/salaries/: the salary pages' titles and figures, hidden where the pages hide them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Status
from salaries.models import SalaryTitle, TitleAlias
from salaries.stats import refresh_stats
from tests.factories import make_role, make_salary_records

pytestmark = pytest.mark.django_db

PERCENTILES = ("p10", "p25", "p50", "p75", "p90")


@pytest.fixture
def data_engineer():
    """Seven records: five senior in the U.S. (2025), two entry-level in Germany (2024)."""
    make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000], level="senior")
    make_salary_records(title, [60_000, 70_000], level="entry", country="DE", year=2024)
    refresh_stats()
    return title


def results(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_list_gives_public_titles_with_median_and_sample(client, data_engineer):
    listed = results(client, "/api/v1/salaries/")
    assert [t["slug"] for t in listed] == ["data-engineer", "engineer"]
    first = listed[0]
    assert first == {
        "slug": "data-engineer",
        "name": "Data Engineer",
        "url": "http://testserver/salaries/data-engineer/",
        "count": 7,
        "median": 110_000,
        "hidden": None,
        "roles": [
            {
                "slug": "data-engineer",
                "name": "Data Engineer",
                "url": "http://testserver/roles/data-engineer/",
            }
        ],
    }
    # The page links the same titles with the same figures.
    html = client.get("/salaries/").content.decode()
    assert all(f'href="/salaries/{t["slug"]}/"' in html for t in listed)
    assert "$110,000" in html and ">7<" in html


def test_list_hides_a_median_below_the_minimum_sample(client, data_engineer, settings):
    settings.SALARY_MIN_SAMPLE = 8
    first = results(client, "/api/v1/salaries/")[0]
    assert first["count"] == 7
    assert first["median"] is None
    assert first["hidden"] == "Only 7 records, fewer than 8."
    assert "$110,000" not in client.get("/salaries/").content.decode()


def test_list_search_is_the_pages_search(client, data_engineer):
    TitleAlias.objects.create(alias="Pipeline Plumber", title=data_engineer)
    cases = {
        "plumber": ["data-engineer"],
        "engin": ["data-engineer", "engineer"],
        "Sr.+Data+Eng": ["data-engineer"],  # abbreviations expanded
        "data+%01engineer": ["data-engineer"],  # unprintable characters dropped
        "zzz": [],
        "x" * 5000: [],
    }
    for query, slugs in cases.items():
        assert [t["slug"] for t in results(client, f"/api/v1/salaries/?q={query}")] == slugs, query
        html = client.get(f"/salaries/?q={query}").content.decode()
        for slug in ("data-engineer", "engineer"):
            assert (f'href="/salaries/{slug}/"' in html) == (slug in slugs), (query, slug)


def test_list_by_role(client, data_engineer):
    make_role(name="ML Engineer", slug="ml-engineer", broader_titles="Engineer")
    listed = results(client, "/api/v1/salaries/")
    assert [t["slug"] for t in listed] == ["data-engineer", "engineer", "ml-engineer"]
    assert [r["slug"] for r in listed[1]["roles"]] == ["data-engineer", "ml-engineer"]
    by_role = results(client, "/api/v1/salaries/?role=ml-engineer")
    assert [t["slug"] for t in by_role] == ["engineer", "ml-engineer"]
    assert results(client, "/api/v1/salaries/?role=data-engineer&q=data") == listed[:1]


def test_list_errors_are_a_400(client, data_engineer):
    make_role(name="Draft Role", slug="draft-role", status=Status.DRAFT)
    for query in ("role=draft-role", "role=missing", "page=0", "page_size=101", "q=a%00b"):
        response = client.get(f"/api/v1/salaries/?{query}")
        assert response.status_code == 400, query
        body = response.json()
        assert body["code"] == "invalid"
        assert list(body["errors"]) == [query.split("=")[0]]
    assert client.get("/api/v1/salaries/?page=2").status_code == 404


def test_list_paginates(client, data_engineer):
    body = client.get("/api/v1/salaries/?page_size=1&page=2").json()
    assert body["count"] == 2
    assert [t["slug"] for t in body["results"]] == ["engineer"]
    assert body["next"] is None and body["previous"]


def test_detail_gives_the_pages_figures(client, data_engineer):
    response = client.get("/api/v1/salaries/data-engineer/")
    assert response.status_code == 200
    body = response.json()
    assert body["url"] == "http://testserver/salaries/data-engineer/"
    assert (body["country"], body["experience_level"], body["min_sample"]) == (None, None, 5)
    assert body["overall"] == {
        "label": "All levels",
        "count": 7,
        "postings": 0,
        "surveys": 7,
        "sources": "7 survey records",
        "hidden": None,
        # p10 of the seven: position 0.6 → 60K + 0.6 × 10K; p90 at 5.4 → 130K + 0.4 × 10K.
        "p10": 66_000,
        "p25": 85_000,
        "p50": 110_000,
        "p75": 125_000,
        "p90": 134_000,
    }
    assert [(f["level"], f["label"]) for f in body["by_level"]] == [
        ("entry", "Entry-level"),
        ("mid", "Mid-level"),
        ("senior", "Senior"),
        ("executive", "Executive"),
    ]
    entry, mid, senior, _ = body["by_level"]
    assert senior["p50"] == 120_000 and senior["hidden"] is None
    assert entry["count"] == 2 and entry["sources"] == "2 survey records"
    assert entry["hidden"] == "Only 2 records, fewer than 5."
    assert all(entry[name] is None for name in PERCENTILES)
    assert mid["count"] == 0 and mid["hidden"] == "No records, fewer than 5."
    assert [(f["year"], f["count"], f["p50"]) for f in body["by_year"]] == [
        (2024, 2, None),
        (2025, 5, 120_000),
    ]
    assert body["countries"] == [{"code": "US", "name": "United States", "count": 5}]
    assert [r["slug"] for r in body["roles"]] == ["data-engineer"]
    # The page shows the same numbers and hides the same ones.
    html = client.get(body["url"]).content.decode()
    assert "$110,000" in html and "$66,000 – $134,000" in html and "$120K" in html
    assert "Hidden: only 2 records, fewer than 5" in html


def test_detail_in_a_country_and_at_one_level(client, data_engineer, settings):
    body = client.get("/api/v1/salaries/data-engineer/?country=de").json()
    assert body["country"] == "DE"
    assert body["url"] == "http://testserver/salaries/data-engineer/?country=DE"
    assert body["overall"]["count"] == 2 and body["overall"]["p50"] is None
    assert body["overall"]["hidden"] == "Only 2 records, fewer than 5."
    html = client.get("/salaries/data-engineer/?country=DE").content.decode()
    assert "Not enough data" in html and "$65,000" not in html
    settings.SALARY_MIN_SAMPLE = 2
    body = client.get("/api/v1/salaries/data-engineer/?country=DE&experience_level=entry").json()
    assert body["overall"]["p50"] == 65_000 and body["overall"]["hidden"] is None
    assert body["experience_level"] == "entry"
    assert [(f["level"], f["p50"]) for f in body["by_level"]] == [("entry", 65_000)]
    assert body["min_sample"] == 2
    us = client.get("/api/v1/salaries/data-engineer/?country=US&experience_level=mid").json()
    assert us["overall"]["p50"] == 120_000
    assert [(f["level"], f["count"], f["p50"]) for f in us["by_level"]] == [("mid", 0, None)]


def test_detail_errors_are_a_400(client, data_engineer):
    cases = {
        "country=ZZ": ["country"],
        "country=<b>US": ["country"],
        "country=USA": ["country"],
        "experience_level=lead": ["experience_level"],
        "country=US&experience_level=Senior": ["experience_level"],
        # A NUL byte is refused before the view reads anything (core/text_input.py).
        "country=%00&experience_level=Senior": ["country"],
    }
    for query, fields in cases.items():
        response = client.get(f"/api/v1/salaries/data-engineer/?{query}")
        assert response.status_code == 400, query
        body = response.json()
        assert body["code"] == "invalid" and sorted(body["errors"]) == fields, query


def test_titles_not_public_are_a_404(client, data_engineer):
    make_role(name="Hidden Role", broader_titles="Secret Title", status=Status.DRAFT)
    SalaryTitle.objects.get_or_create(name="Secret Title")
    SalaryTitle.objects.create(name="Orphan Title")  # named by no role
    for slug in ("secret-title", "hidden-role", "orphan-title", "no-such-title"):
        response = client.get(f"/api/v1/salaries/{slug}/?country=ZZ")
        assert response.status_code == 404, slug
        assert response.json()["code"] == "not_found"
        assert client.get(f"/salaries/{slug}/").status_code == 404
    listed = {t["slug"] for t in results(client, "/api/v1/salaries/?page_size=100")}
    assert listed == {"data-engineer", "engineer"}


def test_queries_do_not_grow(client, data_engineer):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        return len(queries)

    urls = [
        "/api/v1/salaries/",
        "/api/v1/salaries/?role=data-engineer&q=engineer",
        "/api/v1/salaries/engineer/?country=US",
    ]
    small = [count(url) for url in urls]
    for n in range(15):
        make_role(name=f"Role {n}", slug=f"role-{n}", broader_titles="Engineer")
        title = SalaryTitle.objects.get(name=f"Role {n}")
        make_salary_records(
            title, [90_000 + n] * 5, country=["US", "DE", "FR"][n % 3], year=n + 2000
        )
    refresh_stats()
    assert [count(url) for url in urls] == small
    assert small[0] <= 3 and small[1] <= 4 and small[2] <= 5


def test_conditional_get(client, data_engineer):
    first = client.get("/api/v1/salaries/data-engineer/")
    again = client.get("/api/v1/salaries/data-engineer/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    listed = client.get("/api/v1/salaries/")
    assert client.get(
        "/api/v1/salaries/", headers={"If-None-Match": listed["ETag"]}
    ).status_code == (304)
