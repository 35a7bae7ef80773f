"""Feeds name themselves with their filters, credit each entry, and refuse filters they cannot
apply."""

import xml.etree.ElementTree as ET

import pytest

from jobs.choices import Workplace
from tests.factories import make_author, make_company, make_guide, make_job

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def jobs():
    remote = make_job(
        title="Remote ML job",
        workplace=Workplace.REMOTE,
        company=make_company(name="Deep Labs", website="https://deeplabs.example"),
    )
    office = make_job(title="Office job", company=make_company(name="Acme", website=""))
    return remote, office


def test_a_filtered_rss_feed_links_to_itself_with_its_filters(client, jobs):
    response = client.get("/feeds/jobs/?workplace=remote&utm_source=x&experience_level=senior")
    channel = ET.fromstring(response.content).find("channel")
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == (
        "http://testserver/feeds/jobs/?workplace=remote&experience_level=senior"
    )


def test_a_filtered_atom_feed_links_to_itself_with_its_filters(client, jobs):
    feed = ET.fromstring(client.get("/feeds/jobs/atom/?workplace=remote").content)
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "http://testserver/feeds/jobs/atom/?workplace=remote"
    alternate = feed.find(f"{ATOM}link[@rel='alternate']")
    assert alternate.get("href") == "http://testserver/jobs/?workplace=remote"


def test_the_unfiltered_feed_links_to_itself_plainly(client, jobs):
    feed = ET.fromstring(client.get("/feeds/jobs/atom/").content)
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/feeds/jobs/atom/"


def test_atom_job_entries_name_the_company_as_author(client, jobs):
    feed = ET.fromstring(client.get("/feeds/jobs/atom/").content)
    authors = {
        entry.findtext(f"{ATOM}title"): (
            entry.findtext(f"{ATOM}author/{ATOM}name"),
            entry.findtext(f"{ATOM}author/{ATOM}uri"),
        )
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert authors[next(t for t in authors if t.startswith("Remote ML job"))] == (
        "Deep Labs",
        "https://deeplabs.example",
    )
    assert authors[next(t for t in authors if t.startswith("Office job"))] == ("Acme", None)


def test_rss_job_items_name_the_company_as_creator(client, jobs):
    channel = ET.fromstring(client.get("/feeds/jobs/").content).find("channel")
    creators = {item.findtext("{http://purl.org/dc/elements/1.1/}creator") for item in channel}
    assert {"Deep Labs", "Acme"} <= creators


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("workplace=moon", "workplace"),
        ("role=no-such-role", "role"),
        ("company=no-such-company", "company"),
        ("salary_min=abc", "salary_min"),
        ("posted_within=2", "posted_within"),
    ],
)
@pytest.mark.parametrize("feed", ["/feeds/jobs/", "/feeds/jobs/atom/"])
def test_a_filter_the_feed_cannot_apply_is_a_400_naming_it(client, jobs, feed, query, named):
    response = client.get(f"{feed}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"\n{named}: " in response.text


def test_order_and_page_do_not_apply_to_a_feed(client, jobs):
    response = client.get("/feeds/jobs/?ordering=nope&page=x")
    assert response.status_code == 200
    assert "Office job" in response.text


def test_atom_guide_entries_carry_the_byline(client, django_assert_max_num_queries):
    priya, sam = make_author(name="Priya Raman"), make_author(name="Sam Lee")
    make_guide(title="Bylined", authors=[priya, sam])
    make_guide(title="Unsigned")
    with django_assert_max_num_queries(4):
        feed = ET.fromstring(client.get("/feeds/guides/atom/").content)
    authors = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}author/{ATOM}name")
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert authors == {"Bylined": "Priya Raman and Sam Lee", "Unsigned": "AI Career Atlas"}
