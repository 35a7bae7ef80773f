"""An author's page: who they are, where else to find them, and their published guides (newest
first; never a draft or a scheduled guide), with Person markup and breadcrumbs; the list of
authors; both in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from roles.models import Status
from tests.authors.helpers import of_type
from tests.factories import make_author, make_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def priya():
    return make_author(
        name="Priya Raman",
        slug="priya-raman",
        role_line="Senior editor, data careers",
        bio="Priya covers **data engineering**.<script>alert(1)</script>",
        website="https://priya.example/",
        github="https://github.com/priya",
        mastodon="https://mastodon.example/@priya",
    )


def test_the_profile_shows_who_they_are_and_their_published_guides_newest_first(priya, client):
    now = timezone.now()
    make_guide(title="Older guide", authors=[priya], published_at=now - timedelta(days=30))
    make_guide(title="Newer guide", authors=[priya], published_at=now - timedelta(days=1))
    make_guide(title="Draft guide", authors=[priya], status=Status.DRAFT, published_at=None)
    make_guide(title="Scheduled guide", authors=[priya], published_at=now + timedelta(days=2))
    make_guide(title="Someone else's guide")

    response = client.get("/authors/priya-raman/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Priya Raman</h1>" in html and "Senior editor, data careers" in html
    assert "<strong>data engineering</strong>" in html and "<script>alert" not in html
    assert 'href="https://github.com/priya" rel="me noopener"' in html
    assert html.index("Newer guide") < html.index("Older guide")
    for hidden in ("Draft guide", "Scheduled guide", "Someone else"):
        assert hidden not in html
    # Initials stand where the photo will be.
    assert '<span class="author-mark large" aria-hidden="true">PR</span>' in html


def test_the_profile_carries_person_markup_and_breadcrumbs(priya, client):
    html = client.get("/authors/priya-raman/").text
    person = of_type(html, "Person")
    assert person == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Priya Raman",
        "url": "http://testserver/authors/priya-raman/",
        "jobTitle": "Senior editor, data careers",
        "sameAs": [
            "https://priya.example/",
            "https://github.com/priya",
            "https://mastodon.example/@priya",
        ],
    }
    crumbs = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Authors", "Priya Raman"]
    assert '<a href="/authors/">Authors</a>' in html


def test_an_unknown_author_is_not_found(client):
    assert client.get("/authors/nobody/").status_code == 404


def test_the_list_names_each_author_with_their_role(priya, client):
    make_author(name="Sam Lee", slug="sam-lee", role_line="Contributor")
    html = client.get("/authors/").text
    assert 'href="/authors/priya-raman/">Priya Raman</a>' in html
    assert 'href="/authors/sam-lee/">Sam Lee</a>' in html and "Contributor" in html


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_the_profile_runs_the_same_queries_for_one_guide_or_many(priya):
    make_guide(authors=[priya])
    prolific = make_author(slug="prolific")
    for _ in range(6):
        make_guide(authors=[prolific, priya], second_role=None)
    one, many = queries_for("/authors/priya-raman/"), queries_for("/authors/prolific/")
    assert one == many <= 4
    assert queries_for("/authors/") <= 3


def test_links_must_be_https_and_network_links_on_their_network():
    author = make_author()
    author.website = "http://priya.example/"
    author.github = "https://gitlab.com/priya"
    author.linkedin = "https://www.linkedin.com/in/priya"
    with pytest.raises(ValidationError) as refused:
        author.full_clean()
    assert set(refused.value.message_dict) == {"website", "github"}


def test_a_bio_is_markdown_without_headings():
    author = make_author(bio="## About me\n\nHello.")
    with pytest.raises(ValidationError) as refused:
        author.full_clean()
    assert "bio" in refused.value.message_dict
