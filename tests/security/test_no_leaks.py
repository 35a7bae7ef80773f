"""Nothing unpublished leaks: a walk over every public page, feed and sitemap, and their links.

Each hidden record carries a "LEAK-" marker in its title (and its slug starts with "leak-"). They
are featured, belong to the same role and company as the public jobs and pay the most, so any
page that forgot the public rule would show them first.
"""

import math
import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.utils import timezone

from demo.pages import load_pages
from jobs.choices import JobStatus, Workplace
from roles.models import Status
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

JOBS_PER_PAGE = 3
GUIDES_PER_PAGE = 2
CLOSED = ["LEAK-filled", "LEAK-expired", "LEAK-lapsed"]
UNPUBLISHED = ["LEAK-draft", "LEAK-pending", "LEAK-rejected", "LEAK-future"]
HIDDEN_GUIDES = ["LEAK-draft-guide", "LEAK-scheduled-guide"]
DRAFT_ROLE = "LEAK-draft-role"
MARKER = re.compile(r"leak-[a-z-]*", re.IGNORECASE)
NOT_WALKED = ("/admin/", "/static/", "/media/")


def slug_of(marker: str) -> str:
    return marker.lower()


def office(city: str = "Berlin") -> dict:
    return {"workplace": Workplace.ONSITE, "city": city, "country": "DE"}


def remote() -> dict:
    return {
        "workplace": Workplace.REMOTE,
        "city": "",
        "country": "DE",
        "remote_region": "anywhere in Germany",
    }


def hybrid() -> dict:
    return {"workplace": Workplace.HYBRID, "city": "Berlin", "country": "DE"}


@pytest.fixture
def site(settings):
    load_pages()  # the footer's pages, as editors write them before launch
    settings.JOBS_PER_PAGE = JOBS_PER_PAGE
    settings.GUIDES_PER_PAGE = GUIDES_PER_PAGE
    now = timezone.now()
    featured = now + timedelta(days=7)
    role = make_role(
        name="Data Engineer", slug="data-engineer", broader_titles="Engineer\nData Specialist"
    )
    other_role = make_role(name="ML Engineer", slug="ml-engineer")
    company = make_company(name="Acme Analytics", slug="acme-analytics")

    public_jobs = [
        make_job(
            title="Public featured data job",
            role=role,
            company=company,
            featured_until=featured,
            **office(),
        ),
        make_job(title="Public remote data job", role=role, company=company, **remote()),
        make_job(title="Public hybrid data job", role=role, company=company, **hybrid()),
        make_job(title="Public Munich data job", role=role, **office("Munich")),
        make_job(title="Public ML job", role=other_role, company=company, **office()),
        make_job(
            title="Public remote ML job", role=other_role, featured_until=featured, **remote()
        ),
        make_job(
            title="Public job without a role",
            company=company,
            posted_at=now - timedelta(days=20),
            **office(),
        ),
    ]

    hidden = {
        "LEAK-draft": {"status": JobStatus.DRAFT, **office()},
        "LEAK-pending": {"status": JobStatus.PENDING, **remote()},
        "LEAK-rejected": {"status": JobStatus.REJECTED, **hybrid()},
        # Closed: filled, expired by status (its expiry date not even reached) and lapsed.
        "LEAK-filled": {"status": JobStatus.FILLED, **remote()},
        "LEAK-expired": {"status": JobStatus.EXPIRED, **hybrid()},
        "LEAK-lapsed": {
            "posted_at": now - timedelta(days=40),
            "expires_at": now - timedelta(hours=1),
            **office(),
        },
        "LEAK-future": {
            "posted_at": now + timedelta(days=1),
            "expires_at": now + timedelta(days=31),
            **remote(),
        },
    }
    hidden_jobs = {}
    for marker, fields in hidden.items():
        hidden_jobs[marker] = make_job(
            title=marker,
            slug=slug_of(marker),
            description=f"{marker} description",
            skills=f"Python, SQL, {marker}-skill",
            role=role,
            company=company,
            featured_until=featured,
            salary_min=400_000,
            salary_max=900_000,
            apply_url="",
            apply_email=f"{slug_of(marker)}@example.com",
            **fields,
        )

    public_guides = [
        make_guide(title="Data Engineer guide", first_role=role),
        make_guide(title="Data Engineer vs ML Engineer", first_role=role, second_role=other_role),
        make_guide(title="ML Engineer guide", first_role=other_role),
    ]
    draft_guide = make_guide(
        title="LEAK-draft-guide",
        slug="leak-draft-guide",
        first_role=role,
        status=Status.DRAFT,
        published_at=None,
    )
    scheduled_guide = make_guide(
        title="LEAK-scheduled-guide",
        slug="leak-scheduled-guide",
        first_role=role,
        published_at=now + timedelta(days=2),
    )
    # Hand-picked as related reading by an editor before they went out.
    for guide in public_guides:
        guide.related_guides.add(draft_guide, scheduled_guide)
    draft_role = make_role(
        name=DRAFT_ROLE,
        slug=slug_of(DRAFT_ROLE),
        status=Status.DRAFT,
        broader_titles="LEAK-draft-title",
    )
    return {
        "role": role,
        "roles": [role, other_role],
        "company": company,
        "public_jobs": public_jobs,
        "hidden_jobs": hidden_jobs,
        "public_guides": public_guides,
        "hidden_guides": [draft_guide, scheduled_guide],
        "draft_role": draft_role,
    }


