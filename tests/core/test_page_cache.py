"""The page cache: anonymous pages come from it, every public change retires them at once, and
nothing personal is ever stored or served from it."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core import page_cache
from jobs import moderation
from jobs.choices import JobStatus
from roles.models import Status
from tests.employers.helpers import client_for, make_employer, make_moderator
from tests.factories import directives, make_editor, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db


def get(url: str, client: Client | None = None, **headers):
    return (client or Client()).get(url, headers=headers)


@pytest.fixture
def job():
    return make_job(title="Vector Search Engineer")


@pytest.mark.parametrize("url", ["/", "/jobs/", "/jobs/?workplace=remote&page=1", "/guides/"])
def test_anonymous_pages_come_from_the_cache_the_second_time(url, job, django_assert_num_queries):
    first = get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Browsers and shared caches may keep it (core/cdn.py); each response has its own request id.
    assert "public" in directives(second["Cache-Control"])
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_job_guide_role_and_salary_pages_are_cached(job):
    role = make_role(name="Search Engineer", slug="search-engineer")
    guide = make_guide(title="Search guide", slug="search-guide")
    for url in [job.get_absolute_url(), guide.get_absolute_url(), role.get_absolute_url()]:
        assert get(url)["X-Page-Cache"] == "miss"
        assert get(url)["X-Page-Cache"] == "hit", url


def test_a_revalidation_is_answered_304(job):
    etag = get("/jobs/")["ETag"]
    assert get("/jobs/", If_None_Match=etag).status_code == 304
    moderation.mark_filled(job, None)
    assert get("/jobs/", If_None_Match=etag).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/jobs/?q=vector&workplace=onsite", "/jobs/?location=Berlin", "/search/?q=vector",
     "/salaries/?q=data"],
)  # fmt: skip
def test_searches_are_cached_too(url, job):
    make_role(name="Data Engineer", slug="data-engineer")  # a salary title to find
    assert get(url)["X-Page-Cache"] == "miss"
    assert get(url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("url", "plain"),
    [("/jobs/?utm_source=newsletter", "/jobs/"), ("/?ref=x", "/"),
     ("/guides/?page=1&junk=1", "/guides/")],
)  # fmt: skip
def test_unknown_parameters_are_dropped_from_the_key_and_the_page(url, plain, job):
    first = get(url)
    assert first["X-Page-Cache"] == "miss"
    assert b"utm_source" not in first.content and b"junk" not in first.content
    assert get(plain)["X-Page-Cache"] == "hit"


def test_a_new_posting_shows_in_a_cached_search_at_once(job):
    get("/jobs/?q=vector")
    assert "Retrieval Researcher" not in get("/jobs/?q=retrieval").text
    make_job(title="Retrieval Researcher")
    assert "Retrieval Researcher" in get("/jobs/?q=retrieval").text


def test_approving_a_job_shows_it_at_once():
    pending = make_job(title="Retrieval Researcher", status=JobStatus.PENDING)
    for url in ["/", "/jobs/", "/feeds/jobs/", "/sitemap-jobs.xml"]:
        get(url)
        assert "Retrieval Researcher" not in get(url).text, url
    moderation.approve(pending, make_moderator())
    for url in ["/", "/jobs/", "/feeds/jobs/", "/sitemap-jobs.xml"]:
        response = get(url)
        assert response["X-Page-Cache"] == "miss"
        assert pending.slug in response.text, url


def test_filling_and_expiring_jobs_take_them_off_at_once(job):
    other = make_job(title="Ranking Engineer")
    get("/jobs/")
    assert job.title in get("/jobs/").text and other.title in get("/jobs/").text
    moderation.mark_filled(job, None)
    assert job.title not in get("/jobs/").text
    # A posting whose date passes is archived by the scheduled command, which retires pages.
    type(other).objects.filter(pk=other.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    call_command("expire_jobs", stdout=io.StringIO())
    assert other.title not in get("/jobs/").text


def test_publishing_a_guide_in_the_admin_shows_it_at_once(admin_client):
    draft = make_guide(title="Draft guide on evals", slug="evals", status=Status.DRAFT)
    get("/guides/")
    assert "Draft guide on evals" not in get("/guides/").text
    admin_client.post(
        reverse("admin:roles_guide_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk]},
    )
    assert "Draft guide on evals" in get("/guides/").text
    assert get(draft.get_absolute_url()).status_code == 200


def test_featuring_in_bulk_from_the_admin_retires_pages(admin_client, job):
    get("/")
    assert get("/")["X-Page-Cache"] == "hit"
    admin_client.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "feature", ACTION_CHECKBOX_NAME: [job.pk], "days": 7},
    )
    assert get("/")["X-Page-Cache"] == "miss"


def test_logged_in_pages_are_never_cached_or_served_from_the_cache(job):
    get("/jobs/")
    assert get("/jobs/")["X-Page-Cache"] == "hit"
    employer = make_employer()
    response = client_for(employer.user).get("/jobs/")
    assert "X-Page-Cache" not in response
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    staff = Client()
    staff.force_login(make_editor())
    assert {"private", "no-store"} <= directives(staff.get("/")["Cache-Control"])


def test_pages_with_a_form_token_are_never_cached():
    for url in ["/employers/sign-up/", "/employers/log-in/"]:
        response = get(url)
        assert "X-Page-Cache" not in response
        assert {"private", "no-store"} <= directives(response["Cache-Control"])


def test_a_one_time_message_is_not_lost_to_the_cache(job):
    get("/")
    assert get("/")["X-Page-Cache"] == "hit"
    client = Client()
    client.force_login(make_employer().user)
    client.post(reverse("employers:log-out"))
    client.cookies["messages"] = "a signed message for this visitor"
    assert "X-Page-Cache" not in client.get("/")


def test_a_staff_preview_is_never_stored():
    draft = make_guide(title="Unpublished guide", slug="unpublished", status=Status.DRAFT)
    staff = Client()
    staff.force_login(make_editor())
    assert staff.get(draft.get_absolute_url()).status_code == 200
    assert get(draft.get_absolute_url()).status_code == 404


def test_salary_figures_refreshed_retire_pages(job):
    get("/salaries/")
    assert get("/salaries/")["X-Page-Cache"] == "hit"
    call_command("refresh_salaries", stdout=io.StringIO())
    assert get("/salaries/")["X-Page-Cache"] == "miss"


def test_retire_pages_command_for_deploys(job):
    get("/")
    assert get("/")["X-Page-Cache"] == "hit"
    call_command("retire_pages", stdout=io.StringIO())
    assert get("/")["X-Page-Cache"] == "miss"


def test_the_cache_is_off_with_zero_seconds(settings, job):
    settings.PAGE_CACHE_SECONDS = 0
    get("/jobs/")
    assert "X-Page-Cache" not in get("/jobs/")


def test_a_job_page_is_kept_no_longer_than_its_posting_is_open():
    soon = make_job(title="Closing soon")
    type(soon).objects.filter(pk=soon.pk).update(expires_at=timezone.now() + timedelta(seconds=90))
    with mock.patch.object(page_cache, "keep_many", wraps=page_cache.keep_many) as stored:
        get(soon.get_absolute_url())
    # The page, and its copy as asked for (core/front_cache.py), for as long.
    (values, _, _, seconds), _ = stored.call_args
    assert {key.split(":")[0] for key in values} == {"page", "front"}
    assert 60 < seconds <= 90


@pytest.mark.parametrize(
    "url", ["/api/v1/jobs/", "/api/v1/jobs/?q=vector&page_size=5", "/api/v1/companies/",
            "/api/v1/roles/", "/api/v1/guides/", "/api/v1/salaries/"],
)  # fmt: skip
def test_public_api_lists_come_from_the_cache(url, job, django_assert_max_num_queries):
    first = get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        second = get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.json() == first.json()


def test_a_cached_api_list_changes_at_once_and_still_counts_toward_the_throttle(settings, job):
    assert [j["title"] for j in get("/api/v1/jobs/").json()["results"]] == [job.title]
    moderation.mark_filled(job, None)
    assert get("/api/v1/jobs/").json()["results"] == []
    from rest_framework.throttling import SimpleRateThrottle

    with mock.patch.object(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "3/minute"}
    ):
        codes = [Client(REMOTE_ADDR="198.51.100.7").get("/api/v1/jobs/").status_code
                 for _ in range(5)]  # fmt: skip
    assert codes == [200, 200, 200, 429, 429]
