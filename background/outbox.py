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
from email.headerregistry import AddressHeader
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.encoding import punycode

from background.models import OutgoingEmail

log = logging.getLogger(__name__)

CLAIM_SECONDS = 120  # longer than any SMTP timeout times a batch, so a live claim is never stolen
BATCH = 100  # messages one delivery task sends through one SMTP connection
MAX_DELAY = timedelta(days=1)

# Errors that concern one message (a refused recipient or content); the others in the batch go on.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)
# Raised while writing one message (an address or header the backend cannot encode): it never
# will be sendable, so it fails at once instead of holding up the batch behind it.
# (The sender is checked before the batch, so such an error is the message's own.)
UNWRITABLE = (ValueError,)


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


def renew(row: OutgoingEmail) -> bool:
    """Extend this worker's claim on the row just before sending it; False when the claim ran
    out during a slow batch and another worker took the row (and may have sent it)."""
    until = timezone.now() + timedelta(seconds=CLAIM_SECONDS)
    return bool(_ours(row).update(claimed_until=until))


def deliver(ids: Sequence[int] | None = None) -> Delivery:
    """Send the given outbox rows (or the due ones) through one connection."""
    now = timezone.now()
    rows = claim(ids, now)
    outcome = Delivery()
    if not rows:
        return outcome
    sender_problem = address_problem(settings.DEFAULT_FROM_EMAIL)
    if sender_problem:  # the site's configuration, not the messages: they wait for a fix
        error = ValueError(f"DEFAULT_FROM_EMAIL cannot be sent from: {sender_problem}")
        log.error("No e-mail can be sent: %s", error)
        for row in rows:
            _defer(row, error, outcome)
        return outcome
    connection = mailers.default
    try:
        connection.open()
        for position, row in enumerate(rows):
            if not renew(row):
                log.warning("E-mail %s: claim lost to another worker; left to it", row.pk)
                continue
            try:
                _send(connection, row)
            except UNWRITABLE as error:  # this message's address or header: never sendable
                _give_up(row, error, outcome)
            except MESSAGE_ERRORS as error:
                if permanent(error):
                    _give_up(row, error, outcome)
                else:
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


def _send(connection: BaseEmailBackend, row: OutgoingEmail) -> None:
    problem = address_problem(row.to)
    if problem:
        raise ValueError(f"Invalid address {row.to!r}: {problem}")
    connection.send_messages([as_email(row)])


def address_problem(address: str) -> str | None:
    """Why the SMTP backend could not write this address (as its `prep_address` checks it:
    defects, several addresses, a non-ASCII local part, a domain IDNA refuses), or None."""
    try:
        parsed = AddressHeader.value_parser(address)
    except Exception as error:  # the parser's own errors are not all ValueErrors
        return str(error) or type(error).__name__
    defects = {str(defect) for defect in parsed.all_defects}
    defects.discard("addr-spec local part with no domain")  # "webmaster": the backend allows it
    if defects:
        return "; ".join(sorted(defects))
    mailboxes = parsed.all_mailboxes
    if len(mailboxes) != 1:
        return "not a single address"
    mailbox = mailboxes[0]
    if not mailbox.local_part.isascii():
        return "the part before @ is not ASCII"
    try:
        punycode(mailbox.domain or "")
    except UnicodeError as error:
        return str(error)
    return None


def permanent(error: Exception) -> bool:
    """A 5xx answer for this message's recipient or content: trying again gets the same answer.
    (A refused sender is the site's configuration: an operator fixes it, the mail waits.)"""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [answer[0] for answer in error.recipients.values()]
        return bool(codes) and all(int(code) >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return int(error.smtp_code) >= 500
    return False


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
        if not batch.sent and not batch.failed:
            break  # nothing was due, or the server is down: the rest wait for the next sweep
    return total


def as_email(row: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.to], headers=row.headers or None
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    return message


def _ours(row: OutgoingEmail) -> QuerySet[OutgoingEmail]:
    """The row while this worker's claim on it holds: every write after sending is conditional,
    so a worker whose claim was taken over never overwrites what the other one did."""
    return OutgoingEmail.objects.filter(
        pk=row.pk, claimed_by=row.claimed_by, status=OutgoingEmail.Status.PENDING
    )


def _mark_sent(row: OutgoingEmail, outcome: Delivery) -> None:
    row.status = OutgoingEmail.Status.SENT
    row.sent_at = timezone.now()
    row.attempts += 1
    _ours(row).update(
        status=row.status,
        sent_at=row.sent_at,
        attempts=row.attempts,
        claimed_by="",
        claimed_until=None,
    )
    row.claimed_by, row.claimed_until = "", None
    outcome.sent += 1


def _give_up(row: OutgoingEmail, error: BaseException, outcome: Delivery) -> None:
    """A message that can never be sent: failed at once, for an operator to read."""
    _defer(row, error, outcome, final=True)


def _defer(
    row: OutgoingEmail, error: BaseException, outcome: Delivery, *, final: bool = False
) -> None:
    attempts = row.attempts + 1
    last_error = f"{type(error).__name__}: {error}"[:500]
    changes: dict[str, Any] = {
        "attempts": attempts,
        "last_error": last_error,
        "claimed_by": "",
        "claimed_until": None,
    }
    if final or attempts >= settings.EMAIL_MAX_ATTEMPTS:
        changes["status"] = OutgoingEmail.Status.FAILED
    else:
        changes["next_attempt_at"] = timezone.now() + retry_delay(attempts)
    if not _ours(row).update(**changes):
        return  # another worker holds the row now: its outcome is the other worker's to write
    for name, value in changes.items():
        setattr(row, name, value)
    if row.status == OutgoingEmail.Status.FAILED:
        outcome.failed += 1
        log.error(
            "Gave up e-mail %s (%s) after %s attempts: %s", row.pk, row.kind, attempts, last_error
        )
    else:
        outcome.deferred += 1
        log.warning(
            "E-mail %s (%s) not sent, attempt %s: %s", row.pk, row.kind, attempts, last_error
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


def forget_address(address: str) -> int:
    """Delete every message to `address`, sent or waiting (its owner deleted their account:
    the copies kept for the retry sweep and the pruning window hold their name and postings).
    How many there were."""
    deleted, _ = OutgoingEmail.objects.filter(to__iexact=address).delete()
    return deleted