class Walker:
    """Fetches pages once each, keeping their bodies and the same-site links they hold."""

    LINK = re.compile(
        r'(?:href|src)="([^"]*)"|<(?:link|loc)>([^<]*)</(?:link|loc)>'
        r'|"(?:url|next|previous)": ?"([^"]*)"'  # links in the API's JSON
    )

    def __init__(self, client):
        self.client = client
        self.bodies: dict[str, str] = {}

    def visit(self, url: str) -> str:
        if url not in self.bodies:
            response = self.client.get(url, follow=True)
            assert response.status_code == 200, f"{response.status_code} for {url}"
            self.bodies[url] = response.content.decode()
        return self.bodies[url]

    def links(self, url: str) -> set[str]:
        found = set()
        for match in self.LINK.finditer(self.bodies[url]):
            href = unescape(match.group(1) or match.group(2) or match.group(3) or "").strip()
            if not href or href.startswith("#"):
                continue
            target = urlsplit(urljoin(f"http://testserver{url}", href))
            if target.scheme not in ("http", "https") or target.netloc != "testserver":
                continue
            if target.path.startswith(NOT_WALKED):
                continue
            found.add(target.path + (f"?{target.query}" if target.query else ""))
        return found

    def leaks(self) -> dict[str, list[str]]:
        found = {}
        for url, body in self.bodies.items():
            # A page may repeat what the visitor typed (?role=leak-draft-role), exactly as typed.
            for _, typed in parse_qsl(urlsplit(url).query):
                if MARKER.search(typed):
                    body = body.replace(typed, "")
            markers = sorted(set(MARKER.findall(body)))
            if markers:
                found[url] = markers
        return found


