"""Purging a CDN or Varnish by tag when the page cache retires pages (CDN_PURGE_URL, off by
default).

Every `pages_changed(*tags)` inside a transaction adds its tags to one batch, handed to the
background worker once the transaction commits (never before, never on a rollback), so a request
never waits on the purge endpoint: one that hangs or fails slows or breaks no write. The worker
sends

    POST CDN_PURGE_URL
    Surrogate-Key: jobs job:12 role:3        (Fastly's batch purge; Varnish, see the docs)
    Content-Type: application/json
    {"tags": ["jobs", "job:12", "role:3"]}   (Cloudflare's purge by tag)

with CDN_PURGE_HEADER (a token) when set, at most PURGE_BATCH tags a request. An answer other
than 2xx, a timeout (CDN_PURGE_TIMEOUT) or a refused connection is tried again later,
CDN_PURGE_RETRY_SECONDS after the first attempt and doubling, CDN_PURGE_ATTEMPTS times in all;
then it is logged and given up (the CDN's copies expire after CDN_SHARED_MAX_AGE).
"""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)

# Cloudflare takes up to 30 tags a request; Fastly 256 keys.
PURGE_BATCH = 30
_BATCH_ATTRIBUTE = "cdn_purge_batch"


class _Batch:
    """The tags retired so far in one transaction, purged once it commits."""

    def __init__(self) -> None:
        self.tags: set[str] = set()

    def __call__(self) -> None:
        connection = transaction.get_connection()
        if getattr(connection, _BATCH_ATTRIBUTE, None) is self:
            setattr(connection, _BATCH_ATTRIBUTE, None)
        enqueue(self.tags)


def after_commit(tags: Iterable[str]) -> None:
    """Purge `tags` from shared caches once the current transaction commits (at once outside
    one); nothing when CDN_PURGE_URL is not set."""
    if not settings.CDN_PURGE_URL:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        enqueue(tags)
        return
    batch = getattr(connection, _BATCH_ATTRIBUTE, None)
    # A batch whose transaction (or savepoint) was rolled back was dropped with its callback.
    if batch is None or not any(call is batch for _, call, _ in connection.run_on_commit):
        batch = _Batch()
        setattr(connection, _BATCH_ATTRIBUTE, batch)
        transaction.on_commit(batch, robust=True)
    batch.tags.update(tags)


def enqueue(tags: Iterable[str]) -> None:
    """One purge task per PURGE_BATCH tags. A queue that cannot take them is logged: the
    write has committed and stays."""
    # (Imported here: defining a task loads the task backends, and this module is imported with
    # the page cache, before a test run has chosen its backend.)
    from core import cdn_tasks

    ordered = sorted(set(tags))
    for start in range(0, len(ordered), PURGE_BATCH):
        chunk = ordered[start : start + PURGE_BATCH]
        try:
            cdn_tasks.purge_tags.enqueue(chunk)
        except Exception as error:
            log.error("CDN purge of %s not queued (%s)", " ".join(chunk), error)


def send(tags: list[str]) -> str | None:
    """One purge request; None when the endpoint accepted it, else what went wrong."""
    request = urllib.request.Request(
        settings.CDN_PURGE_URL,
        data=json.dumps({"tags": tags}).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Surrogate-Key": " ".join(tags)},
    )
    name, _, value = settings.CDN_PURGE_HEADER.partition(":")
    if name.strip() and value.strip():
        request.add_header(name.strip(), value.strip())
    try:
        with urllib.request.urlopen(request, timeout=settings.CDN_PURGE_TIMEOUT) as answer:
            answer.read()
    except urllib.error.HTTPError as error:
        return f"answered {error.code}"
    except (OSError, ValueError) as error:  # refused, timed out, a bad address
        return str(error) or type(error).__name__
    return None
