"""Where jobs appear besides /jobs/: guide, role and home pages, feeds and the sitemap.

No draft, pending, rejected, filled or expired job appears in any of them.
"""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.page_cache import pages_changed
from jobs.choices import Workplace
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

HIDDEN = ["Draft job", "Pending job", "Rejected job", "Filled job", "Expired job", "Lapsed job",
          "Future job"]  # fmt: skip


@pytest.fixture
def role():
    return make_role(name="Data Engineer", slug="data-engineer")


@pytest.fixture
def jobs(role):
    now = timezone.now()
    soon = now + timedelta(days=5)
    live = make_job(title="Live job", role=role, featured_until=soon)
    for status in ["draft", "pending", "rejected", "filled", "expired"]:
        make_job(title=f"{status.title()} job", status=status, role=role, featured_until=soon)
    make_job(
        title="Lapsed job",
        role=role,
        featured_until=soon,
        posted_at=now - timedelta(days=40),
        expires_at=now - timedelta(minutes=1),
    )
    make_job(title="Future job", role=role, featured_until=soon,
             posted_at=now + timedelta(days=1), expires_at=now + timedelta(days=31))  # fmt: skip
    return live


def sitemap_text(client) -> str:
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    return "".join(client.get(path).content.decode() for path in sections)


@pytest.mark.parametrize(
    "url",
    ["/", "/jobs/", "/jobs/?workplace=onsite", "/roles/data-engineer/", "/feeds/jobs/",
     "/feeds/jobs/atom/", "/feeds/jobs/?role=data-engineer"],
)  # fmt: skip
def test_only_public_jobs_appear(client, jobs, url):
    body = client.get(url).content.decode()
    assert "Live job" in body
    for title in HIDDEN:
        assert title not in body, f"{title} leaked on {url}"


def test_guide_page_never_shows_hidden_jobs(client, jobs, role):
    guide = make_guide(first_role=role)
    body = client.get(guide.get_absolute_url()).text
    assert "Live job" in body
    assert not [title for title in HIDDEN if title in body]


def test_sitemap_lists_public_jobs_with_lastmod(client, jobs):
    body = sitemap_text(client)
    assert f"http://testserver{jobs.get_absolute_url()}" in body
    assert "<lastmod>" in body
    for title in HIDDEN:
        assert title.lower().replace(" ", "-") not in body
    for page in ["/jobs/", "/guides/", "/roles/", "/salaries/"]:
        assert f"<loc>http://testserver{page}</loc>" in body


def test_guide_shows_only_its_roles_jobs_featured_first(client, role):
    now = timezone.now()
    other_role = make_role()
    guide = make_guide(first_role=role, second_role=other_role)
    make_job(title="Featured elsewhere", featured_until=now + timedelta(days=3),
             posted_at=now - timedelta(minutes=5))  # fmt: skip
    make_job(title="Plain role job", role=role, posted_at=now - timedelta(days=2))
    make_job(title="Featured role job", role=other_role, featured_until=now + timedelta(days=3),
             posted_at=now - timedelta(days=3))  # fmt: skip
    make_job(title="Unrelated plain job", posted_at=now)
    html = client.get(guide.get_absolute_url()).text
    box = html.split('id="featured-h"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<a href="/jobs/[^"]+/">([^<]+)</a>', box)
    assert titles == ["Featured role job", "Plain role job"]  # nothing about other work
    for fact in ["Full Time", "Mid-level", "USD 60K – 80K", "Berlin, DE"]:
        assert fact in box


def test_a_comparison_shows_both_roles_jobs_taking_turns(client, role):
    now = timezone.now()
    other_role = make_role()
    guide = make_guide(first_role=role, second_role=other_role)
    make_job(title="Featured elsewhere", featured_until=now + timedelta(days=3))
    make_job(title="Featured first role", role=role, featured_until=now + timedelta(days=3),
             posted_at=now - timedelta(days=9))  # fmt: skip
    for n in range(6):  # the first role's jobs are all newer than the second's
        make_job(title=f"First {n}", role=role, posted_at=now - timedelta(hours=n + 1))
    for n in range(3):
        make_job(title=f"Second {n}", role=other_role, posted_at=now - timedelta(days=n + 2))
    html = client.get(guide.get_absolute_url()).text
    box = html.split('id="featured-h"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<a href="/jobs/[^"]+/">([^<]+)</a>', box)
    assert titles == ["Featured first role", "First 0", "Second 0", "First 1", "Second 1"]