def seeds(site) -> list[str]:
    role, company = site["role"], site["company"]
    pages = math.ceil(len(site["public_jobs"]) / JOBS_PER_PAGE)
    urls = [
        "/",
        "/jobs/",
        f"/jobs/?role={role.slug}",
        f"/jobs/?company={company.slug}",
        "/jobs/?workplace=onsite",
        "/jobs/?workplace=remote",
        "/jobs/?workplace=hybrid",
        "/jobs/?q=LEAK",
        "/jobs/?q=Python",
        "/jobs/?location=Berlin",
        "/jobs/?location=remote",
        "/jobs/?location=Germany",
        "/jobs/?employment_type=full_time&experience_level=mid",
        "/jobs/?salary_min=1",
        "/jobs/?posted_within=30",
        "/jobs/?ordering=newest",
        "/jobs/?ordering=salary",
        f"/jobs/?role={slug_of(DRAFT_ROLE)}",
        "/guides/",
        f"/guides/?role={role.slug}",
        f"/guides/?role={slug_of(DRAFT_ROLE)}",
        "/roles/",
        "/salaries/",
        "/employers/",
        "/feeds/jobs/",
        "/feeds/jobs/?q=LEAK",
        f"/feeds/jobs/?role={role.slug}",
        f"/feeds/jobs/?company={company.slug}",
        "/feeds/jobs/atom/",
        "/feeds/jobs/atom/?q=LEAK",
        "/feeds/guides/",
        "/feeds/guides/atom/",
        "/search/",
        "/search/?q=LEAK",
        "/search/?q=LEAK-draft",
        "/search/?q=leak+or+python",
        "/search/?q=Python",
        "/search/?q=pyth",
        "/search/?q=draft",
        "/search/?q=guide",
        "/search/?q=data+-python",
        "/robots.txt",
        "/sitemap.xml",
        # The API: the same public rule, the same filters.
        "/api/v1/",
        "/api/v1/jobs/",
        f"/api/v1/jobs/?role={role.slug}",
        f"/api/v1/jobs/?company={company.slug}",
        "/api/v1/jobs/?workplace=onsite&workplace=remote&workplace=hybrid",
        "/api/v1/jobs/?q=LEAK",
        "/api/v1/jobs/?q=Python",
        "/api/v1/jobs/?location=Germany",
        "/api/v1/jobs/?salary_min=1&ordering=salary",
        "/api/v1/jobs/?posted_within=30&ordering=newest",
        "/api/v1/jobs/?page_size=100",
        "/api/v1/companies/",
        "/api/v1/roles/",
        "/api/v1/guides/",
        f"/api/v1/guides/?role={role.slug}",
        "/api/v1/salaries/",
        "/api/v1/salaries/?q=leak",
        "/api/v1/salaries/?q=engineer&page_size=1",
        f"/api/v1/salaries/?role={role.slug}",
        "/api/v1/salaries/engineer/",
        "/api/v1/salaries/data-specialist/?country=DE&experience_level=senior",
    ]
    # Every page of the job search, in each order (one past the end is a 404).
    for ordering in ("", "&ordering=newest", "&ordering=salary"):
        urls += [f"/jobs/?page={n}{ordering}" for n in range(1, pages + 1)]
    urls += [f"/guides/?page={n}" for n in range(1, 3)]
    urls += [role.get_absolute_url() for role in site["roles"]]
    urls += [guide.get_absolute_url() for guide in site["public_guides"]]
    urls += [f"/api/v1/guides/{guide.slug}/" for guide in site["public_guides"]]
    urls += [f"/api/v1/roles/{role.slug}/" for role in site["roles"]]
    urls += [f"/api/v1/jobs/{job.slug}/" for job in site["public_jobs"]]
    urls += [f"/api/v1/companies/{company.slug}/"]
    for ordering in ("", "&ordering=newest", "&ordering=salary"):
        urls += [f"/api/v1/jobs/?page_size=3&page={n}{ordering}" for n in range(1, pages + 1)]
    return urls


def test_walk_finds_no_hidden_record(client, site):
    walker = Walker(client)
    for url in seeds(site):
        walker.visit(url)
    sections = re.findall(
        r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", walker.bodies["/sitemap.xml"]
    )
    assert len(sections) >= 4, walker.bodies["/sitemap.xml"]
    for section in sections:
        walker.visit(section)

    # Follow every same-site link of the pages above, one level deep.
    for url in list(walker.bodies):
        for link in walker.links(url):
            walker.visit(link)

    assert walker.leaks() == {}

    visited = set(walker.bodies)
    assert len(visited) >= 100, f"the walk reached only {len(visited)} pages"
    for record in site["public_jobs"] + site["public_guides"] + site["roles"]:
        assert record.get_absolute_url() in visited, record
    assert "/salaries/data-specialist/" in visited
    # Links in the API's JSON were followed too ("next" of a page, a company's jobs).
    assert "/api/v1/jobs/?page=2&page_size=3" in visited
    assert "/api/v1/salaries/?page=2&page_size=1&q=engineer" in visited
    assert f"/jobs/?company={site['company'].slug}" in visited
    # The public jobs did show up: the walk looked at real listings, not empty pages.
    listings = "".join(walker.bodies[f"/jobs/?page={n}"] for n in (1, 2, 3))
    for job in site["public_jobs"]:
        assert job.title in listings


