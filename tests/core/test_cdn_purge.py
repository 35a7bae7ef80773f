"""The purge hook (CDN_PURGE_URL): the tags a committed write retires are purged through the
background worker, in batches, with bounded retries; an endpoint that hangs or fails slows or
breaks no write. Tried against small local HTTP servers: one that answers, one that hangs, one
that answers 500."""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from core import cdn_purge, cdn_tasks, page_cache
from jobs import moderation
from tests.factories import make_job

pytestmark = pytest.mark.django_db


class PurgeEndpoint(ThreadingHTTPServer):
    """Records each purge request and answers with `status`, after `delay` seconds."""

    daemon_threads = True

    def __init__(self, status: int = 200, delay: float = 0) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.status, self.delay = status, delay
        self.received: list[dict] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/purge"

    @property
    def tags(self) -> list[list[str]]:
        return [request["body"]["tags"] for request in self.received]


class Handler(BaseHTTPRequestHandler):
    server: PurgeEndpoint

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append({"headers": dict(self.headers), "body": body})
        time.sleep(self.server.delay)
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(endpoint: PurgeEndpoint) -> Iterator[PurgeEndpoint]:
    thread = threading.Thread(target=endpoint.serve_forever, daemon=True)
    thread.start()
    yield endpoint
    endpoint.shutdown()
    endpoint.server_close()


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Tasks run as they are queued (set here so the task backends are loaded afresh)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def job():
    return make_job(title="Vector Search Engineer")  # made before the hook is on


@pytest.fixture
def answering(settings):
    settings.CDN_PURGE_HEADER = "Authorization: Bearer purge-token"
    for endpoint in serve(PurgeEndpoint()):
        settings.CDN_PURGE_URL = endpoint.url
        yield endpoint


@pytest.fixture
def hanging(settings):
    settings.CDN_PURGE_TIMEOUT = 1
    for endpoint in serve(PurgeEndpoint(delay=3)):
        settings.CDN_PURGE_URL = endpoint.url
        yield endpoint


@pytest.fixture
def failing(settings):
    for endpoint in serve(PurgeEndpoint(status=500)):
        settings.CDN_PURGE_URL = endpoint.url
        yield endpoint


@pytest.fixture
def database_queue(settings, immediate_tasks):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_purges() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path="core.cdn_tasks.purge_tags"))


def test_a_write_purges_the_tags_it_retires_once_it_commits(
    job, answering, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.mark_filled(job, None)
        assert answering.received == []  # not before the commit
    retired = job.page_tags()
    assert answering.tags == [sorted(retired)]
    request = answering.received[0]
    assert request["headers"]["Surrogate-Key"] == " ".join(sorted(retired))
    assert request["headers"]["Authorization"] == "Bearer purge-token"


def test_the_tags_of_one_transaction_go_in_one_purge(
    job, answering, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        other = make_job(title="Vision Researcher")
    answering.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        job.title, other.title = "Renamed", "Renamed too"
        job.save()
        other.save()
    assert answering.tags == [sorted(job.page_tags() | other.page_tags())]


def test_nothing_is_purged_when_the_write_is_rolled_back(
    job, answering, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        moderation.mark_filled(job, None)
        raise RuntimeError("the write fails after the change")
    assert answering.received == []
    # The next write is purged on its own.
    with django_capture_on_commit_callbacks(execute=True):
        job.refresh_from_db()
        job.title = "Renamed"
        job.save()
    assert answering.tags == [sorted(job.page_tags())]


def test_retiring_every_page_purges_the_site_tag(answering, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.pages_changed()
    assert answering.tags == [["site"]]


def test_many_tags_go_in_batches(answering):
    tags = [f"job:{n}" for n in range(2 * cdn_purge.PURGE_BATCH + 5)]
    cdn_purge.enqueue(tags)
    assert [len(batch) for batch in answering.tags] == [30, 30, 5]
    assert sorted(sum(answering.tags, [])) == sorted(tags)


def test_off_by_default(job, settings, django_capture_on_commit_callbacks, database_queue):
    assert settings.CDN_PURGE_URL == ""
    with django_capture_on_commit_callbacks(execute=True):
        moderation.mark_filled(job, None)
    assert queued_purges() == []


def test_a_hanging_endpoint_does_not_slow_the_write(
    job, hanging, database_queue, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.mark_filled(job, None)
    assert time.monotonic() - started < 1  # the purge only waits in the queue
    (queued,) = queued_purges()
    assert hanging.received == []
    # The worker gives up on the answer after CDN_PURGE_TIMEOUT and queues a second attempt.
    started = time.monotonic()
    outcome = cdn_tasks.purge_tags.call(*queued.args_kwargs["args"])
    assert 1 <= time.monotonic() - started < 2.5
    assert outcome.startswith("attempt 1 failed")
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.args_kwargs["args"] == [sorted(job.page_tags()), 2]


def test_a_failing_endpoint_is_tried_again_later_a_bounded_number_of_times(
    failing, settings, database_queue
):
    settings.CDN_PURGE_ATTEMPTS, settings.CDN_PURGE_RETRY_SECONDS = 3, 10
    before = time.time()
    assert cdn_tasks.purge_tags.call(["job:1"]) == "attempt 1 failed: answered 500"
    assert cdn_tasks.purge_tags.call(["job:1"], 2) == "attempt 2 failed: answered 500"
    first, second = sorted(queued_purges(), key=lambda row: row.args_kwargs["args"][1])
    assert first.args_kwargs["args"] == [["job:1"], 2]
    assert 10 <= first.run_after.timestamp() - before < 12  # then twice as long
    assert 20 <= second.run_after.timestamp() - before < 22
    assert cdn_tasks.purge_tags.call(["job:1"], 3) == "gave up: answered 500"
    assert len(queued_purges()) == 2  # no fourth attempt
    assert len(failing.received) == 3


def test_a_failing_endpoint_does_not_break_the_write(
    job, failing, django_capture_on_commit_callbacks
):
    # Even run at once (as the tests' task backend does), a refusal breaks nothing.
    with django_capture_on_commit_callbacks(execute=True):
        moderation.mark_filled(job, None)
    job.refresh_from_db()
    assert job.status == "filled"
    assert len(failing.received) == 1
