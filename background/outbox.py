"""The e-mail outbox: messages are stored with the change they report and delivered by the
worker, so a request never waits on SMTP and an SMTP outage delays mail without losing it.

Delivery claims rows for CLAIM_SECONDS before sending (a conditional UPDATE, atomic on SQLite and
PostgreSQL alike), so two workers, or a worker and the retry sweep, never send the same row. A
failed attempt is tried again after a doubling delay (EMAIL_RETRY_SECONDS, 2x, 4x, ... capped at a
day) until EMAIL_MAX_ATTEMPTS, then the row is marked failed and logged for an operator."""

import contextlib
import logging
import smtplib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from background.models import OutgoingEmail

log = logging.getLogger(__name__)

CLAIM_SECONDS = 120  # longer than any SMTP timeout times a batch, so a live claim is never stolen
BATCH = 100  # messages one delivery task sends through one SMTP connection
MAX_DELAY = timedelta(days=1)

# Errors that concern one message (a refused recipient or content); the others in the batch go on.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str
    html: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = ""


@dataclass
class Delivery:
    sent: int = 0
    deferred: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"sent {self.sent}, deferred {self.deferred}, gave up on {self.failed}"


def queue(messages: Iterable[Message]) -> list[int]:
    """Store the messages and hand them to the worker once the current transaction commits."""
    now = timezone.now()
    rows = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            kind=m.kind[:60],
            to=m.to,
            subject=m.subject[:300],
            body=m.body,
            html=m.html,
            headers=m.headers,
            next_attempt_at=now,
        )
        for m in messages
    )
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: enqueue_delivery(ids))
    return ids


def enqueue_delivery(ids: Sequence[int]) -> None:
    from background.tasks import deliver_email  # the task module imports this one

    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        try:
            deliver_email.enqueue(chunk)
        except Exception:  # the queue being unreachable must not fail the change; the sweep retries
            log.exception("Could not queue e-mail %s; the retry sweep will send it", chunk)


def retry_delay(attempts: int) -> timedelta:
    return min(timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (attempts - 1)), MAX_DELAY)


def claim(ids: Sequence[int] | None, now: datetime, limit: int = BATCH) -> list[OutgoingEmail]:
    """Claim the given rows, or up to `limit` due ones, that are pending and not claimed."""
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    candidates = OutgoingEmail.objects.filter(free, status=OutgoingEmail.Status.PENDING)
    if ids is None:
        candidates = candidates.filter(next_attempt_at__lte=now)
        ids = list(candidates.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    token = uuid.uuid4().hex
    OutgoingEmail.objects.filter(free, pk__in=ids, status=OutgoingEmail.Status.PENDING).update(
        claimed_by=token, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
    )
    return list(OutgoingEmail.objects.filter(claimed_by=token).order_by("pk"))


def deliver(ids: Sequence[int] | None = None) -> Delivery:
    """Send the given outbox rows (or the due ones) through one connection."""
    now = timezone.now()
    rows = claim(ids, now)
    outcome = Delivery()
    if not rows:
        return outcome
    connection = mailers.default
    try:
        connection.open()
        for position, row in enumerate(rows):
            try:
                connection.send_messages([as_email(row)])
            except MESSAGE_ERRORS as error:
                _defer(row, error, outcome)
            except Exception as error:  # the server is down or hung: the rest wait with this one
                for unsent in rows[position:]:
                    _defer(unsent, error, outcome)
                break
            else:
                _mark_sent(row, outcome)
    except Exception as error:  # could not even connect
        for row in rows:
            if row.status == OutgoingEmail.Status.PENDING and row.claimed_by:
                _defer(row, error, outcome)
    finally:
        with contextlib.suppress(Exception):  # closing a broken connection fails too
            connection.close()
    return outcome


def deliver_due(limit: int = 10_000) -> Delivery:
    """The retry sweep: send what is due, batch by batch, until nothing is or `limit` is reached.
    A batch that sends nothing ends the sweep, so a mail server that hangs costs one connection
    timeout per sweep, not one per batch of the backlog."""
    total = Delivery()
    while total.sent + total.deferred + total.failed < limit:
        batch = deliver(None)
        total.sent += batch.sent
        total.deferred += batch.deferred
        total.failed += batch.failed
        if not batch.sent:
            break  # nothing was due, or the server is down: the rest wait for the next sweep
    return total


def as_email(row: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.to], headers=row.headers or None
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    return message


def _mark_sent(row: OutgoingEmail, outcome: Delivery) -> None:
    row.status = OutgoingEmail.Status.SENT
    row.sent_at = timezone.now()
    row.attempts += 1
    row.claimed_by, row.claimed_until = "", None
    row.save(update_fields=["status", "sent_at", "attempts", "claimed_by", "claimed_until"])
    outcome.sent += 1


def _defer(row: OutgoingEmail, error: BaseException, outcome: Delivery) -> None:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:500]
    row.claimed_by, row.claimed_until = "", None
    if row.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        row.status = OutgoingEmail.Status.FAILED
        outcome.failed += 1
        log.error(
            "Gave up e-mail %s (%s) after %s attempts: %s",
            row.pk,
            row.kind,
            row.attempts,
            row.last_error,
        )
    else:
        row.next_attempt_at = timezone.now() + retry_delay(row.attempts)
        outcome.deferred += 1
        log.warning(
            "E-mail %s (%s) not sent, attempt %s: %s",
            row.pk,
            row.kind,
            row.attempts,
            row.last_error,
        )
    row.save(
        update_fields=[
            "attempts",
            "last_error",
            "claimed_by",
            "claimed_until",
            "status",
            "next_attempt_at",
        ]
    )


def prune(now: datetime | None = None) -> int:
    """Forget delivered mail after a day and abandoned mail after 30: the outbox holds addresses."""
    now = now or timezone.now()
    sent = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__lt=now - timedelta(days=1)
    )
    failed = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.FAILED, next_attempt_at__lt=now - timedelta(days=30)
    )
    return sent.delete()[0] + failed.delete()[0]