@pytest.mark.parametrize("marker", CLOSED)
def test_closed_job_keeps_only_its_own_page(client, site, marker):
    job = site["hidden_jobs"][marker]
    response = client.get(f"/jobs/{job.slug}/")
    assert response.status_code == 200
    html = response.text
    assert "no longer accepting applications" in html
    assert '"@type": "JobPosting"' not in html and "JobPosting" not in html
    assert response.get("X-Robots-Tag") == "noindex" or 'content="noindex' in html
    assert f"/jobs/{job.slug}/apply/" not in html
    assert job.apply_email not in html
    # Its own title and skills are there; nothing of any other hidden record is.
    others = sorted(set(MARKER.findall(re.sub(re.escape(marker), "", html, flags=re.I))))
    assert others == []
    assert client.post(f"/jobs/{job.slug}/apply/").status_code == 404


@pytest.mark.parametrize("marker", UNPUBLISHED)
def test_unpublished_job_is_not_found(client, site, marker):
    job = site["hidden_jobs"][marker]
    for response in (client.get(f"/jobs/{job.slug}/"), client.post(f"/jobs/{job.slug}/apply/")):
        assert response.status_code == 404
        assert not MARKER.search(response.text)


def test_hidden_guides_and_draft_role_are_not_found(client, site):
    urls = [guide.get_absolute_url() for guide in site["hidden_guides"]]
    urls += [
        f"/roles/{slug_of(DRAFT_ROLE)}/",
        f"/salaries/{slug_of(DRAFT_ROLE)}/",
        "/salaries/leak-draft-title/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert not MARKER.search(response.text), url


def test_public_job_with_a_draft_role_hides_the_role_on_pages(client, site):
    """A moderator may attach a posting to a role the editors have not published yet."""
    job = make_job(
        title="Public job, draft role",
        role=site["draft_role"],
        featured_until=timezone.now() + timedelta(days=2),
    )
    for url in [job.get_absolute_url(), "/", "/jobs/", "/jobs/?q=draft", "/jobs/?q=public"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert job.title in response.text, url
        assert not MARKER.search(response.text), url
    for url in ["/search/?q=draft", "/search/?q=public+job"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<a href="{job.get_absolute_url()}">' in response.text, url
        assert not MARKER.search(response.text), url


@pytest.mark.parametrize("url", ["/feeds/jobs/", "/feeds/jobs/atom/"])
def test_public_job_with_a_draft_role_hides_the_role_in_feeds(client, site, url):
    job = make_job(title="Public job, draft role", role=site["draft_role"])
    body = client.get(url).text
    assert job.title in body
    assert not MARKER.search(body)


def test_the_api_finds_no_hidden_record(client, site):
    """Hidden postings, guides and the draft role are 'not found' in the API, and their
    filters are refused without naming them."""
    urls = [f"/api/v1/jobs/{job.slug}/" for job in site["hidden_jobs"].values()]
    urls += [f"/api/v1/guides/{guide.slug}/" for guide in site["hidden_guides"]]
    urls += [f"/api/v1/roles/{slug_of(DRAFT_ROLE)}/"]
    urls += [f"/api/v1/salaries/{slug_of(DRAFT_ROLE)}/", "/api/v1/salaries/leak-draft-title/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert not MARKER.search(response.text), url
    for url in [
        f"/api/v1/jobs/?role={slug_of(DRAFT_ROLE)}",
        f"/api/v1/guides/?role={slug_of(DRAFT_ROLE)}",
        f"/api/v1/salaries/?role={slug_of(DRAFT_ROLE)}",
    ]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert list(response.json()["errors"]) == ["role"]
    listed = client.get("/api/v1/jobs/?page_size=100").json()
    assert listed["count"] == len(site["public_jobs"])
    assert {job["title"] for job in listed["results"]} == {j.title for j in site["public_jobs"]}


@pytest.mark.parametrize("url", ["/jobs/", "/feeds/jobs/", "/api/v1/companies/"])
def test_company_with_only_unpublished_postings_is_not_named(client, site, url):
    company = make_company(name="LEAK-stealth-company", slug="stealth-company")
    make_job(title="Unannounced job", company=company, status=JobStatus.PENDING)
    response = client.get(f"{url}?company={company.slug}")
    # Unknown to the filter: the page shows every company, the feed refuses the filter.
    assert response.status_code == (400 if url.startswith("/feeds/") else 200)
    assert not MARKER.search(response.text)
