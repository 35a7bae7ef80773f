"""E-mail leaves through the outbox: stored with the change, sent by a task after the commit,
tried again with growing delays while the mail server fails, and sent exactly once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import outbox
from background.models import OutgoingEmail
from core import email
from tests.api_clients import make_employer
from tests.background.flaky_mail import FlakyBackend, RefusesOneAddress

pytestmark = pytest.mark.django_db

FLAKY = {"default": {"BACKEND": "tests.background.flaky_mail.FlakyBackend"}}


def message(to: str = "grace@hopper.example", **kwargs) -> email.Message:
    return email.Message(to=to, subject="Hello", body="Hello there.", kind="test", **kwargs)


def make_due() -> None:
    """As if the retry delay had passed."""
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def flaky(settings):
    settings.MAILERS = FLAKY
    FlakyBackend.failures_left = 0
    FlakyBackend.attempts = 0
    return FlakyBackend


def test_sent_after_the_commit_not_before(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email.queue([message()])
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING
    for callback in callbacks:
        callback()
    (sent,) = mail.outbox
    assert sent.to == ["grace@hopper.example"]
    row = OutgoingEmail.objects.get()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.SENT, 1)


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        email.queue([message()])
        raise RuntimeError("the change failed")
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_three_failures_then_one_delivery_not_four(flaky, django_capture_on_commit_callbacks):
    flaky.failures_left = 3
    with django_capture_on_commit_callbacks(execute=True):
        email.queue([message()])
    delays = []
    for _ in range(5):
        row = OutgoingEmail.objects.get()
        if row.status == OutgoingEmail.Status.SENT:
            break
        delays.append(round((row.next_attempt_at - timezone.now()).total_seconds() / 60))
        assert outbox.deliver_due().sent == 0, "nothing is due before its delay has passed"
        make_due()
        outbox.deliver_due()
    row = OutgoingEmail.objects.get()
    assert row.status == OutgoingEmail.Status.SENT
    assert row.attempts == 4
    assert flaky.attempts == 4
    assert len(mail.outbox) == 1
    assert delays == [1, 2, 4], "each delay doubles (EMAIL_RETRY_SECONDS is a minute)"
    make_due()
    assert outbox.deliver_due().sent == 0
    assert len(mail.outbox) == 1


def test_gives_up_after_the_last_attempt_and_keeps_the_row(flaky, settings):
    settings.EMAIL_MAX_ATTEMPTS = 2
    flaky.failures_left = 10
    email.queue([message()])
    outbox.deliver_due()
    make_due()
    outbox.deliver_due()
    row = OutgoingEmail.objects.get()
    assert row.status == OutgoingEmail.Status.FAILED
    assert "not answering" in row.last_error
    make_due()
    assert outbox.deliver_due().failed == 0, "a row given up on is left for an operator"


def test_a_server_outage_defers_the_whole_batch(flaky):
    flaky.failures_left = 1
    ids = email.queue([message(f"person{n}@example.com") for n in range(3)])
    outcome = outbox.deliver(ids)
    assert (outcome.sent, outcome.deferred) == (0, 3)
    assert mail.outbox == []


def test_a_refused_address_does_not_hold_up_the_others(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.background.flaky_mail.RefusesOneAddress"}}
    ids = email.queue([message(RefusesOneAddress.refused), message("ok@example.com")])
    outcome = outbox.deliver(ids)
    assert (outcome.sent, outcome.failed) == (1, 1), "a 550 is final: failed at once"
    assert [m.to for m in mail.outbox] == [["ok@example.com"]]


def test_a_claimed_row_is_not_sent_by_anyone_else():
    (row_id,) = email.queue([message()])
    now = timezone.now()
    claimed = outbox.claim([row_id], now)
    assert [r.pk for r in claimed] == [row_id]
    assert outbox.claim([row_id], now) == []
    assert outbox.deliver([row_id]).sent == 0
    assert mail.outbox == []
    # A claim left by a worker that died expires, and the row goes out.
    later = now + timedelta(seconds=outbox.CLAIM_SECONDS + 1)
    assert [r.pk for r in outbox.claim([row_id], later)] == [row_id]


def test_headers_reach_the_message():
    headers = {"List-Unsubscribe": "<https://example.com/u/1/>"}
    ids = email.queue([message(headers=headers)])
    outbox.deliver(ids)
    assert mail.outbox[0].extra_headers["List-Unsubscribe"] == "<https://example.com/u/1/>"


def test_a_request_only_queues_the_mail(
    client, settings, flaky, django_capture_on_commit_callbacks
):
    """With the database queue, the password-reset request stores the message and a task; the
    mail server is not contacted until a worker runs the task."""
    make_employer("grace@hopper.example")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/employers/password/reset/", {"email": "grace@hopper.example"})
    assert response.status_code == 302
    assert flaky.attempts == 0
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING
    assert DBTaskResult.objects.get().task_path == "background.tasks.deliver_email"


def test_prune_forgets_delivered_mail_after_a_day():
    ids = email.queue([message()])
    outbox.deliver(ids)
    assert outbox.prune(timezone.now() + timedelta(hours=23)) == 0
    assert outbox.prune(timezone.now() + timedelta(days=1, minutes=1)) == 1


def test_healthz_says_when_mail_is_overdue(client):
    assert client.get("/healthz").content == b"ok\n"
    email.queue([message()])  # not sent: the on-commit hand-over never runs in this test
    assert client.get("/healthz").content == b"ok\n", "just queued is not overdue"
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.startswith(b"degraded: e-mail overdue")
    assert client.get("/healthz?strict=1").status_code == 503


def test_a_hung_server_costs_one_connection_per_sweep_not_one_per_batch(flaky):
    flaky.failures_left = 100
    email.queue([message(f"person{n}@example.com") for n in range(outbox.BATCH * 3)])
    outcome = outbox.deliver_due()
    assert (outcome.sent, outcome.deferred) == (0, outbox.BATCH)
    assert flaky.attempts == 1
