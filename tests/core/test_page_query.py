"""Cache keys from known parameters written one way, and from the site's own host names only."""

import pytest
from django.http import QueryDict
from django.test import Client, RequestFactory

from core import page_query
from core.page_query import Invalid
from jobs.filters import JOB_LIST_QUERY
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def canonical(query: str) -> str:
    return JOB_LIST_QUERY.canonical(QueryDict(query)).urlencode()


def test_known_parameters_are_written_one_way_and_unknown_ones_dropped():
    assert canonical("utm_source=x&q=vector") == "q=vector"
    assert canonical("page=0001") == ""  # page 1 is the page without a number
    assert canonical("page=007") == "page=7"
    assert canonical("workplace=remote&workplace=onsite&workplace=remote") == (
        "workplace=onsite&workplace=remote"
    )
    assert canonical("q=&location=+&role=") == ""
    # In the order the page declares them, which its links keep.
    assert canonical("page=2&q=ml&workplace=remote") == "q=ml&workplace=remote&page=2"


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=0", "page=-1", "page=１", "ordering=random", "workplace=moon",
     "posted_within=2", "salary_min=1e9", "role=not%20a%20slug", "q=" + "x" * 201],
)  # fmt: skip
def test_values_that_fail_their_rule_are_refused(query):
    with pytest.raises(Invalid):
        canonical(query)


def test_only_the_sites_own_names_are_cached(settings):
    settings.ALLOWED_HOSTS = ["jobs.example", ".example.org", "*"]
    factory = RequestFactory()
    assert page_query.site_host(factory.get("/", HTTP_HOST="jobs.example")) == "jobs.example"
    port = factory.get("/", HTTP_HOST="jobs.example:80")  # the port the server listens on
    assert page_query.site_host(port) == "jobs.example:80"
    assert page_query.site_host(factory.get("/", HTTP_HOST="jobs.example:8443")) is None
    assert page_query.site_host(factory.get("/", HTTP_HOST="a.example.org")) is None
    assert page_query.site_host(factory.get("/", HTTP_HOST="anything.test")) is None


def test_pages_and_api_lists_are_shared_across_spellings_of_one_query():
    make_job(title="Vector Search Engineer", workplace="remote")
    client = Client()
    assert client.get("/jobs/?workplace=remote&page=1")["X-Page-Cache"] == "miss"
    assert client.get("/jobs/?page=01&workplace=remote&ref=x")["X-Page-Cache"] == "hit"
    assert client.get("/api/v1/jobs/?workplace=remote&junk=1")["X-Page-Cache"] == "miss"
    assert client.get("/api/v1/jobs/?workplace=remote&page=1")["X-Page-Cache"] == "hit"
    # The next-page links of a stored answer carry only canonical values.
    data = client.get("/api/v1/jobs/?workplace=remote&page_size=1&junk=2").json()
    assert data["next"] is None or "junk" not in data["next"]


def test_a_value_that_names_nothing_is_answered_but_not_stored():
    make_job()
    for url in ["/jobs/?role=no-such-role", "/jobs/?q=nowhere-at-all", "/guides/?role=nope"]:
        assert Client().get(url).status_code == 200
        assert "X-Page-Cache" not in Client().get(url), url
