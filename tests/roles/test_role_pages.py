import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Status
from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db


def test_role_index_lists_published_roles(client):
    make_role(name="Data Engineer")
    make_role(name="Secret Role", status=Status.DRAFT)
    html = client.get("/roles/").content.decode()
    assert "Data Engineer" in html and "Secret Role" not in html


def test_role_profile(client):
    role = make_role(
        name="Data Engineer",
        slug="data-engineer",
        definition="Builds **pipelines**.",
        tools="Orchestration: Airflow, Dagster",
        broader_titles="Software Engineer\nEngineer",
    )
    guide = make_guide(title="Data Scientist vs Data Engineer", second_role=role)
    make_guide(title="Unrelated", status=Status.DRAFT, published_at=None, first_role=role)
    html = client.get("/roles/data-engineer/").content.decode()
    assert "<strong>pipelines</strong>" in html
    assert "Airflow" in html and "Orchestration" in html
    assert guide.get_absolute_url() in html
    assert "Unrelated" not in html
    for slug in ["data-engineer", "software-engineer", "engineer"]:
        assert f'href="/salaries/{slug}/"' in html


def test_draft_role_is_not_found(client):
    make_role(slug="hidden", status=Status.DRAFT)
    assert client.get("/roles/hidden/").status_code == 404
    assert client.get("/roles/nothing-here/").status_code == 404


def test_role_pages_queries_do_not_grow_with_data(client):
    role = make_role(slug="steady")

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count("/roles/steady/"), count("/roles/")
    for _ in range(10):
        make_guide(first_role=role)
        make_role()
    assert (count("/roles/steady/"), count("/roles/")) == before
