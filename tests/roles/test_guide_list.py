from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db
URL = reverse("roles:guides")


def test_newest_first(client):
    old = make_guide(title="Old guide", published_at=timezone.now() - timedelta(days=30))
    new = make_guide(title="New guide", published_at=timezone.now() - timedelta(days=1))
    html = client.get(URL).content.decode()
    assert html.index(new.title) < html.index(old.title)


def test_filter_by_role_keeps_its_value(client):
    role = make_role(name="Data Engineer", slug="data-engineer")
    first = make_guide(title="As first role", first_role=role)
    second = make_guide(title="As second role", second_role=role)
    other = make_guide(title="Unrelated guide")
    response = client.get(URL, {"role": "data-engineer"})
    html = response.content.decode()
    assert first.title in html and second.title in html
    assert other.title not in html
    assert '<option value="data-engineer" selected>' in html
    assert "Guides about Data Engineer" in html


def test_unknown_role_shows_a_message_not_an_error(client):
    make_guide(title="Some guide")
    response = client.get(URL, {"role": "<script>nope</script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "That role does not exist" in html
    assert "Some guide" in html
    assert "<script>nope" not in html


def test_the_second_page(client, settings):
    settings.GUIDES_PER_PAGE = 2
    for _ in range(3):
        make_guide()
    response = client.get(URL, {"page": "2"})
    assert response.status_code == 200
    assert "Page 2 of 2" in response.content.decode()


@pytest.mark.parametrize("page", ["3", "999", "abc", "-1"])
def test_bad_page_numbers_are_not_found(client, settings, page):
    settings.GUIDES_PER_PAGE = 2
    for _ in range(3):
        make_guide()
    assert client.get(URL, {"page": page}).status_code == 404


def test_pagination_links_keep_the_filter(client, settings):
    settings.GUIDES_PER_PAGE = 1
    role = make_role(slug="ml")
    make_guide(first_role=role)
    make_guide(first_role=role)
    html = client.get(URL, {"role": "ml"}).content.decode()
    assert 'href="?role=ml&amp;page=2"' in html


def test_empty_state(client):
    html = client.get(URL).content.decode()
    assert "No guides yet" in html


def test_index_queries_do_not_grow_with_data(client):
    make_guide()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    before = count()
    for _ in range(20):
        make_guide()
    assert count() == before
    assert before <= 4


@pytest.mark.parametrize(
    "params",
    [
        {"role": "\x00"},
        {"role": "a" * 10_000},
        {"role": "' OR 1=1 --"},
        {"role": ["a", "b"]},
        {"page": "\x00"},
        {"page": "9" * 400},
        {"page": "1e9"},
        {"role": "é\u202e\ufeff", "page": "0"},
    ],
)
def test_hostile_query_strings_get_a_normal_page_or_a_404(client, params):
    make_guide()
    response = client.get(URL, params)
    assert response.status_code == (404 if "page" in params else 200)
