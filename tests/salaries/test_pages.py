"""/salaries/ and /salaries/<slug>/: figures, sample-size hiding, countries, search, queries."""

import json
import re

import pytest

from core.page_cache import pages_changed
from roles.models import Status
from salaries.models import SalaryTitle, TitleAlias
from salaries.stats import refresh_stats
from tests.factories import make_guide, make_role, make_salary_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_engineer():
    make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000], level="senior")
    make_salary_records(title, [60_000, 70_000], level="entry", country="DE", year=2024)
    refresh_stats()
    return title


def test_title_list_shows_medians_and_sample_sizes(client, data_engineer):
    html = client.get("/salaries/").content.decode()
    assert 'href="/salaries/data-engineer/"' in html and 'href="/salaries/engineer/"' in html
    assert "$110,000" in html  # median of the seven records
    assert ">7<" in html


def test_title_list_search_by_name_or_alias(client, data_engineer):
    TitleAlias.objects.create(alias="Pipeline Plumber", title=data_engineer)
    html = client.get("/salaries/?q=plumber").content.decode()
    assert "/salaries/data-engineer/" in html and "/salaries/engineer/" not in html
    html = client.get("/salaries/?q=engin").content.decode()
    assert "/salaries/data-engineer/" in html and "/salaries/engineer/" in html
    html = client.get("/salaries/?q=Sr.+Data+Eng").content.decode()  # abbreviations expanded
    assert "/salaries/data-engineer/" in html and "/salaries/engineer/" not in html
    html = client.get("/salaries/?q=zzz").content.decode()
    assert "No title matches" in html
    assert client.get("/salaries/?q=" + "x" * 5000).status_code == 200
    html = client.get("/salaries/?q=data%00+%01engineer").content.decode()
    assert "/salaries/data-engineer/" in html


def test_detail_shows_percentiles_levels_years_and_sources(client, data_engineer):
    html = client.get("/salaries/data-engineer/").content.decode()
    assert "$110,000" in html  # median
    # p10 of the seven: position 0.6 → 60K + 0.6 × 10K = 66K; p90 at 5.4 → 130K + 0.4 × 10K.
    assert "$66,000 – $134,000" in html
    assert "7 records: 7 survey records" in html
    assert "Senior" in html and "$120K" in html  # the senior median
    assert "Hidden: only 2 records, fewer than 5" in html  # entry-level
    assert "<svg" in html and 'role="img"' in html
    # No script but structured data: the charts are drawn without one.
    assert "<script" not in re.sub(r'<script type="application/ld\+json">.*?</script>', "", html)
    crumbs = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "Salaries",
        "Data Engineer",
    ]


def test_figures_below_the_minimum_sample_are_hidden_with_a_note(client, data_engineer, settings):
    html = client.get("/salaries/data-engineer/?country=DE").content.decode()
    assert "Not enough data" in html and "Only 2 records" in html
    assert "$65,000" not in html and "$65K" not in html
    settings.SALARY_MIN_SAMPLE = 2
    pages_changed()  # a changed setting reaches cached pages once they are retired
    html = client.get("/salaries/data-engineer/?country=DE").content.decode()
    assert "$65,000" in html and "Not enough data" not in html


def test_country_figures_and_a_bad_country(client, data_engineer):
    response = client.get("/salaries/data-engineer/?country=us")
    html = response.content.decode()
    assert "in the United States" in html and "$120,000" in html
    assert response["X-Robots-Tag"] == "noindex"
    assert '<option value="US" selected>' in html
    response = client.get("/salaries/data-engineer/?country=<b>ZZ")
    assert response.status_code == 200
    html = response.content.decode()
    assert "is not a two-letter country code" in html and "<b>ZZ" not in html
    assert "$110,000" in html  # global figures


def test_titles_only_of_published_roles(client, data_engineer):
    make_role(name="Hidden Role", broader_titles="Secret Title", status=Status.DRAFT)
    assert client.get("/salaries/secret-title/").status_code == 404
    assert client.get("/salaries/hidden-role/").status_code == 404
    assert "Secret Title" not in client.get("/salaries/?q=secret").content.decode()


def test_role_page_shows_its_median(client, data_engineer):
    html = client.get("/roles/data-engineer/").content.decode()
    assert "Median pay" in html and "$110,000" in html


def test_guide_salary_links_are_live(client, data_engineer):
    guide = make_guide(first_role=data_engineer_role())
    html = client.get(guide.get_absolute_url()).content.decode()
    for slug in ("data-engineer", "engineer"):
        assert f'href="/salaries/{slug}/"' in html
        assert client.get(f"/salaries/{slug}/").status_code == 200
    # The salary page's median, with the number of records behind it.
    assert "median $110K, 7 records" in html


def data_engineer_role():
    from roles.models import Role

    return Role.objects.get(slug="data-engineer")


def _more_data(title, n):
    for i, country in enumerate(["US", "GB", "FR", "IN", "BR", "CA"][:n]):
        make_salary_records(
            title,
            [50_000 + 1000 * k for k in range(40)],
            country=country,
            year=2020 + i,
            level=["entry", "mid", "senior", "executive"][i % 4],
        )


@pytest.mark.parametrize("url", ["/salaries/", "/salaries/data-engineer/?country=US"])
def test_queries_do_not_grow_with_the_data(client, data_engineer, url, django_assert_num_queries):
    expected = 2 if url == "/salaries/" else 4
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    _more_data(data_engineer, 6)
    for n in range(5):
        make_role(name=f"Extra {n} Engineer", broader_titles="Engineer")
    refresh_stats()
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_sitemap_lists_the_salary_pages_of_published_roles(client, data_engineer):
    make_role(name="Hidden Role", broader_titles="Secret Title", status=Status.DRAFT)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-salaries.xml" in index
    body = client.get("/sitemap-salaries.xml").content.decode()
    assert "/salaries/data-engineer/" in body and "/salaries/engineer/" in body
    assert "secret-title" not in body and "hidden-role" not in body
