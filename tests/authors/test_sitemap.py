"""Author pages are in the sitemap, in a section of their own."""

import pytest

from tests.factories import make_author

pytestmark = pytest.mark.django_db


def test_author_pages_are_in_the_sitemap(client):
    make_author(slug="priya-raman")
    index = client.get("/sitemap.xml").text
    assert "http://testserver/sitemap-authors.xml" in index
    section = client.get("/sitemap-authors.xml").text
    assert "<loc>http://testserver/authors/priya-raman/</loc>" in section
