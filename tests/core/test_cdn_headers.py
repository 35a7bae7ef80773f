"""Pages a CDN can hold: anonymous public pages and API reads say `public` with lifetimes and
name the page cache's tags (Surrogate-Key, Cache-Tag), the same on a page-cache hit as on the
miss; anything personal stays private."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle

from core import page_cache, page_tags
from core.cdn import SITE_TAG
from jobs.views import JOB_LIST_TAGS, job_page_tags
from tests.api_clients import token_client
from tests.core.test_page_cache_tags import Board
from tests.employers.helpers import client_for, make_employer
from tests.factories import directives, make_editor

pytestmark = pytest.mark.django_db

# Headers that differ on every answer, whatever the cache did.
PER_ANSWER = {"x-request-id", "x-page-cache"}


@pytest.fixture
def board(settings):
    settings.CDN_MAX_AGE = 60
    settings.CDN_SHARED_MAX_AGE = 3600
    settings.CDN_STALE_SECONDS = 30
    board = Board()
    api_job = f"/api/v1/jobs/{board.job.slug}/"
    board.pages |= {
        "jobs filtered": "/jobs/?workplace=remote&page=1",
        "jobs feed": "/feeds/jobs/",
        "guides feed": "/feeds/guides/atom/",
        "sitemap": "/sitemap.xml",
        "compare": "/roles/compare/",
        "api job": api_job,
        "api companies": "/api/v1/companies/",
        "api roles": "/api/v1/roles/",
        "api role": f"/api/v1/roles/{board.role.slug}/",
        "api guide": f"/api/v1/guides/{board.guide.slug}/",
        "api salaries": "/api/v1/salaries/",
    }
    return board


def tags_of(response) -> list[str]:
    return response["Surrogate-Key"].split(" ")


def shared(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_ANSWER}


def assert_private(response) -> None:
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    assert "public" not in directives(response["Cache-Control"])
    assert "Surrogate-Key" not in response and "Cache-Tag" not in response


def test_every_public_page_and_api_read_is_public_with_tags_on_miss_and_hit(board):
    for name, url in board.pages.items():
        miss, hit = Client().get(url), Client().get(url)
        assert miss.status_code == 200, name
        control = miss["Cache-Control"]
        assert control == "public, max-age=60, s-maxage=3600, stale-while-revalidate=30", name
        tags = tags_of(miss)
        assert tags[0] == SITE_TAG and len(tags) > 1, name
        assert miss["Cache-Tag"] == ",".join(tags), name
        assert "Cookie" in miss["Vary"], name  # never the anonymous copy for a session
        if "X-Page-Cache" in miss:  # pages and lists; single API objects are not stored
            assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit"), name
        assert shared(hit) == shared(miss), name


def test_the_tags_are_the_ones_the_page_cache_retires_the_page_by(board):
    job_page = Client().get(board.pages["job"])
    assert set(tags_of(job_page)) == {"site", *job_page_tags(board.job)}
    assert set(tags_of(Client().get("/jobs/"))) == {"site", *JOB_LIST_TAGS}
    assert set(tags_of(Client().get("/api/v1/jobs/"))) == {"site", page_tags.JOBS, page_tags.ROLES}
    # Each tag the job page names retires it: a purge by any of them reaches what it shows.
    for tag in tags_of(job_page)[1:]:
        assert Client().get(board.pages["job"])["X-Page-Cache"] == "hit", tag
        page_cache.pages_changed(tag)
        assert Client().get(board.pages["job"])["X-Page-Cache"] == "miss", tag


def test_a_revalidation_is_a_304_that_keeps_the_lifetimes(board):
    first = Client().get("/jobs/")
    again = Client().get("/jobs/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["Cache-Control"] == first["Cache-Control"]


def test_too_many_tags_name_only_the_site_and_keep_the_page_briefly(board, settings):
    settings.CDN_MAX_TAGS = 2
    job_page = Client().get(board.pages["job"])  # five tags
    assert job_page["Surrogate-Key"] == "site" and job_page["Cache-Tag"] == "site"
    assert "s-maxage=60" in job_page["Cache-Control"]  # no longer than a browser keeps it
    assert Client().get("/api/v1/roles/")["Surrogate-Key"] == "site roles"  # within the cap


def test_a_job_page_is_kept_no_longer_than_its_posting_is_open(board):
    type(board.job).objects.filter(pk=board.job.pk).update(
        expires_at=timezone.now() + timedelta(seconds=40)
    )
    control = directives_with_values(Client().get(board.pages["job"])["Cache-Control"])
    assert 30 < control["max-age"] <= 40 and 30 < control["s-maxage"] <= 40


def directives_with_values(cache_control: str) -> dict[str, int]:
    pairs = (part.strip().partition("=") for part in cache_control.split(","))
    return {name: int(value) for name, _, value in pairs if value}


def test_with_the_page_cache_off_pages_still_carry_the_headers(board, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = Client().get(board.pages["job"])
    assert "X-Page-Cache" not in page
    assert "public" in directives(page["Cache-Control"])
    assert set(tags_of(page)) == {"site", *job_page_tags(board.job)}
    api = Client().get("/api/v1/jobs/")
    assert "X-Page-Cache" not in api and tags_of(api) == ["site", "jobs", "roles"]


def test_a_page_rendered_while_its_content_changed_is_not_for_shared_caches(board, monkeypatch):
    from jobs import views

    show = views.job_page_context

    def changed_meanwhile(request, job):
        context = show(request, job)
        page_cache.pages_changed(page_tags.job(job.pk))  # another request changes it now
        return context

    page_cache.pages_changed(page_tags.job(board.job.pk))
    monkeypatch.setattr(views, "job_page_context", changed_meanwhile)
    page = Client().get(board.pages["job"])
    assert page["Cache-Control"] == "no-cache" and "Surrogate-Key" not in page


def test_signed_in_pages_stay_private(board):
    employer = client_for(make_employer().user)
    for url in ["/", "/jobs/", board.pages["job"], reverse("employers:dashboard")]:
        assert_private(employer.get(url))
    staff = client_for(make_editor())
    assert_private(staff.get("/"))
    assert_private(staff.get("/admin/"))
    assert_private(staff.get("/admin/jobs/job/"))


def test_forms_with_a_csrf_token_and_post_answers_stay_private(board):
    for url in ["/employers/log-in/", "/employers/sign-up/"]:
        page = Client().get(url)
        assert page.status_code == 200 and "csrftoken" in page.cookies, url
        assert_private(page)
    answer = Client().post("/employers/log-in/", {"username": "x@example.com", "password": "no"})
    assert "public" not in answer.get("Cache-Control", "")
    assert "Surrogate-Key" not in answer


def test_errors_and_refusals_are_not_public(board, monkeypatch):
    missing = Client().get("/jobs/no-such-job/")
    assert missing.status_code == 404 and "Surrogate-Key" not in missing
    assert "public" not in missing.get("Cache-Control", "")
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/minute", "user": "1/m"})
    caller = Client(REMOTE_ADDR="10.0.0.9")
    assert caller.get("/api/v1/roles/").status_code == 200
    refused = caller.get("/api/v1/roles/")
    assert refused.status_code == 429 and "Surrogate-Key" not in refused
    assert "public" not in refused.get("Cache-Control", "")


def test_credentials_or_a_session_make_even_a_cached_page_private(board):
    Client().get("/jobs/")
    assert Client().get("/jobs/")["X-Page-Cache"] == "hit"
    with_credentials = Client().get("/jobs/", headers={"Authorization": "Basic eDp5"})
    assert_private(with_credentials)
    employer = make_employer()
    api = token_client(employer.user).get("/api/v1/jobs/")
    assert api.status_code == 200 and "Surrogate-Key" not in api
    assert "public" not in api["Cache-Control"]
    session = Client()
    session.force_login(get_user_model().objects.get(pk=employer.user.pk))
    assert "Surrogate-Key" not in session.get("/api/v1/jobs/")


def test_a_retired_copy_served_while_the_database_is_away_is_not_for_shared_caches(board):
    from django.db import OperationalError, connection

    def database_down(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    assert "public" in Client().get("/jobs/")["Cache-Control"]
    page_cache.pages_changed()
    with connection.execute_wrapper(database_down):
        stale = Client().get("/jobs/")
    assert stale["X-Page-Cache"] == "stale"
    assert stale["Cache-Control"] == "no-cache" and "Surrogate-Key" not in stale
