"""What keeps a first view and a hit cheap: the compressed copy kept with a page, fragments that
many pages share (retired by their tags like pages), and one Redis client per pool."""

import gzip
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client

from core import page_cache, page_tags
from core.cache import ReusedClients
from jobs.models import Job
from tests.factories import make_job, make_role

pytestmark = pytest.mark.django_db


def test_a_hit_sends_the_compressed_copy_kept_with_the_page(django_assert_num_queries):
    make_job(title="Vector Search Engineer")
    browser = Client(headers={"Accept-Encoding": "gzip, deflate, br"})
    first = browser.get("/jobs/")
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "gzip"
    with django_assert_num_queries(0):
        second = browser.get("/jobs/")
    assert second["X-Page-Cache"] == "hit" and second["Content-Encoding"] == "gzip"
    assert second.content == first.content  # compressed once, when stored
    page = gzip.decompress(second.content)
    assert b"Vector Search Engineer" in page
    assert "Accept-Encoding" in second["Vary"]
    assert second["ETag"].startswith('W/"')  # as GZipMiddleware marks what it compresses
    assert int(second["Content-Length"]) == len(second.content)
    # A client that does not take gzip gets the same page uncompressed, with the strong ETag.
    plain = Client().get("/jobs/")
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content == page
    assert plain["ETag"] == second["ETag"].removeprefix("W/")
    # Revalidation works with either copy's ETag.
    assert browser.get("/jobs/", headers={"If-None-Match": second["ETag"]}).status_code == 304
    assert Client().get("/jobs/", headers={"If-None-Match": plain["ETag"]}).status_code == 304


def test_a_fragment_is_computed_once_and_again_after_its_tag_moves():
    calls = []

    def compute():
        calls.append(1)
        return ["figures", len(calls)]

    tags = (page_tags.SALARIES,)
    assert page_cache.cached_fragment("test", ("a", 1), tags, compute) == ["figures", 1]
    assert page_cache.cached_fragment("test", ("a", 1), tags, compute) == ["figures", 1]
    assert page_cache.cached_fragment("test", ("b", 1), tags, compute) == ["figures", 2]
    page_cache.pages_changed(page_tags.JOBS)  # another tag: still current
    assert page_cache.cached_fragment("test", ("a", 1), tags, compute) == ["figures", 1]
    page_cache.pages_changed(page_tags.SALARIES)
    assert page_cache.cached_fragment("test", ("a", 1), tags, compute) == ["figures", 3]
    page_cache.pages_changed()  # every page and fragment
    assert page_cache.cached_fragment("test", ("a", 1), tags, compute) == ["figures", 4]


def test_a_fragment_of_none_is_kept_too():
    calls = []
    for _ in range(2):
        page_cache.cached_fragment("none", (), (), lambda: calls.append(1))
    assert len(calls) == 1


def test_a_job_page_shows_a_new_posting_of_its_role_among_the_similar_jobs():
    role = make_role(name="Search Engineer", slug="search-engineer")
    first = make_job(title="First search job", role=role)
    make_job(title="Second search job", role=role)
    html = Client().get(first.get_absolute_url()).text
    assert "Second search job" in html
    make_job(title="Third search job", role=role)  # retires the role's job lists
    page_cache.pages_changed(page_tags.job(first.pk))  # (and its page, as an edit would)
    html = Client().get(first.get_absolute_url()).text
    assert "Third search job" in html and "Second search job" in html
    assert html.count("First search job") >= 1  # its own title, never among the similar ones
    assert f'href="{first.get_absolute_url()}"' not in html.split("Similar jobs", 1)[1]


def test_a_first_view_of_another_posting_of_the_role_reads_only_the_posting(
    django_assert_max_num_queries,
):
    role = make_role(name="Search Engineer", slug="search-engineer")
    jobs = [make_job(title="Search Engineer", role=role) for _ in range(4)]  # one title: one figure
    Client().get(jobs[0].get_absolute_url())  # the role's guides and jobs are read once
    with django_assert_max_num_queries(2):
        response = Client().get(jobs[1].get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert Job.objects.public().count() == 4


def test_redis_clients_are_made_once_per_pool():
    client = ReusedClients(["redis://127.0.0.1:6379/9"])
    first = client.get_client()
    assert client.get_client(write=True) is first
    assert first.ping()


def test_a_fragment_is_served_by_the_process_while_nothing_changes(settings):
    calls = []

    def compute():
        calls.append(1)
        return ["figures", len(calls)]

    def read():
        # What the front lookup of a request reads, for the rest of the request.
        state = cache.get_many([page_cache.GENERATION_KEY, page_cache.CHANGE_KEY])
        lookup = page_cache.Lookup(
            state[page_cache.GENERATION_KEY], state.get(page_cache.CHANGE_KEY)
        )
        with (
            page_cache.request_lookup(lookup),
            mock.patch.object(page_cache, "_safely", wraps=page_cache._safely) as asked,
        ):
            value = page_cache.cached_fragment("near", ("a",), (page_tags.SALARIES,), compute)
        return value, asked.call_count

    page_cache.new_cache_state()
    page_cache.pages_changed(page_tags.JOBS)  # a change token to be current under
    assert read()[0] == ["figures", 1]
    assert read() == (["figures", 1], 0)  # no round trip to the cache
    page_cache.pages_changed(page_tags.JOBS)  # any change: read from the cache again
    value, asked = read()
    assert value == ["figures", 1] and asked > 0
    assert read() == (["figures", 1], 0)
    page_cache.pages_changed(page_tags.SALARIES)  # its own tag: computed again
    assert read()[0] == ["figures", 2]
    # No longer than the cache keeps a fragment: a posting ending by its date moves no token.
    later = time.monotonic() + settings.PAGE_CACHE_SECONDS + 1
    with mock.patch.object(page_cache.time, "monotonic", return_value=later):
        assert read()[1] > 0
    # Without a change token (lost from the cache) nothing is served from the process,
    cache.delete(page_cache.CHANGE_KEY)
    assert read()[1] > 0 and read()[1] > 0
    # until a request's first lookup finds it missing and gives the cache a new one.
    lookup, _ = page_cache.read_current("page:any")
    assert lookup and lookup.change and lookup.change == cache.get(page_cache.CHANGE_KEY)
    assert read() == (["figures", 2], 1)  # read from the cache once (the new token: a change)
    assert read() == (["figures", 2], 0)  # then served by the process again
