"""The home page and the jobs, salaries and employers sections reachable from the header."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Status
from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db


def test_home_shows_latest_guides_and_roles(client):
    guide = make_guide(title="Newest guide")
    make_guide(title="Hidden draft", status=Status.DRAFT, published_at=None)
    html = client.get("/").content.decode()
    assert guide.title in html and "Hidden draft" not in html
    assert guide.first_role.name in html
    for link in ['href="/jobs/"', 'href="/guides/"', 'href="/roles/"', 'href="/salaries/"',
                 'href="/employers/"']:  # fmt: skip
        assert link in html


def test_home_queries_do_not_grow_with_data(client):
    def count():
        cache.clear()  # the per-role figures are cached: measure the uncached page each time
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    make_guide()
    before = count()
    for _ in range(10):
        make_guide()
    assert count() == before


@pytest.mark.parametrize("url", ["/jobs/", "/salaries/", "/employers/"])
def test_sections_in_the_header_answer(client, url):
    make_role()
    assert client.get(url).status_code == 200


def test_salary_titles_come_from_roles(client):
    make_role(name="Data Engineer", broader_titles="Software Engineer\nEngineer")
    make_role(name="Hidden Role", broader_titles="Secret Title", status=Status.DRAFT)
    html = client.get("/salaries/").content.decode()
    assert 'href="/salaries/software-engineer/"' in html
    assert "Secret Title" not in html
    detail = client.get("/salaries/software-engineer/")
    assert detail.status_code == 200
    assert "Data Engineer" in detail.content.decode()
    assert client.get("/salaries/secret-title/").status_code == 404
