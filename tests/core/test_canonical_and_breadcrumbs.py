"""What search engines read off the list pages and the pages with breadcrumbs: canonical links
that keep only what changes the content, BreadcrumbList JSON-LD matching the visible trail, and
an Article publisher with the site's logo."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def canonicals(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [unescape(href) for href in CANONICAL.findall(response.content.decode())]


def structured(html: str, kind: str) -> list[dict]:
    return [d for d in (json.loads(b) for b in LD_JSON.findall(html)) if d["@type"] == kind]


@pytest.fixture
def site(settings):
    settings.JOBS_PER_PAGE = 1
    settings.GUIDES_PER_PAGE = 1
    role = make_role(slug="data-engineer", name="Data Engineer")
    for _ in range(3):
        make_job(role=role)
        make_guide(first_role=role)
    return role


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/jobs/", "/jobs/"),
        ("/jobs/?page=1", "/jobs/"),
        ("/jobs/?page=2", "/jobs/?page=2"),
        ("/jobs/?ordering=salary&utm_source=mail", "/jobs/"),
        ("/jobs/?workplace=", "/jobs/"),
        (
            "/jobs/?workplace=remote&workplace=hybrid&role=data-engineer&location=Berlin",
            "/jobs/?location=Berlin&workplace=hybrid&workplace=remote&role=data-engineer",
        ),
        ("/jobs/?role=data-engineer&ordering=salary&page=2", "/jobs/?role=data-engineer&page=2"),
        ("/jobs/?workplace=moon&q=python", "/jobs/?q=python"),  # a filter it cannot read
        ("/guides/", "/guides/"),
        ("/guides/?page=2&role=data-engineer", "/guides/?role=data-engineer&page=2"),
        ("/roles/?sort=name", "/roles/"),
        ("/salaries/", "/salaries/"),
        ("/salaries/?q=data", "/salaries/?q=data"),
        ("/search/", "/search/"),
        ("/search/?q=data&page=3", "/search/?q=data"),
        ("/roles/compare/", "/roles/compare/"),
        ("/roles/compare/?a=data-engineer", "/roles/compare/?a=data-engineer"),
    ],
)
def test_list_pages_have_one_canonical_link_keeping_what_changes_the_list(
    client, site, url, canonical
):
    assert canonicals(client, url) == [f"http://testserver{canonical}"]


def test_the_canonical_is_the_same_however_the_address_is_written(client, site):
    # The page cache stores the first; the second is rendered for itself (an unknown value).
    first = canonicals(client, "/jobs/?role=data-engineer&page=02")
    second = canonicals(client, "/jobs/?page=2&role=data-engineer&posted_within=century")
    assert first == second == ["http://testserver/jobs/?role=data-engineer&page=2"]


@pytest.mark.parametrize(
    ("page", "trail"),
    [
        ("role", ["Home", "Roles", "Data Engineer"]),
        ("salary", ["Home", "Salaries", "Data Engineer"]),
        ("job", ["Home", "Jobs", "The job"]),
        ("guide", ["Home", "Guides", "The guide"]),
        ("compare", ["Home", "Roles", "Compare"]),
    ],
)
def test_every_breadcrumb_bar_comes_with_its_breadcrumb_list(client, site, page, trail):
    job = make_job(role=site, title="The job")
    guide = make_guide(first_role=site, title="The guide")
    url = {
        "role": site.get_absolute_url(),
        "salary": "/salaries/data-engineer/",
        "job": job.get_absolute_url(),
        "guide": guide.get_absolute_url(),
        "compare": "/roles/compare/",
    }[page]
    html = client.get(url).content.decode()
    [crumbs] = structured(html, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == trail
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]
    assert crumbs["itemListElement"][0]["item"] == "http://testserver/"
    assert crumbs["itemListElement"][-1]["item"] == f"http://testserver{url}"
    # The visible trail says the same, in the same order.
    bar = re.search(r'<nav class="breadcrumbs" aria-label="Breadcrumb">(.*?)</nav>', html, re.S)[1]
    assert [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li.*?</li>", bar)] == trail


def test_the_article_publisher_has_the_site_logo(client, site):
    guide = make_guide(first_role=site)
    [article] = structured(client.get(guide.get_absolute_url()).content.decode(), "Article")
    publisher = article["publisher"]
    assert publisher["name"] == settings.SITE_NAME
    assert publisher["logo"]["url"] == "http://testserver/static/logo.png"
    png = Path(finders.find("logo.png")).read_bytes()
    width, height = int.from_bytes(png[16:20]), int.from_bytes(png[20:24])
    assert png.startswith(b"\x89PNG") and width == height >= 112  # Google's smallest logo