def test_guide_without_jobs_says_so(client, role):
    guide = make_guide(first_role=role)
    assert "No openings for Data Engineers right now" in client.get(guide.get_absolute_url()).text


def test_role_page_lists_its_open_jobs_and_links_to_the_search(client, jobs, role):
    make_job(title="Another role's job", role=make_role())
    html = client.get("/roles/data-engineer/").text
    section = html.split('id="open-jobs"', 1)[1].split("</section>", 1)[0]
    assert "Live job" in section and "Another role" not in section
    assert 'href="/jobs/?role=data-engineer"' in section
    assert "See all 1 Data Engineer job" in section


def test_role_page_counts_its_jobs_up_to_a_cap(client, role, monkeypatch):
    from jobs.templatetags import job_tags

    for _ in range(3):
        make_job(role=role)
    make_job(role=make_role())  # another role's
    monkeypatch.setattr(job_tags, "ROLE_COUNT_UP_TO", 3)
    assert "See all 3 Data Engineer jobs" in client.get("/roles/data-engineer/").text
    monkeypatch.setattr(job_tags, "ROLE_COUNT_UP_TO", 2)
    pages_changed()  # as after a deploy: pages cached under the old code are retired
    assert "See all 2+ Data Engineer jobs" in client.get("/roles/data-engineer/").text


def test_home_shows_featured_and_latest_jobs(client, jobs):
    make_job(title="Newest plain job")
    html = client.get("/").text
    featured = html.split('id="featured-jobs-h"', 1)[1].split('id="latest-jobs-h"', 1)[0]
    assert "Live job" in featured and "Newest plain job" not in featured
    assert "Newest plain job" in html.split('id="latest-jobs-h"', 1)[1]


@pytest.mark.parametrize("url", ["/", "/roles/data-engineer/"])
def test_pages_with_job_cards_keep_a_constant_number_of_queries(client, role, url):
    def count() -> int:
        cache.clear()  # the home page's per-role figures are cached: measure them every time
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_guide(first_role=role)
    make_job(role=role, featured_until=timezone.now() + timedelta(days=2))
    make_job(role=role)
    before = count()
    for n in range(30):
        featured = timezone.now() + timedelta(days=2) if n % 10 == 0 else None
        make_job(role=role, company=make_company(), featured_until=featured)
        make_job(company=make_company(), featured_until=featured)
    assert count() == before


def test_feed_items_and_filters(client, role):
    make_job(title="Remote ML job", workplace=Workplace.REMOTE, city="", country="US",
             remote_region="anywhere in the U.S.", role=role, skills="PyTorch")  # fmt: skip
    make_job(title="Office job", workplace=Workplace.ONSITE)
    rss = client.get("/feeds/jobs/?workplace=remote")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("title") == "Jobs — Workplace: Remote"
    assert channel.findtext("link").endswith("/jobs/?workplace=remote")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Remote ML job at " + items[0].findtext("title").split(" at ", 1)[1]
    ]
    item = items[0]
    assert "Remote (anywhere in the U.S.)" in item.findtext("title")
    assert "USD 60K – 80K" in item.findtext("description")
    assert {c.text for c in item.findall("category")} == {"Data Engineer", "PyTorch"}
    assert item.findtext("pubDate")

    atom = client.get("/feeds/jobs/atom/?workplace=onsite")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Office job" in atom.text and "Remote ML job" not in atom.text


def test_feed_with_bad_filter_values_is_refused(client, jobs):
    response = client.get("/feeds/jobs/?workplace=moon&salary_min=abc&page=x")
    assert response.status_code == 400  # not the unfiltered feed under a filtered address
    assert "workplace: " in response.text and "salary_min: " in response.text


def test_job_list_page_links_to_the_feed_for_the_same_search(client, jobs):
    html = client.get("/jobs/?workplace=onsite&page=1").text
    assert 'href="/feeds/jobs/?workplace=onsite"' in html
    assert 'type="application/rss+xml"' in html
