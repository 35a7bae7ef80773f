"""What one bad message, a permanent refusal, a misconfigured sender or a slow batch do to the
outbox: the bad message fails alone and at once, the others go, nothing is sent twice."""

import logging
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from background import outbox
from background.models import OutgoingEmail
from core import email
from tests.background.flaky_mail import Answers, SlowBackend

pytestmark = pytest.mark.django_db

BACKENDS = "tests.background.flaky_mail."
FAILED, PENDING, SENT = (
    OutgoingEmail.Status.FAILED,
    OutgoingEmail.Status.PENDING,
    OutgoingEmail.Status.SENT,
)


def message(to: str, **kwargs) -> email.Message:
    return email.Message(to=to, subject="Hello", body="Hello there.", kind="test", **kwargs)


def backend(settings, name: str) -> None:
    settings.MAILERS = {"default": {"BACKEND": BACKENDS + name}}


def statuses() -> dict[str, tuple[str, int]]:
    return {row.to: (row.status, row.attempts) for row in OutgoingEmail.objects.all()}


# Stored before addresses were normalized, or typed into another app's form: each raised in the
# mail backend (UnicodeEncodeError, ValueError) and deferred the rest of its batch, every sweep.
UNWRITABLE = [
    "grace@hopper.example\u202e",  # a character IDNA refuses in the domain
    "gr\u212ace@hopper.example",  # a non-ASCII local part
    "grace@hopper.example, mallory@evil.example",  # two addresses in one
]


def test_an_address_the_backend_cannot_write_fails_alone_and_at_once(settings, caplog):
    backend(settings, "WritesLikeSmtp")
    good = [f"person{n}@example.com" for n in range(3)]
    email.queue([message(a) for a in [UNWRITABLE[0], good[0], UNWRITABLE[1], good[1]]])
    email.queue([message(UNWRITABLE[2]), message(good[2])])
    with caplog.at_level(logging.ERROR, logger="background.outbox"):
        outcome = outbox.deliver_due()
    assert (outcome.sent, outcome.deferred, outcome.failed) == (3, 0, 3)
    assert sorted(m.to[0] for m in mail.outbox) == good
    for address in UNWRITABLE:
        assert statuses()[address] == (FAILED, 1), address
    assert len([r for r in caplog.records if "Gave up e-mail" in r.getMessage()]) == 3


def test_a_header_the_backend_cannot_write_fails_alone(settings):
    backend(settings, "WritesLikeSmtp")
    ids = email.queue(
        [
            message("bad@example.com", headers={"List-Unsubscribe": "<x>\r\nBcc: all@x.example"}),
            message("good@example.com"),
        ]
    )
    outcome = outbox.deliver(ids)
    assert (outcome.sent, outcome.failed) == (1, 1)
    assert [m.to for m in mail.outbox] == [["good@example.com"]]
    assert statuses()["bad@example.com"] == (FAILED, 1)


def test_a_batch_of_only_bad_messages_does_not_end_the_sweep(settings):
    backend(settings, "WritesLikeSmtp")
    email.queue([message(f"n\u212a{n}@example.com") for n in range(outbox.BATCH)])
    email.queue([message("good@example.com")])
    assert outbox.deliver_due().sent == 1


def test_a_permanent_refusal_fails_at_once_a_temporary_one_waits(settings):
    backend(settings, "Answers")
    Answers.errors = {
        "gone@example.com": smtplib.SMTPRecipientsRefused({"gone@example.com": (550, b"no")}),
        "full@example.com": smtplib.SMTPRecipientsRefused({"full@example.com": (452, b"full")}),
        "spam@example.com": smtplib.SMTPDataError(554, b"rejected as spam"),
        "later@example.com": smtplib.SMTPDataError(451, b"try again later"),
        "greylisted@example.com": smtplib.SMTPSenderRefused(550, b"sender", "jobs@localhost"),
    }
    ids = email.queue([message(address) for address in [*Answers.errors, "ok@example.com"]])
    outcome = outbox.deliver(ids)
    assert (outcome.sent, outcome.deferred, outcome.failed) == (1, 3, 2)
    assert statuses() == {
        "gone@example.com": (FAILED, 1),
        "full@example.com": (PENDING, 1),
        "spam@example.com": (FAILED, 1),
        "later@example.com": (PENDING, 1),
        "greylisted@example.com": (PENDING, 1),  # a refused sender is ours to fix: it waits
        "ok@example.com": (SENT, 1),
    }


def test_a_sender_address_that_cannot_be_written_holds_the_mail_without_failing_it(
    settings, caplog
):
    """An operator's mistake in DEFAULT_FROM_EMAIL is not every message's fault."""
    backend(settings, "WritesLikeSmtp")
    settings.DEFAULT_FROM_EMAIL = "Jobs <jöbs@board.example>"
    ids = email.queue([message(f"person{n}@example.com") for n in range(3)])
    with caplog.at_level(logging.ERROR, logger="background.outbox"):
        outcome = outbox.deliver(ids)
    assert (outcome.sent, outcome.deferred, outcome.failed) == (0, 3, 0)
    assert "DEFAULT_FROM_EMAIL" in caplog.text
    settings.DEFAULT_FROM_EMAIL = "Jobs <jobs@board.example>"
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox.deliver_due().sent == 3


def test_a_batch_slower_than_its_claim_sends_each_message_once(settings, monkeypatch):
    """Each message takes 50 s; the batch's claim (120 s) runs out before its fourth message,
    and another worker's sweep starts then. Before: both sent the fourth message."""
    clock = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: clock[0])
    backend(settings, "SlowBackend")
    monkeypatch.setattr(SlowBackend, "clock", clock)
    monkeypatch.setattr(SlowBackend, "seconds", 50)
    monkeypatch.setattr(SlowBackend, "sent", 0)
    monkeypatch.setattr(SlowBackend, "after", 3)  # the third send ends 150 s after the claim

    def other_worker():  # its own sends take no time on the clock
        SlowBackend.seconds = 0
        outbox.deliver_due()
        SlowBackend.seconds = 50

    monkeypatch.setattr(SlowBackend, "meanwhile", other_worker)
    addresses = [f"person{n}@example.com" for n in range(5)]
    ids = email.queue([message(address) for address in addresses])
    outbox.deliver(ids)
    assert sorted(m.to[0] for m in mail.outbox) == addresses, "each once"
    assert set(statuses().values()) == {(SENT, 1)}


def test_a_worker_whose_claim_was_taken_writes_nothing_over_the_other():
    (row_id,) = email.queue([message("grace@hopper.example")])
    now = timezone.now()
    [mine] = outbox.claim([row_id], now)
    later = now + timedelta(seconds=outbox.CLAIM_SECONDS + 1)
    [theirs] = outbox.claim([row_id], later)
    assert not outbox.renew(mine)
    outbox._mark_sent(theirs, outbox.Delivery())
    outbox._defer(mine, RuntimeError("late"), outbox.Delivery())
    row = OutgoingEmail.objects.get()
    assert (row.status, row.attempts, row.last_error) == (SENT, 1, "")
