"""A guide names its authors in order, each linking to their page, with the day it was last
reviewed: on the page, in its Article markup (each author a Person with a page), on the guide
cards of /guides/, in the feeds and in the API."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.authors.helpers import of_type
from tests.factories import make_author, make_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def writers():
    return [
        make_author(name="Priya Raman", slug="priya-raman"),
        make_author(name="Sam Lee", slug="sam-lee"),
        make_author(name="Ana Costa", slug="ana-costa"),
    ]


def link(author) -> str:
    return f'<a href="/authors/{author.slug}/" rel="author">{author.name}</a>'


def test_the_byline_names_each_author_in_order_with_a_link(writers, client):
    priya, sam, ana = writers
    two = make_guide(authors=[sam, priya])
    html = client.get(two.get_absolute_url()).text
    assert f"By {link(sam)} and {link(priya)}</span>" in html
    three = make_guide(authors=[priya, sam, ana])
    html = client.get(three.get_absolute_url()).text
    assert f"By {link(priya)}, {link(sam)} and {link(ana)}</span>" in html


def test_a_guide_without_authors_has_no_byline(client):
    html = client.get(make_guide().get_absolute_url()).text
    assert 'class="byline"' not in html and "By <a" not in html


def test_last_reviewed_is_a_date(writers, client):
    guide = make_guide(authors=writers[:1], last_reviewed=datetime.date(2025, 6, 2))
    html = client.get(guide.get_absolute_url()).text
    assert 'Last reviewed <time datetime="2025-06-02">Jun 2, 2025</time>' in html
    assert "Last reviewed" not in client.get(make_guide().get_absolute_url()).text


def test_the_article_markup_names_each_author_as_a_person_with_a_page(writers, client):
    priya, sam, _ = writers
    guide = make_guide(authors=[priya, sam], last_reviewed=datetime.date(2025, 6, 2))
    article = of_type(client.get(guide.get_absolute_url()).text, "Article")
    assert article["author"] == [
        {"@type": "Person", "name": "Priya Raman", "url": "http://testserver/authors/priya-raman/"},
        {"@type": "Person", "name": "Sam Lee", "url": "http://testserver/authors/sam-lee/"},
    ]
    assert article["mainEntityOfPage"]["lastReviewed"] == "2025-06-02"
    unsigned = of_type(client.get(make_guide().get_absolute_url()).text, "Article")
    assert unsigned["author"] == {"@type": "Organization", "name": "AI Career Atlas"}


def test_guide_cards_on_the_guide_list_name_the_authors(writers, client):
    priya, sam, _ = writers
    make_guide(title="Shared guide", authors=[priya, sam])
    html = client.get("/guides/").text
    card = html[html.index("Shared guide") :]
    assert (
        'By <span class="card-byline">Priya Raman</span> and '
        '<span class="card-byline">Sam Lee</span></p>'
    ) in card[: card.index("</li>")]


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_authors_cost_one_query_whatever_their_number(writers):
    one = make_guide(authors=writers[:1])
    three = make_guide(authors=writers)
    queries_for(make_guide().get_absolute_url())  # what guides share, read by the first one
    assert queries_for(one.get_absolute_url()) == queries_for(three.get_absolute_url())
    before = queries_for("/guides/")
    for _ in range(3):
        make_guide(authors=writers)
    assert queries_for("/guides/") == before


def test_the_api_lists_the_authors_with_their_pages(writers, client):
    priya, sam, _ = writers
    guide = make_guide(authors=[priya, sam], last_reviewed=datetime.date(2025, 6, 2))
    expected = [
        {"name": "Priya Raman", "url": "http://testserver/authors/priya-raman/"},
        {"name": "Sam Lee", "url": "http://testserver/authors/sam-lee/"},
    ]
    listed = client.get("/api/v1/guides/").json()["results"][0]
    assert listed["authors"] == expected and listed["last_reviewed"] == "2025-06-02"
    detail = client.get(f"/api/v1/guides/{guide.slug}/").json()
    assert detail["authors"] == expected
