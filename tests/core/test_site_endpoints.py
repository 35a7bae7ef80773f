"""Operators' and crawlers' endpoints: health, robots, sitemap and feeds."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone

from roles.models import Status
from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_guides():
    live = make_guide(title="Live guide", slug="live-guide")
    make_guide(title="Draft guide", slug="draft-guide", status=Status.DRAFT, published_at=None)
    make_guide(
        title="Scheduled guide",
        slug="scheduled-guide",
        published_at=timezone.now() + timedelta(days=2),
    )
    make_role(slug="hidden-role", status=Status.DRAFT)
    return live


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_reports_a_database_outage(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_robots_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
    assert "Disallow: /search/" in body


def sitemap_text(client) -> str:
    """The sitemap index and every section it lists, as one text."""
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    assert sections, index
    return index + "".join(client.get(path).content.decode() for path in sections)


def test_sitemap_lists_only_public_pages(client, mixed_guides):
    body = sitemap_text(client)
    assert "/guides/live-guide/" in body
    assert "draft-guide" not in body and "scheduled-guide" not in body
    assert "hidden-role" not in body
    assert f"/roles/{mixed_guides.first_role.slug}/" in body


@pytest.mark.parametrize("url", ["/feeds/guides/", "/feeds/guides/atom/"])
def test_feeds_list_only_public_guides(client, mixed_guides, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Live guide" in body
    assert "Draft guide" not in body and "Scheduled guide" not in body


def test_not_found_page_is_friendly(client):
    response = client.get("/guides/missing/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_server_error_page_renders_without_context():
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_favicon_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
