"""The job filters mean what they say, alike on /jobs/, the feeds and the API: a country code is a
country, and an empty value is no filter."""

import re

import pytest

from jobs.choices import Workplace
from tests.factories import make_job, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    make_role(name="Data Engineer", slug="data-engineer")
    for title, city, region, country in [
        ("San Francisco ML", "San Francisco", "CA", "US"),
        ("Paris ML", "Paris", "", "FR"),
        ("Austin Analyst", "Austin", "TX", "US"),
        ("Sydney Analyst", "Sydney", "NSW", "AU"),
        ("Bengaluru Scientist", "Bengaluru", "Karnataka", "IN"),
        ("Indianapolis Scientist", "Indianapolis", "IN", "US"),
        ("Alpharetta Analyst", "Alpharetta", "GA", "US"),
        ("Toronto Engineer", "Toronto", "ON", "CA"),
        ("London Engineer", "London", "", "GB"),
    ]:
        make_job(title=title, city=city, region=region, country=country)
    make_job(
        title="Remote in India",
        workplace=Workplace.REMOTE,
        city="",
        country="IN",
        remote_region="anywhere in India",
    )


def on_page(client, query: str) -> set[str]:
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    assert "Select a valid choice" not in response.text
    return set(re.findall(r'class="card-title"><a href="/jobs/[^"]+/">([^<]+)</a>', response.text))


def in_feed(client, query: str) -> set[str]:
    response = client.get(f"/feeds/jobs/?{query}")
    assert response.status_code == 200
    titles = re.findall(r"<title>([^<]+)</title>", response.text)[1:]  # the feed's own first
    return {title.split(" at ")[0] for title in titles}


def in_api(client, query: str) -> set[str]:
    response = client.get(f"/api/v1/jobs/?{query}")
    assert response.status_code == 200, response.content
    return {job["title"] for job in response.json()["results"]}


READERS = [on_page, in_feed, in_api]
EVERYTHING = {
    "San Francisco ML",
    "Paris ML",
    "Austin Analyst",
    "Sydney Analyst",
    "Bengaluru Scientist",
    "Indianapolis Scientist",
    "Alpharetta Analyst",
    "Toronto Engineer",
    "London Engineer",
    "Remote in India",
}


@pytest.mark.parametrize("read", READERS)
@pytest.mark.parametrize(
    ("location", "expected"),
    [
        # A two-letter country code is the country, whatever its letters spell inside a city.
        ("fr", {"Paris ML"}),
        ("FR", {"Paris ML"}),
        ("IN", {"Bengaluru Scientist", "Remote in India"}),
        ("in", {"Bengaluru Scientist", "Remote in India"}),
        ("au", {"Sydney Analyst"}),
        ("CA", {"Toronto Engineer"}),
        ("uk", {"London Engineer"}),
        # After a place, a two-letter part may be its state code, matched whole.
        ("Alpharetta, GA", {"Alpharetta Analyst"}),
        ("Indianapolis, IN", {"Indianapolis Scientist"}),
        ("San Francisco, CA", {"San Francisco ML"}),
        # Names still match inside city, state and country names.
        ("francisco", {"San Francisco ML"}),
        ("aust", {"Austin Analyst"}),
        ("India", {"Bengaluru Scientist", "Remote in India", "Indianapolis Scientist"}),
        ("Karnataka", {"Bengaluru Scientist"}),
        ("France", {"Paris ML"}),
        # Two letters that are no country's code are a name as before.
        ("lo", {"London Engineer"}),
    ],
)
def test_a_country_code_is_a_country(client, places, read, location, expected):
    assert read(client, f"location={location}") == expected


EMPTY = [
    "q=",
    "location=",
    "workplace=",
    "employment_type=",
    "experience_level=",
    "salary_min=",
    "role=",
    "company=",
    "posted_within=",
    "ordering=",
    "page=",
    "workplace=&workplace=remote",
    "q=&location=&workplace=&employment_type=&experience_level=&salary_min=&role=&company="
    "&posted_within=",
    # Blank is empty too: a space is what some forms and clients send for "nothing".
    "workplace=+",
    "role=+",
    "salary_min=+",
    "posted_within=+",
]


@pytest.mark.parametrize("read", READERS)
@pytest.mark.parametrize("query", EMPTY)
def test_an_empty_value_is_no_filter(client, places, read, query):
    expected = {"Remote in India"} if "workplace=remote" in query else EVERYTHING
    assert read(client, query) == expected
